"""Every saved version of a story, what each changed word by word, and restoring an old text."""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles import workflow
from articles.admin import diffs
from articles.admin.base import ArticleViewsMixin, refusal
from articles.models import Article

# Fields whose changes a conflict message or a version diff shows word by word.
TEXT_FIELDS = ("headline", "summary", "body", "editors_note")

# Fields a version diff compares: the story and its state, not the bookkeeping that every save moves.
# Who took a story is not kept in its versions at all (articles/models/history.py).
NOT_COMPARED = (
    "id", "revision", "modified_at", "created_at", "created_by", "published_on", "search_vector",
    "taken_by", "taken_at",
)  # fmt: skip
DIFF_FIELDS = [f.name for f in Article._meta.concrete_fields if f.name not in NOT_COMPARED]


class Change(NamedTuple):
    """One field's change between two versions (a foreign key's values are ids)."""

    field: str
    old: Any
    new: Any


def meaningful_changes(newer, older) -> list[Change]:
    """The field changes between two versions, leaving out text whose words did not change."""
    # simple-history's diff_against() compares editable fields only; status and dates are not.
    changes = []
    for name in DIFF_FIELDS:
        attname = Article._meta.get_field(name).attname  # type: ignore[union-attr]
        old, new = getattr(older, attname), getattr(newer, attname)
        if old != new and not (name in TEXT_FIELDS and diffs.same_text(old, new)):
            changes.append(Change(name, old, new))
    return changes


def verbose_name(field_name: str) -> str:
    return str(Article._meta.get_field(field_name).verbose_name)  # type: ignore[union-attr]


def _display(record, source, field_name: str, value) -> str:
    """A version's value as a person reads it: a section's name rather than its id, dates in local time."""
    field = Article._meta.get_field(field_name)
    if value is None:
        return ""
    if field.is_relation:
        related = getattr(source, field_name, None)
        return str(related) if related is not None else str(value)
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))  # type: ignore[union-attr]
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    return str(value)


class VersionsMixin(ArticleViewsMixin):
    """The versions page of a story and its restore button."""

    # --- versions --------------------------------------------------------------------------

    def versions_view(self, request: HttpRequest, pk: int) -> TemplateResponse:
        """Every saved version of the article, newest first, each with what it changed."""
        if not request.user.has_perm("articles.view_historicalarticle"):
            raise PermissionDenied
        article = self._article_or_404(request, pk)
        history = workflow.history_of(article).select_related("history_user")
        records = list(history.order_by("-history_date", "-history_id")[:51])
        # A correction moves "Updated:" to its own time: the version that did so carries its note.
        corrections = {c.at: c for c in article.corrections.all()}
        versions: list[dict[str, Any]] = []
        for record, older in zip(records, [*records[1:], None], strict=True):
            if len(versions) == 50:
                break
            changes = []
            if older is not None:
                for change in meaningful_changes(record, older):
                    text = change.field in TEXT_FIELDS
                    changes.append(
                        {
                            "label": verbose_name(change.field),
                            "pieces": diffs.word_diff(change.old, change.new) if text else None,
                            "old": None if text else _display(record, older, change.field, change.old),
                            "new": None if text else _display(record, record, change.field, change.new),
                        }
                    )
            moved = older is None or record.updated_at != older.updated_at
            correction = corrections.get(record.updated_at) if moved and record.updated_at else None
            versions.append({"record": record, "changes": changes, "first": older is None, "correction": correction})
        can_restore = workflow.is_desk(request.user) and workflow.can_edit(request.user, article)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Versions of “%(headline)s”") % {"headline": article.headline},
            "opts": self.model._meta,
            "original": article,
            "versions": versions,
            "can_restore": can_restore,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/articles/article/versions.html", context)

    @method_decorator(require_POST)
    def restore_view(self, request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
        """Bring back an old version's text through the workflow (never its status)."""
        article = self._article_or_404(request, pk)
        try:
            workflow.restore_version(article, user=request.user, version_id=version_id)
        except (workflow.WorkflowError, PermissionDenied) as exc:
            self.message_user(request, refusal(exc), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:articles_article_versions", args=[article.pk]))
        self.message_user(request, _("Restored the text of that version as a new version."), messages.SUCCESS)
        return self._back(article)
