"""The article admin's editorial workflow: role rules, transition buttons, presence.

`WorkflowAdminMixin` goes in front of `ModelAdmin` on the article admin. Every button posts to a
view here that calls `articles.workflow`; nothing here writes `Article.status`. The versions page,
share links and the desk overview come from their own mixins.
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from articles import workflow
from articles.admin import autosave, presence
from articles.admin.autosave import AutosaveMixin
from articles.admin.base import refusal, staff_id
from articles.admin.desk_overview import DeskOverviewMixin
from articles.admin.notices import NoticesMixin
from articles.admin.reading import ReadingMixin
from articles.admin.share_links import ShareLinksMixin
from articles.admin.versions import VersionsMixin
from articles.models import Article
from articles.models.article import owned_q
from articles.models.desk import latest_submission

# What a done transition says; whole sentences, one per button.
TRANSITION_MESSAGES = {
    workflow.SUBMIT: lambda: _("Submitted “%(headline)s” to the desk."),
    workflow.TAKE: lambda: _("You have taken “%(headline)s”: the desk sees that you are on it."),
    workflow.RETURN: lambda: _("Returned “%(headline)s” to its author with your note."),
    workflow.PUBLISH: lambda: _("Published “%(headline)s”."),
    workflow.SCHEDULE: lambda: _("Scheduled “%(headline)s”: it goes public at the embargo time."),
    workflow.CORRECT: lambda: _("Published a correction to “%(headline)s”."),
    workflow.WITHDRAW: lambda: _("Withdrew “%(headline)s”: its address now answers that it is gone."),
}


class TransitionRefusedError(Exception):
    """A transition refused after the form was saved in the same transaction: both are undone."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _note(request: HttpRequest, name: str) -> str:
    """The note typed for this button (each button has its own box on the form)."""
    return request.POST.get(f"note_{name}") or request.POST.get("note", "")


def _refusing_clean(form_class, reason: str):
    def clean(self):
        form_class.clean(self)
        raise ValidationError(reason, code="transition_refused")

    return clean


class NoteActionForm(helpers.ActionForm):
    """The list's action bar, with a note for the actions that need one (return)."""

    note = forms.CharField(label=gettext_lazy("Note"), required=False)


