"""The change form's safety net: an unsaved copy kept while someone types, and a preview of it.

The form's script posts the text fields every few seconds while they differ from what was last
kept; reopening the story offers that copy back, saying when it was kept. Saving the story (or a
transition, which saves it) deletes the copy. The preview button posts the form as it stands and
shows it as readers would see it, saving nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from articles import workflow
from articles.admin.base import ArticleViewsMixin, staff_id
from articles.models import Article, UnsavedCopy
from articles.models.unsaved import KEPT_FIELDS
from articles.public.preview import preview_response

if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin
else:
    _AdminBase = object

# The longest text an unsaved copy takes, all fields together: a story, not an upload.
MAX_KEPT_CHARACTERS = 500_000


def forget(article: Article, request: HttpRequest) -> None:
    """The story was saved: the person's unsaved copy of it is no longer needed."""
    UnsavedCopy.objects.filter(article=article, user_id=staff_id(request)).delete()


def kept_copy(article: Article, request: HttpRequest) -> UnsavedCopy | None:
    return UnsavedCopy.objects.filter(article=article, user_id=staff_id(request)).first()


def kept_time(copy: UnsavedCopy) -> str:
    """When a copy was kept, in the newsroom's zone, naming the zone."""
    local = timezone.localtime(copy.kept_at)
    return f"{date_format(local, 'DATETIME_FORMAT')} ({local.tzname()})"


class AutosaveMixin(ArticleViewsMixin, _AdminBase):
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/autosave/", wrap(self.autosave_view), name="articles_article_autosave"),
            path("<int:pk>/live-preview/", wrap(self.live_preview_view), name="articles_article_live_preview"),
            *super().get_urls(),
        ]

    def autosave_context(self, request: HttpRequest, article: Article) -> dict:
        copy = kept_copy(article, request) if self.has_change_permission(request, article) else None
        return {
            "workflow_unsaved": copy,
            "workflow_unsaved_at": kept_time(copy) if copy else "",
            "workflow_restoring": copy is not None and request.GET.get("restore") == "1",
            "workflow_autosave_url": reverse("admin:articles_article_autosave", args=[article.pk]),
            "workflow_live_preview_url": reverse("admin:articles_article_live_preview", args=[article.pk]),
        }

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is None or request.method != "GET" or request.GET.get("restore") != "1":
            return form
        copy = kept_copy(obj, request)
        if copy is None:
            return form
        restored = {name: copy.fields[name] for name in KEPT_FIELDS if name in copy.fields}
        # The copy's own revision: if someone saved since, the next save is refused as a conflict.
        restored["base_revision"] = copy.base_revision

        def init_with_copy(self, *args, **kwargs):
            form.__init__(self, *args, **kwargs)
            self.initial.update(restored)

        return type(form.__name__, (form,), {"__init__": init_with_copy})

    @method_decorator(require_POST)
    def autosave_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Keep the form's text as this person's unsaved copy (or drop it, with discard=1)."""
        article = self._article_or_404(request, pk)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if request.POST.get("discard"):
            forget(article, request)
            if request.headers.get("X-Requested-With") == "fetch":
                return JsonResponse({"kept": False})
            return self._back(article)  # the Discard button on the change form
        fields = {name: request.POST[name] for name in KEPT_FIELDS if name in request.POST}
        if sum(len(value) for value in fields.values()) > MAX_KEPT_CHARACTERS:
            return JsonResponse({"error": "too long"}, status=413)
        try:
            base = int(request.POST.get("base_revision", ""))
        except ValueError:
            base = article.revision
        copy, _ = UnsavedCopy.objects.update_or_create(
            article=article,
            user_id=staff_id(request),
            defaults={"fields": fields, "base_revision": base, "kept_at": timezone.now()},
        )
        return JsonResponse({"kept": True, "at": kept_time(copy)})

    @method_decorator(require_POST)
    @method_decorator(never_cache)
    def live_preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The story as readers would see it with the form's current, unsaved text; nothing is saved."""
        article = self._article_or_404(request, pk)
        for name in ("headline", "summary", "body", "dateline_place"):
            if name in request.POST:
                setattr(article, name, request.POST[name])
        article.body = workflow.process_body(article.body)
        return preview_response(request, article, unsaved=True)
