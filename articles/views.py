"""Public pages. Every view starts from `Article.objects.published()` and only reads."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView

from articles import desk_views
from articles.models import Article, Section


class PublishedArticlesMixin:
    """Restricts a view to what readers may see."""

    def get_queryset(self):
        return Article.objects.published()


class HomeView(PublishedArticlesMixin, ListView):
    """The latest published stories."""

    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        # Queries: 1 (stories with their sections).
        return super().get_queryset().for_listing()[: settings.NEWSROOM["ARTICLES_PER_PAGE"]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Queries: 1 (the breaking strip: urgent stories of the last hours).
        since = timezone.now() - datetime.timedelta(hours=settings.NEWSROOM["BREAKING_HOURS"])
        context["breaking"] = list(
            Article.objects.published()
            .filter(urgency__lte=settings.NEWSROOM["BREAKING_URGENCY"], published_at__gte=since)
            .for_listing()[:5]
        )
        return context


class SectionView(PublishedArticlesMixin, ListView):
    """A section's stories, and those of the sections below it, newest first, a page at a time."""

    template_name = "articles/section.html"
    context_object_name = "articles"
    paginate_by = settings.NEWSROOM["ARTICLES_PER_PAGE"]
    allow_empty = True

    def get_queryset(self):
        self.section = get_object_or_404(Section, path=self.kwargs["section_path"])
        return super().get_queryset().in_section_tree(self.section).for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section"] = self.section
        context["lineage"] = self.section.lineage()
        return context


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    """The article page, element for element as the agency page it reproduces."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A withdrawn story's address says it is gone, and why, rather than that it never was.
            day = self._day()
            response = day and desk_views.gone(
                request, section_path=kwargs["section_path"], day=day, slug=kwargs["slug"]
            )
            if not response:
                raise
            return response

    def _day(self) -> datetime.date | None:
        try:
            return datetime.date(int(self.kwargs["year"]), int(self.kwargs["month"]), int(self.kwargs["day"]))
        except ValueError:
            return None

    def get_object(self, queryset=None):
        try:
            day = datetime.date(int(self.kwargs["year"]), int(self.kwargs["month"]), int(self.kwargs["day"]))
        except ValueError:
            raise Http404("No such date") from None
        return get_object_or_404(
            self.get_queryset().for_page(),
            section__path=self.kwargs["section_path"],
            published_on=day,
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lineage"] = self.object.section.lineage()
        return context
