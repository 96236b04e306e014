"""The editorial admin: where reporters file and the desk edits, imports and publishes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget

from articles import workflow
from articles.admin.base import staff_id
from articles.admin.changelist import SafeListMixin
from articles.admin.conflicts import RevisionCheckedForm
from articles.admin.filters import EditorsNoteFilter, SluglineFilter, UrgencyFilter
from articles.admin.workflow import WorkflowAdminMixin
from articles.models import Article, ArticleAuthor, Author, Editor, Section, Source
from articles.wire import importer
from articles.wire import text as wire_text


@admin.register(Section)
class SectionAdmin(SafeListMixin, admin.ModelAdmin):
    list_display = ["name", "path", "parent", "position"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "path"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["path"]


@admin.register(Source)
class SourceAdmin(SafeListMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "website"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    search_fields = ["name", "short_name"]


@admin.register(Author)
class AuthorAdmin(SafeListMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name"]
    autocomplete_fields = ["user"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Editor)
class EditorAdmin(SafeListMixin, admin.ModelAdmin):
    list_display = ["display_name", "desk", "user"]
    list_select_related = ["user"]
    list_filter = ["desk"]
    search_fields = ["display_name", "desk"]
    autocomplete_fields = ["user"]


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


class WireImportForm(forms.Form):
    """Agency copy pasted or uploaded for review as a draft."""

    text = forms.CharField(
        label=_("Paste the copy"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 90}),
        help_text=_("The agency page as text: headline, Updated/Source line, byline, dateline, body, Editor."),
    )
    file = forms.FileField(label=_("or upload a text file"), required=False)
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.all(),
        required=False,
        help_text=_("Leave empty to use the section named in the copy's breadcrumb (News if none)."),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        text, upload = cleaned.get("text", ""), cleaned.get("file")
        if upload and text.strip():
            raise ValidationError(_("Paste the copy or upload a file, not both."))
        if upload:
            name = upload.name
            limit = settings.NEWSROOM["WIRE_MAX_BYTES"]
            if upload.size > limit:
                raise ValidationError(
                    _("%(name)s is %(size)s bytes; wire copy is limited to %(limit)s bytes.")
                    % {"name": name, "size": f"{upload.size:,}", "limit": f"{limit:,}"}
                )
            data = upload.read(limit + 1)
        elif text.strip():
            name = _("the pasted copy")
            data = text.encode("utf-8")
        else:
            raise ValidationError(_("Paste the copy or choose a file."))
        try:
            cleaned["story"] = wire_text.parse_wire(wire_text.decode_copy(data, name=str(name)), name=str(name))
        except wire_text.WireFormatError as exc:
            raise ValidationError(str(exc)) from None
        return cleaned


@admin.register(Article)
class ArticleAdmin(SafeListMixin, WorkflowAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [BylineInline]
    list_display = [
        "headline", "slugline", "urgency", "section", "status", "published_at", "short_editors_note",
        "view_on_site_link",
    ]  # fmt: skip
    list_select_related = ["section", "source"]
    # A plain related filter for sections: "only sections in use" would scan the whole article table.
    # Publication dates as a filter of fixed ranges, not a date hierarchy: the hierarchy lists the
    # months in use with a DISTINCT over every matching row (up to 200 ms at 100,000 stories).
    list_filter = [
        "status", UrgencyFilter, ("section", admin.RelatedFieldListFilter), ("published_at", admin.DateFieldListFilter),
        "source", "language", SluglineFilter, EditorsNoteFilter,
    ]  # fmt: skip
    # "=slugline" finds a slugline by its exact name, case aside; the headline by any part.
    search_fields = ["headline", "=slugline"]
    autocomplete_fields = ["section", "source", "editor", "lead_photo"]
    readonly_fields = ["status", "published_at", "updated_at", "created_at", "modified_at"]
    actions = ["submit_selected", "publish_selected", "return_selected"]
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = [
        (None, {"fields": ["headline", "section", "source", "summary", "lead_photo", "body", "tags"]}),
        (_("Desk"), {"fields": ["slugline", "urgency", "editors_note"]}),
        (_("Dateline and sign-off"), {"fields": ["dateline_place", "dateline_date", "editor"]}),
        (_("Publication"), {"fields": ["status", "published_at", "updated_at"]}),
        (
            _("Rarely changed"),
            {"classes": ["collapse"], "fields": ["slug", "language", "created_at", "modified_at"]},
        ),
    ]

    @admin.display(description=_("editor's note"))
    def short_editors_note(self, obj: Article) -> str:
        return obj.editors_note[:60] + ("…" if len(obj.editors_note) > 60 else "")

    @admin.display(description=_("public page"))
    def view_on_site_link(self, obj: Article) -> str:
        if not obj.is_public:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("view"))

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
                self.message_user(
                    request,
                    _(
                        "Imported “%(headline)s” as a draft. Review and edit it, then submit it to the desk, "
                        "where an editor publishes it."
                    )
                    % {"headline": article.headline},
                    messages.SUCCESS,
                )
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

    def _warn_if_duplicate(self, request: HttpRequest, article: Article) -> None:
        """Warn when the same copy seems imported before: same headline from the same source."""
        earlier = (
            Article.objects.filter(headline__iexact=article.headline, source_id=article.source_id)
            .exclude(pk=article.pk)
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
                    "If this import is a duplicate, delete this draft."
                ),
                url=reverse("admin:articles_article_change", args=[earlier.pk]),
                headline=earlier.headline,
                status=earlier.get_status_display(),
                created=date_format(timezone.localtime(earlier.created_at), "DATETIME_FORMAT"),
            ),
            messages.WARNING,
        )
