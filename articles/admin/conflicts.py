"""Two people on one story: the save that would overwrite a newer version is refused and explained."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from articles import workflow
from articles.admin import diffs
from articles.admin.versions import TEXT_FIELDS, meaningful_changes, verbose_name
from articles.models import Article


class RevisionCheckedForm(forms.ModelForm):
    """A model form that refuses to save over a version saved by someone else since it was opened."""

    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: dict | None = None
        if self.instance.pk is not None:
            self.fields["base_revision"].initial = self.instance.revision

    def clean(self):
        cleaned = super().clean() or {}
        base = cleaned.get("base_revision")
        if self.instance.pk is None or base is None:
            return cleaned
        # The service's check: it locks the row until the admin's transaction ends, so two saves
        # cannot both pass, and save_edit checks again under the same lock.
        try:
            workflow.check_revision(self.instance, base)
        except workflow.EditConflictError as exc:
            current = exc.current_revision
        else:
            return cleaned
        self.conflict = describe_conflict(self.instance, base_revision=base, submitted=cleaned)
        # Fields only they changed take their value, so saving again keeps both people's work;
        # fields both changed keep this editor's text, shown beside theirs. The next save is then a
        # deliberate one, made after seeing their version.
        data: Any = self.data.copy()  # type: ignore[attr-defined]
        for name, value in self.conflict["merged"].items():
            if name in self.fields:
                data[self.add_prefix(name)] = value
        data[self.add_prefix("base_revision")] = str(current)
        self.data = data
        raise ValidationError(self.conflict["message"], code="conflict")


def _same_value(name: str, submitted: Any, stored: Any) -> bool:
    """Does the form's value equal a version's stored value (ids for relations, words for text)?"""
    if name in TEXT_FIELDS or name == "body":
        return diffs.same_text(submitted or "", stored or "")
    submitted = getattr(submitted, "pk", submitted)
    if submitted in ("", None) and stored in ("", None):
        return True
    return submitted == stored


def _form_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value)


def describe_conflict(article: Article, *, base_revision: int, submitted: dict) -> dict:
    """Who saved the article since base_revision, when, what they changed, and what merges cleanly."""
    history = workflow.history_of(article)
    newer = list(history.filter(revision__gt=base_revision).select_related("history_user").order_by("revision"))
    base = history.filter(revision__lte=base_revision).order_by("-revision").first()
    latest = newer[-1] if newer else None
    changes = meaningful_changes(latest, base) if latest is not None and base is not None else []
    merged: dict[str, str] = {}
    both: list[str] = []
    field_diffs = []
    for change in changes:
        if change.field not in submitted:
            continue  # not on the form (status, dates): nothing of it can be overwritten
        yours = submitted[change.field]
        if _same_value(change.field, yours, change.old):
            merged[change.field] = _form_value(change.new)
            continue
        if _same_value(change.field, yours, change.new):
            continue  # both made the same change
        both.append(change.field)
        if change.field in TEXT_FIELDS:
            field_diffs.append(
                {
                    "label": verbose_name(change.field),
                    "theirs": diffs.word_diff(change.old, change.new),
                    "yours": diffs.word_diff(change.new, yours),
                }
            )
    people = sorted({_person(record.history_user) for record in newer}) or [_("someone")]
    when = latest.history_date if latest is not None else timezone.now()
    parts = [
        _("%(who)s saved this article at %(when)s, after you opened it, and changed: %(fields)s.")
        % {
            "who": ", ".join(people),
            "when": date_format(timezone.localtime(when), "DATETIME_FORMAT"),
            "fields": ", ".join(verbose_name(c.field) for c in changes) or _("only its formatting"),
        }
    ]
    if merged:
        parts.append(_("Their %(fields)s is now in the form below.") % {"fields": ", ".join(map(verbose_name, merged))})
    if both:
        parts.append(
            _("You both changed %(fields)s: your version is kept in the form; compare it with theirs above.")
            % {"fields": ", ".join(map(verbose_name, both))}
        )
    parts.append(_("Nothing was saved: check the form, then save again."))
    return {
        "message": " ".join(parts),
        "changed": [c.field for c in changes],
        "merged": merged,
        "both": both,
        "diffs": field_diffs,
        "who": people,
        "when": when,
    }


def _person(user) -> str:
    if user is None:
        return _("the newsroom")
    return user.get_full_name() or user.get_username()