class WorkflowAdminMixin(VersionsMixin, ShareLinksMixin, DeskOverviewMixin, NoticesMixin, AutosaveMixin, ReadingMixin):
    """Role rules and the desk's workflow views for the article admin."""

    change_form_template = "admin/articles/article/change_form.html"
    action_form = NoteActionForm
    # The total over the whole table is never counted (see EstimatedCountPaginator).
    show_full_result_count = False

    # --- who sees and changes what ---------------------------------------------------------

    def get_queryset(self, request: HttpRequest):
        # The time of the latest submission rides along as a subquery (the list's and the overview's
        # "waiting since").
        queryset = super().get_queryset(request).annotate(desk_submitted_at=latest_submission())
        if workflow.is_desk(request.user):
            return queryset
        # A reporter sees their own stories and what is published, nothing else.
        return queryset.filter(Q(status=Article.Status.PUBLISHED) | owned_q(staff_id(request)))

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
        # The form has put its values on obj; the service checks the revision again under the row
        # lock, processes the body, validates, saves and tells the page cache on commit.
        concrete = {field.name for field in Article._meta.concrete_fields}
        data = {name: value for name, value in form.cleaned_data.items() if name in concrete}
        workflow.save_edit(obj, user=request.user, data=data, base_revision=form.cleaned_data.get("base_revision"))
        autosave.forget(obj, request)
        presence.leave(obj.pk, request.user)

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
            **self.autosave_context(request, article),
        }

    # --- URLs ------------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("desk/", wrap(self.desk_view), name="articles_article_desk"),
            path("notices/", wrap(self.notices_view), name="articles_notices"),
            path("notices/read/", wrap(self.read_all_notices_view), name="articles_notices_read_all"),
            path("notices/<int:notice_id>/", wrap(self.open_notice_view), name="articles_notice_open"),
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

    # --- transitions -----------------------------------------------------------------------

    @method_decorator(require_POST)
    def transition_view(self, request: HttpRequest, pk: int, name: str) -> HttpResponse:
        """A change-form button: save the form as it stands and make the transition, both or neither.

        The buttons belong to the change form, so the post carries the typed text. It goes through
        the admin's own save (validation, the revision check, the byline) with the transition run
        after the save inside the same transaction; a refusal rolls both back and shows the form
        again, as typed, with the reason. A post without the form (someone who may not edit the
        story) makes the transition alone.
        """
        if name not in TRANSITION_MESSAGES:
            raise Http404("No such transition")
        article = self._article_or_404(request, pk)
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if "base_revision" not in request.POST or not self.has_change_permission(request, article):
            try:
                self._transition(request, article, name)
            except (workflow.WorkflowError, PermissionDenied, ValidationError) as exc:
                self.message_user(request, refusal(exc), messages.ERROR)
            return self._back(article)
        if name == workflow.WITHDRAW and "confirmed" not in request.POST:
            if "keep_editing" in request.POST:
                return self._form_again(request, article, _("Not withdrawn: nothing was saved yet."))
            return self._confirm_withdrawal(request, article)
        request.workflow_transition = name  # type: ignore[attr-defined]
        try:
            return self.change_view(request, str(article.pk), form_url=change_url)
        except TransitionRefusedError as exc:
            return self._form_again(request, article, exc.reason)

    def _form_again(self, request: HttpRequest, article: Article, reason: str) -> HttpResponse:
        """The change form as the user typed it, nothing saved, with the reason at the top."""
        request.workflow_transition = None  # type: ignore[attr-defined]
        request.workflow_refusal = reason  # type: ignore[attr-defined]
        return self.change_view(
            request, str(article.pk), form_url=reverse("admin:articles_article_change", args=[article.pk])
        )

    def _confirm_withdrawal(self, request: HttpRequest, article: Article) -> HttpResponse:
        """Withdrawing cannot be undone: say what readers will see, keep the typed form in hidden fields."""
        carried = [
            (key, value)
            for key, values in request.POST.lists()
            if key not in ("csrfmiddlewaretoken", "confirmed", "keep_editing")
            for value in values
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Withdraw “%(headline)s”?") % {"headline": article.headline},
            "opts": self.model._meta,
            "original": article,
            "note": _note(request, workflow.WITHDRAW),
            # The headline as typed: it is saved with the withdrawal, so it is the one readers see.
            "headline": request.POST.get("headline") or article.headline,
            "carried": carried,
            "action": reverse("admin:articles_article_transition", args=[article.pk, workflow.WITHDRAW]),
            "public_url": article.get_absolute_url() if article.is_public else "",
        }
        return TemplateResponse(request, "admin/articles/article/withdraw_confirm.html", context)

    def _transition(self, request: HttpRequest, article: Article, name: str) -> None:
        note = _note(request, name)
        if name == workflow.SUBMIT:
            workflow.submit(article, user=request.user)
        elif name == workflow.TAKE:
            workflow.take(article, user=request.user)
        elif name == workflow.RETURN:
            workflow.return_to_author(article, user=request.user, note=note)
        elif name == workflow.PUBLISH:
            workflow.publish(article, user=request.user)
        elif name == workflow.SCHEDULE:
            workflow.publish(article, user=request.user, at=_parse_local_time(request.POST.get("at", "")))
        elif name == workflow.CORRECT:
            workflow.correct(article, user=request.user, note=note)
        else:
            workflow.withdraw(article, user=request.user, note=note)
        # Every open form on the story is stale now (and may be read-only): nobody is "editing" it.
        presence.clear(article.pk)
        self.message_user(request, TRANSITION_MESSAGES[name]() % {"headline": article.headline}, messages.SUCCESS)
        request.workflow_done = True  # type: ignore[attr-defined]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        # The form's errors and every inline's, one entry each: only the conflict means exactly one.
        only_the_conflict = getattr(form, "conflict", None) and list(form.errors) == [NON_FIELD_ERRORS]
        if only_the_conflict and len(context.get("errors") or []) == 1:
            # The page opens with the conflict (its own box, first in the form), not with Django's
            # generic "Please correct the error below" and the same sentence again as a form error.
            context["errors"] = []
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        reason = getattr(request, "workflow_refusal", None)
        if reason:
            # The transition was refused after the form had passed: show it again, bound, with why.
            return type(form.__name__, (form,), {"clean": _refusing_clean(form, reason)})
        return form

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        name = getattr(request, "workflow_transition", None)
        if name:
            try:
                self._transition(request, form.instance, name)
            except (workflow.WorkflowError, PermissionDenied, ValidationError) as exc:
                # Raised out of the admin's transaction, so the saved text is rolled back with it.
                raise TransitionRefusedError(refusal(exc)) from exc

    def response_change(self, request: HttpRequest, obj: Article) -> HttpResponse:
        if getattr(request, "workflow_done", False):
            return self._back(obj)
        return super().response_change(request, obj)

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
                self.message_user(request, refusal(exc), messages.ERROR)
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
