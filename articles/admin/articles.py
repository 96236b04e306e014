"""The editorial admin: where reporters file and the desk edits, imports and publishes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, F, Prefetch, Value, When
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget

from articles import workflow
from articles.admin.base import refusal, staff_id
from articles.admin.changelist import SafeListMixin
from articles.admin.conflicts import RevisionCheckedForm
from articles.admin.filters import EditorsNoteFilter, SluglineFilter, UrgencyFilter
from articles.admin.wire_import import WireImportForm
from articles.admin.workflow import WorkflowAdminMixin
from articles.models import Article, ArticleAuthor
from articles.templatetags.desk import taken
from articles.wire import importer


class BylineFormSet(BaseInlineFormSet):
    """The byline rows; a row someone else removed meanwhile is explained, not a hidden field's error."""

    def clean(self) -> None:
        super().clean()
        pk_name = self.model._meta.pk.name
        # A row deleted since the form was served fails on its hidden id, which the page never shows.
        if any(pk_name in form.errors for form in self.forms):
            raise ValidationError(
                _(
                    "The byline changed since you opened this form: someone else removed or replaced a name. "
                    "Reload the page to see the current byline, then make your change again."
                ),
                code="byline_changed",
            )


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    formset = BylineFormSet
    extra = 1
    autocomplete_fields = ["author"]
    ordering = ["position"]
    verbose_name = _("author in the byline")
    verbose_name_plural = _("byline (in order)")

    # The byline is part of the story: whoever may not edit the story may not edit its byline.
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (obj is None or workflow.can_edit(request.user, obj))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or workflow.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or workflow.can_edit(request.user, obj))


