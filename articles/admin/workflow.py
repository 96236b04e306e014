"""The article admin's editorial workflow: role rules, transition buttons, conflicts, versions.

`WorkflowAdminMixin` goes in front of `ModelAdmin` on the article admin. Every button posts to a
view here that calls `articles.workflow`; nothing here writes `Article.status`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from articles import workflow
from articles.admin import diffs, presence
from articles.models import Article, ArticleAuthor, ShareLink, Transition
from articles.workflow import signals as workflow_signals
from newsroom.links import absolute_url

# Fields whose changes a conflict message or a version diff shows word by word.
TEXT_FIELDS = ("headline", "summary", "body", "editors_note")
# Fields a version diff compares: the story and its state, not the bookkeeping that every save moves.
DIFF_FIELDS = [
    f.name
    for f in Article._meta.concrete_fields
    if f.name not in ("id", "revision", "modified_at", "created_at", "created_by", "published_on", "search_vector")
]


def staff_id(request: HttpRequest) -> int:
    """The signed-in user's id; admin views only run for signed-in staff, so anything else is refused."""
    user_id = request.user.pk
    if user_id is None:
        raise PermissionDenied
    return int(user_id)


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


QUEUE_SIZE = 25


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
        # Lock the row until the admin's transaction ends, so two saves cannot both pass this check.
        current = (
            Article.objects.select_for_update().filter(pk=self.instance.pk).values_list("revision", flat=True).first()
        )
        if current is None or current == base:
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
                    "label": _verbose_name(change.field),
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
            "fields": ", ".join(_verbose_name(c.field) for c in changes) or _("only its formatting"),
        }
    ]
    if merged:
        parts.append(
            _("Their %(fields)s is now in the form below.") % {"fields": ", ".join(map(_verbose_name, merged))}
        )
    if both:
        parts.append(
            _("You both changed %(fields)s: your version is kept in the form; compare it with theirs above.")
            % {"fields": ", ".join(map(_verbose_name, both))}
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


class NoteActionForm(helpers.ActionForm):
    """The list's action bar, with a note for the actions that need one (return)."""

    note = forms.CharField(label=gettext_lazy("Note"), required=False)


class UrgencyFilter(admin.SimpleListFilter):
    """Breaking (1–2), urgent (3–4) or routine (5–9)."""

    title = gettext_lazy("urgency")
    parameter_name = "urgency"

    def lookups(self, request, model_admin):
        return [("breaking", _("1–2 (flash, breaking)")), ("urgent", _("3–4")), ("routine", _("5–9"))]

    def queryset(self, request, queryset):
        bounds = {"breaking": (1, 2), "urgent": (3, 4), "routine": (5, 9)}.get(self.value() or "")
        return queryset.filter(urgency__range=bounds) if bounds else queryset


class EditorsNoteFilter(admin.SimpleListFilter):
    """Stories with or without a note for the desk."""

    title = gettext_lazy("editor's note")
    parameter_name = "has_note"

    def lookups(self, request, model_admin):
        return [("yes", _("With a note")), ("no", _("Without a note"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(editors_note="")
        if self.value() == "no":
            return queryset.filter(editors_note="")
        return queryset


class SluglineFilter(admin.SimpleListFilter):
    """Stories with or without a slugline (search finds a slugline by its exact name)."""

    title = gettext_lazy("slugline")
    parameter_name = "has_slugline"

    def lookups(self, request, model_admin):
        return [("yes", _("With a slugline")), ("no", _("Without a slugline"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(slugline="")
        if self.value() == "no":
            return queryset.filter(slugline="")
        return queryset


if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin
else:
    _AdminBase = object


class WorkflowAdminMixin(_AdminBase):
    """Role rules and the desk's workflow views for the article admin."""

    change_form_template = "admin/articles/article/change_form.html"
    action_form = NoteActionForm
    # The total over the whole table is never counted (see EstimatedCountPaginator).
    show_full_result_count = False

    # --- who sees and changes what ---------------------------------------------------------

    def get_queryset(self, request: HttpRequest):
        queryset = super().get_queryset(request)
        if workflow.is_desk(request.user):
            return queryset
        # A reporter sees their own stories and what is published, nothing else.
        mine = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user_id=staff_id(request))
        return queryset.filter(
            Q(status=Article.Status.PUBLISHED) | Q(created_by_id=staff_id(request)) | Q(Exists(mine))
        )

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        # A published story is withdrawn, not deleted, so its address can answer 410 Gone.
        return obj is None or obj.status in (Article.Status.DRAFT, Article.Status.SUBMITTED)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.publish_article")

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        from articles.admin.paginator import EstimatedCountPaginator

        return EstimatedCountPaginator(queryset, per_page, orphans, allow_empty_first_page)

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        presence.leave(obj.pk, request.user)
        # A desk fix to a public story (a typo) shows on the next request, not when the cache expires.
        transaction.on_commit(
            lambda: workflow_signals.article_edited.send_robust(sender=Article, article=obj, user=request.user)
        )

    # --- the change form -------------------------------------------------------------------

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        extra_context = extra_context or {}
        article = self.get_object(request, object_id)
        if article is not None and self.has_view_permission(request, article):
            # Only someone who can change the story counts as editing it; readers of it do not.
            if self.has_change_permission(request, article):
                presence.touch(article.pk, request.user)
            extra_context.update(self._workflow_context(request, article))
        return super().change_view(request, object_id, form_url, extra_context)

    def _workflow_context(self, request: HttpRequest, article: Article) -> dict:
        desk = workflow.is_desk(request.user)
        return {
            "workflow_transitions": workflow.available_transitions(request.user, article),
            "workflow_log": article.transitions.select_related("user")[:50],
            "workflow_corrections": article.corrections.select_related("user"),
            "workflow_return_note": workflow.return_note(article),
            "workflow_withdrawal": workflow.withdrawal(article) if article.status == Article.Status.WITHDRAWN else None,
            "workflow_others": presence.others(article.pk, request.user),
            "workflow_share_links": article.share_links.select_related("created_by")[:20] if desk else [],
            "workflow_can_share": desk and request.user.has_perm("articles.add_sharelink"),
            "workflow_presence_ping": reverse("admin:articles_article_presence", args=[article.pk]),
            "workflow_now": timezone.localtime(),
        }

    # --- URLs ------------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("desk/", wrap(self.desk_view), name="articles_article_desk"),
            path("<int:pk>/transition/<str:name>/", wrap(self.transition_view), name="articles_article_transition"),
            path("<int:pk>/presence/", wrap(self.presence_view), name="articles_article_presence"),
            path("<int:pk>/versions/", wrap(self.versions_view), name="articles_article_versions"),
            path(
                "<int:pk>/versions/<int:version_id>/restore/",
                wrap(self.restore_view),
                name="articles_article_restore",
            ),
            path("<int:pk>/share/", wrap(self.share_view), name="articles_article_share"),
            path(
                "<int:pk>/share/<int:link_id>/revoke/",
                wrap(self.revoke_share_view),
                name="articles_article_share_revoke",
            ),
            *super().get_urls(),
        ]

    def _article_or_404(self, request: HttpRequest, pk: int) -> Article:
        article = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        return article

    def _back(self, article: Article) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    # --- transitions -----------------------------------------------------------------------

    def transition_view(self, request: HttpRequest, pk: int, name: str) -> HttpResponse:
        """A change-form button: run one transition, say what happened, go back to the form."""
        if request.method != "POST":
            return HttpResponse(status=405, headers={"Allow": "POST"})
        article = self._article_or_404(request, pk)
        note = request.POST.get("note", "")
        try:
            if name == workflow.SUBMIT:
                workflow.submit(article, user=request.user)
                done = _("Submitted “%(headline)s” to the desk.")
            elif name == workflow.RETURN:
                workflow.return_to_author(article, user=request.user, note=note)
                done = _("Returned “%(headline)s” to its author with your note.")
            elif name == workflow.PUBLISH:
                workflow.publish(article, user=request.user)
                done = _("Published “%(headline)s”.")
            elif name == workflow.SCHEDULE:
                workflow.publish(article, user=request.user, at=_parse_local_time(request.POST.get("at", "")))
                done = _("Scheduled “%(headline)s”: it goes public at the embargo time.")
            elif name == workflow.CORRECT:
                workflow.correct(article, user=request.user, note=note)
                done = _("Published a correction to “%(headline)s”.")
            elif name == workflow.WITHDRAW:
                workflow.withdraw(article, user=request.user, note=note)
                done = _("Withdrew “%(headline)s”: its address now answers that it is gone.")
            else:
                raise Http404("No such transition")
        except (workflow.WorkflowError, PermissionDenied, ValidationError) as exc:
            self.message_user(request, _refusal(exc), messages.ERROR)
        else:
            # The form the user acted from is stale now; if they may still edit, reopening it
            # marks them present again, else (a reporter who submitted) nobody sees them "editing".
            presence.leave(article.pk, request.user)
            self.message_user(request, done % {"headline": article.headline}, messages.SUCCESS)
        return self._back(article)

    @admin.action(
        description=gettext_lazy("Return selected articles to their authors (note below)"), permissions=["publish"]
    )
    def return_selected(self, request: HttpRequest, queryset) -> None:
        """Bulk return, with the same note to every author (the action form's note field)."""
        note = request.POST.get("note", "")
        self._bulk(request, queryset, lambda a: workflow.return_to_author(a, user=request.user, note=note))

    def _bulk(self, request: HttpRequest, queryset, run) -> None:
        moved = 0
        for article in queryset:
            try:
                run(article)
            except (workflow.WorkflowError, PermissionDenied) as exc:
                self.message_user(request, _refusal(exc), messages.ERROR)
            else:
                moved += 1
        if moved:
            message = ngettext("%(count)d article moved.", "%(count)d articles moved.", moved)
            self.message_user(request, message % {"count": moved}, messages.SUCCESS)

    # --- presence --------------------------------------------------------------------------

    def presence_view(self, request: HttpRequest, pk: int) -> JsonResponse:
        """The change form's heartbeat: record me, answer who else has the article open."""
        article = self._article_or_404(request, pk)
        if request.method == "POST" and self.has_change_permission(request, article):
            presence.touch(article.pk, request.user)
        people = [
            {"name": p["name"], "since": date_format(timezone.localtime(p["since"]), "TIME_FORMAT")}
            for p in presence.others(article.pk, request.user)
        ]
        return JsonResponse({"others": people})

    # --- versions --------------------------------------------------------------------------

    def versions_view(self, request: HttpRequest, pk: int) -> TemplateResponse:
        """Every saved version of the article, newest first, each with what it changed."""
        article = self._article_or_404(request, pk)
        history = workflow.history_of(article).select_related("history_user")
        records = list(history.order_by("-history_date", "-history_id")[:51])
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
                            "label": _verbose_name(change.field),
                            "pieces": diffs.word_diff(change.old, change.new) if text else None,
                            "old": None if text else _display(record, older, change.field, change.old),
                            "new": None if text else _display(record, record, change.field, change.new),
                        }
                    )
            versions.append({"record": record, "changes": changes, "first": older is None})
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

    def restore_view(self, request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
        """Bring back an old version's text through the workflow (never its status)."""
        if request.method != "POST":
            return HttpResponse(status=405, headers={"Allow": "POST"})
        article = self._article_or_404(request, pk)
        try:
            workflow.restore_version(article, user=request.user, version_id=version_id)
        except (workflow.WorkflowError, PermissionDenied) as exc:
            self.message_user(request, _refusal(exc), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:articles_article_versions", args=[article.pk]))
        self.message_user(request, _("Restored the text of that version as a new version."), messages.SUCCESS)
        return self._back(article)

    # --- share links -----------------------------------------------------------------------

    def share_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Make a signed, expiring link that shows this one article to a reviewer without a login."""
        if request.method != "POST":
            return HttpResponse(status=405, headers={"Allow": "POST"})
        article = self._article_or_404(request, pk)
        if not (workflow.is_desk(request.user) and request.user.has_perm("articles.add_sharelink")):
            raise PermissionDenied
        try:
            hours = max(1, min(int(request.POST.get("hours") or 48), 24 * 14))
        except ValueError:
            hours = 48
        link = ShareLink.objects.create(
            article=article,
            label=request.POST.get("label", "")[:120],
            created_by_id=staff_id(request),
            expires_at=timezone.now() + datetime.timedelta(hours=hours),
        )
        self.message_user(
            request,
            _("Share link made; it works until %(when)s: %(url)s")
            % {
                "when": date_format(timezone.localtime(link.expires_at), "DATETIME_FORMAT"),
                "url": absolute_url(link.get_absolute_url()),
            },
            messages.SUCCESS,
        )
        return self._back(article)

    def revoke_share_view(self, request: HttpRequest, pk: int, link_id: int) -> HttpResponse:
        """Stop a share link from working at once."""
        if request.method != "POST":
            return HttpResponse(status=405, headers={"Allow": "POST"})
        article = self._article_or_404(request, pk)
        if not (workflow.is_desk(request.user) and request.user.has_perm("articles.change_sharelink")):
            raise PermissionDenied
        ShareLink.objects.filter(article=article, pk=link_id).update(revoked=True)
        self.message_user(request, _("The share link no longer works."), messages.SUCCESS)
        return self._back(article)

    # --- the desk overview -----------------------------------------------------------------

    def desk_view(self, request: HttpRequest) -> TemplateResponse:
        """The desk's queues with counts: my drafts, waiting, embargoed, published today, returned."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        now = timezone.now()
        start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        base = self.get_queryset(request).select_related("section").only(
            "headline", "slugline", "urgency", "status", "published_at", "modified_at", "section__name",
            "section__path", "created_by_id",
        )  # fmt: skip
        mine = Q(created_by_id=staff_id(request)) | Q(
            Exists(ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user_id=staff_id(request)))
        )
        submitted_at = Transition.objects.filter(article=OuterRef("pk"), to_status=Article.Status.SUBMITTED)
        returned = Transition.objects.returns().filter(article=OuterRef("pk"))
        queues = [
            (_("My drafts"), base.filter(mine, status=Article.Status.DRAFT).order_by("-modified_at"), "modified_at"),
            (
                _("Returned to me"),
                base.filter(mine, Exists(returned), status=Article.Status.DRAFT)
                .annotate(returned_at=Subquery(returned.order_by("-at").values("at")[:1]))
                .order_by("-returned_at"),
                "returned_at",
            ),
            (
                _("Waiting for the desk (oldest first)"),
                base.filter(status=Article.Status.SUBMITTED)
                .annotate(submitted_at=Subquery(submitted_at.values("article").annotate(m=Max("at")).values("m")[:1]))
                .order_by("submitted_at", "pk"),
                "submitted_at",
            ),
            (
                _("Embargoed (release time)"),
                base.filter(status=Article.Status.PUBLISHED, published_at__gt=now).order_by("published_at"),
                "published_at",
            ),
            (
                _("Published today"),
                base.filter(
                    status=Article.Status.PUBLISHED, published_at__gte=start_of_day, published_at__lte=now
                ).order_by("-published_at"),
                "published_at",
            ),
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Desk overview"),
            "opts": self.model._meta,
            "queues": [
                {"title": title, "count": qs.count(), "articles": list(qs[:QUEUE_SIZE]), "time_field": field}
                for title, qs, field in queues
            ],
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/articles/article/desk.html", context)


def _refusal(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or _("You do not have permission to do that.")


def _parse_local_time(value: str) -> datetime.datetime:
    """An embargo time typed in the newsroom's zone (a datetime-local input) as an aware datetime."""
    try:
        parsed = parse_datetime(value.strip()) if value else None
    except ValueError:
        # Well-formed but impossible (30 February, 25 o'clock): Django raises rather than answer None.
        raise workflow.WorkflowError(
            _("“%(value)s” is not a real date and time. Give the embargo time as e.g. 2026-01-08 14:00.")
            % {"value": value.strip()}
        ) from None
    if parsed is None:
        raise workflow.WorkflowError(_("Give the embargo time as a date and time, e.g. 2026-01-08 14:00."))
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def _verbose_name(field_name: str) -> str:
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