class ArticleAdminForm(RevisionCheckedForm):
    class Meta:
        model = Article
        fields = [
            "headline", "section", "source", "summary", "body", "dateline_place", "dateline_date", "editor",
            "slug", "language", "lead_photo", "tags", "slugline", "urgency", "editors_note",
        ]  # fmt: skip
        widgets = {
            "body": CKEditor5Widget(config_name="article"),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "editors_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, a story gets the routine urgency rather than an error.
        if "urgency" in self.fields:
            self.fields["urgency"].required = False

    def clean_urgency(self) -> int:
        value = self.cleaned_data.get("urgency")
        return Article._meta.get_field("urgency").default if value is None else value


def _zone_label() -> str:
    return gettext("waiting since / published at (%(zone)s)") % {"zone": settings.TIME_ZONE}


def _published_label() -> str:
    return gettext("published at (%(zone)s)") % {"zone": settings.TIME_ZONE}


def _updated_label() -> str:
    return gettext("updated at (%(zone)s)") % {"zone": settings.TIME_ZONE}


# The list's time column and the form's dates name the newsroom's zone, as every desk time does.
lazy_zone_label = lazy(_zone_label, str)()
published_label = lazy(_published_label, str)()
updated_label = lazy(_updated_label, str)()


def _in_zone(value) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else "—"


class ArticleChangeList(ChangeList):
    """The article list: the byline names of a page in one more query, whatever the number of rows.

    Only the list prefetches them: the change form must read the byline as it is saved. Discarded
    drafts are left out unless the status filter picks them.
    """

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        # Discarded drafts stay out of the list unless its status filter asks for them.
        if self.params.get("status__exact") != Article.Status.DISCARDED:
            queryset = queryset.exclude(status=Article.Status.DISCARDED)
        queryset = queryset.prefetch_related(
            Prefetch("byline", queryset=ArticleAuthor.objects.select_related("author"))
        )
        # Nothing chosen but the default: the paginator may take the table's row estimate (the few
        # discarded drafts left out do not matter to an approximate total).
        queryset.whole_table_estimate = (  # type: ignore[attr-defined]
            not self.root_queryset.query.where and not self.has_active_filters and not self.query
        )
        return queryset


@admin.register(Article)
class ArticleAdmin(SafeListMixin, WorkflowAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [BylineInline]
    # The desk's queue, narrow enough for a 1280 px window; the rest of a story is in its form.
    list_display = ["headline", "slugline", "urgency", "status_column", "section", "byline_column", "waiting_since"]
    list_select_related = ["section", "taken_by"]
    # A plain related filter for sections: "only sections in use" would scan the whole article table.
    # Publication dates as a filter of fixed ranges, not a date hierarchy: the hierarchy lists the
    # months in use with a DISTINCT over every matching row (up to 200 ms at 100,000 stories).
    list_filter = [
        "status", UrgencyFilter, ("section", admin.RelatedFieldListFilter), ("published_at", admin.DateFieldListFilter),
        "source", "language", SluglineFilter, EditorsNoteFilter,
    ]  # fmt: skip
    # The headline by any part, a slugline by its start ("LISBON-TRAM" finds LISBON-TRAM-FARES), case
    # aside, and a name in the byline.
    search_fields = ["headline", "^slugline", "byline__author__name"]
    autocomplete_fields = ["section", "source", "editor", "lead_photo"]
    readonly_fields = ["status", "published_at_in_zone", "updated_at_in_zone", "created_at", "modified_at"]
    actions = ["submit_selected", "publish_selected", "return_selected"]
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = [
        (None, {"fields": ["headline", "section", "source", "summary", "lead_photo", "body", "tags"]}),
        (_("Desk"), {"fields": ["slugline", "urgency", "editors_note"]}),
        (_("Dateline and sign-off"), {"fields": ["dateline_place", "dateline_date", "editor"]}),
        (_("Publication"), {"fields": ["status", "published_at_in_zone", "updated_at_in_zone"]}),
        (
            _("Rarely changed"),
            {"classes": ["collapse"], "fields": ["slug", "language", "created_at", "modified_at"]},
        ),
    ]

    def get_changelist(self, request: HttpRequest, **kwargs):
        return ArticleChangeList

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        """Submitted stories first, the longest waiting on top; then the newest publication or draft."""
        waiting_first = Case(When(status=Article.Status.SUBMITTED, then=Value(0)), default=Value(1))
        # Inside CASE the submission time is looked up for submitted rows only, not for the archive.
        waiting_since = Case(When(status=Article.Status.SUBMITTED, then=F("desk_submitted_at")))
        return [
            waiting_first.asc(),
            waiting_since.asc(nulls_last=True),
            F("published_at").desc(nulls_last=True),
            "-created_at",
        ]

    @admin.display(description=published_label)
    def published_at_in_zone(self, obj: Article) -> str:
        """First publication; a future time is an embargo."""
        return _in_zone(obj.published_at)

    @admin.display(description=updated_label)
    def updated_at_in_zone(self, obj: Article) -> str:
        """The last public change, shown to readers as Updated:."""
        return _in_zone(obj.updated_at)

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, obj: Article) -> str:
        if obj.is_embargoed:
            return gettext("Embargoed")
        if who := taken(obj):
            return format_html('{}<br><span class="desk-taken">{}</span>', obj.get_status_display(), who)
        return obj.get_status_display()

    @admin.display(description=_("byline"))
    def byline_column(self, obj: Article) -> str:
        return obj.byline_text()

    @admin.display(description=lazy_zone_label, ordering="desk_submitted_at")
    def waiting_since(self, obj: Article) -> str:
        """For a submitted story the time it reached the desk; for a published one its publication."""
        if obj.status == Article.Status.SUBMITTED:
            when = getattr(obj, "desk_submitted_at", None)
        elif obj.status in (Article.Status.PUBLISHED, Article.Status.WITHDRAWN):
            when = obj.published_at
        else:
            when = None
        return date_format(timezone.localtime(when), "SHORT_DATETIME_FORMAT") if when else "—"

    def view_on_site(self, obj: Article) -> str:
        """The public page once readers can see it; before that the staff preview, not a 404."""
        if obj.is_public:
            return obj.get_absolute_url()
        return reverse("articles:preview", args=[obj.pk])

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        if not change:
            obj.created_by_id = staff_id(request)
        super().save_model(request, obj, form, change)

    def _run_transition(self, request: HttpRequest, queryset, action, done: Callable[[int], str]) -> None:
        """Apply `action` to each selected article; `done(n)` says how many moved, in the right plural."""
        moved = 0
        for article in queryset:
            try:
                action(article, user=request.user)
            except (workflow.WorkflowError, PermissionDenied) as exc:
                self.message_user(request, str(exc), messages.ERROR)
            else:
                moved += 1
        if moved:
            self.message_user(request, done(moved) % {"count": moved}, messages.SUCCESS)

    @admin.action(description=_("Submit selected articles to the desk"), permissions=["change"])
    def submit_selected(self, request: HttpRequest, queryset) -> None:
        # The literals stay in the call so that makemessages collects both forms.
        self._run_transition(
            request,
            queryset,
            workflow.submit,
            lambda n: ngettext("%(count)d article submitted.", "%(count)d articles submitted.", n),
        )

    @admin.action(description=_("Publish selected articles now"), permissions=["publish"])
    def publish_selected(self, request: HttpRequest, queryset) -> None:
        self._run_transition(
            request,
            queryset,
            workflow.publish,
            lambda n: ngettext("%(count)d article published.", "%(count)d articles published.", n),
        )

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_wire_view), name="articles_article_import"),
            path("<int:pk>/discard/", self.admin_site.admin_view(self.discard_view), name="articles_article_discard"),
            *super().get_urls(),
        ]

    def import_wire_view(self, request: HttpRequest) -> HttpResponse:
        """Admin page: paste or upload agency copy, get a draft to review."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = WireImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                with transaction.atomic():
                    article = importer.import_story(
                        form.cleaned_data["story"], section=form.cleaned_data["section"], user=request.user
                    )
            except ValidationError as exc:
                # The errors name the story's or section's fields, not this form's: say them in words.
                form.add_error(None, importer.explain(exc))
            else:
                if workflow.PUBLISH in workflow.available_transitions(request.user, article):
                    done = _("Imported “%(headline)s” as a draft. Review and edit it, then press Publish now.")
                else:
                    done = _(
                        "Imported “%(headline)s” as a draft. Review and edit it, then submit it to the desk, "
                        "where an editor publishes it."
                    )
                self.message_user(request, done % {"headline": article.headline}, messages.SUCCESS)
                self._warn_if_duplicate(request, article)
                return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import wire copy"),
            "form": form,
            "opts": self.model._meta,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/articles/article/import_wire.html", context)

    def discard_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Discard a draft (a duplicate import): asked first, then out of the lists, kept and recorded."""
        article = self._article_or_404(request, pk)
        if not workflow.rules.may_discard(request.user, article):
            raise PermissionDenied
        if request.method == "POST":
            try:
                workflow.discard(article, user=request.user, note=request.POST.get("note", ""))
            except (workflow.WorkflowError, PermissionDenied) as exc:
                self.message_user(request, refusal(exc), messages.ERROR)
                return self._back(article)
            self.message_user(
                request,
                gettext(
                    "Discarded “%(headline)s”: it is out of the lists and kept on record; "
                    "the status filter's Discarded shows it."
                )
                % {"headline": article.headline},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:articles_article_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Discard “%(headline)s”?") % {"headline": article.headline},
            "opts": self.model._meta,
            "original": article,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/articles/article/discard_confirm.html", context)

    def _warn_if_duplicate(self, request: HttpRequest, article: Article) -> None:
        """Warn when the same copy seems imported before: same headline from the same source."""
        earlier = (
            Article.objects.filter(headline__iexact=article.headline, source_id=article.source_id)
            .exclude(pk=article.pk)
            .exclude(status=Article.Status.DISCARDED)
            .order_by("-created_at")
            .first()
        )
        if earlier is None:
            return
        self.message_user(
            request,
            format_html(
                gettext(
                    "A story with the same headline from the same source already exists: "
                    '<a href="{url}">“{headline}”</a> ({status}, created {created}). '
                    'If this import is a duplicate: <a href="{discard}">Discard this draft</a>.'
                ),
                url=reverse("admin:articles_article_change", args=[earlier.pk]),
                discard=reverse("admin:articles_article_discard", args=[article.pk]),
                headline=earlier.headline,
                status=earlier.get_status_display(),
                created=date_format(timezone.localtime(earlier.created_at), "DATETIME_FORMAT"),
            ),
            messages.WARNING,
        )
