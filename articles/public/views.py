"""Public pages. Every view starts from `Article.objects.published()` and only reads."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.generic import DetailView, ListView

from articles import workflow
from articles.models import Article, Section
from articles.public import seo


def _union_of_ids(querysets) -> list[int]:
    """The ids of several sliced querysets in one query (each part keeps its own ORDER BY and LIMIT).

    Django's union() refuses sliced parts on SQLite; wrapping each part as a subquery of its own
    is valid SQL on SQLite and PostgreSQL alike.
    """
    parts, params = [], []
    for n, queryset in enumerate(querysets):
        sql, part_params = queryset.values("pk").query.sql_with_params()
        # Django's own SQL for our querysets, with its values as parameters: nothing from a request.
        parts.append(f"SELECT * FROM ({sql}) AS part{n}")  # noqa: S608
        params.extend(part_params)
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return [row[0] for row in cursor.fetchall()]


class PublishedArticlesMixin:
    """Restricts a view to what readers may see."""

    def get_queryset(self):
        return Article.objects.published()


class HomeView(PublishedArticlesMixin, ListView):
    """The lead story, then the latest stories of each top-level section."""

    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        # Queries: 1 (the lead story with its section).
        return super().get_queryset().for_listing()[:1]

    def get_context_data(self, **kwargs):
        # Queries: 1 for the sections (the top-level ones are also the navigation), and, when there
        # is a lead story, 2 for the newest few stories of every section: their ids (one small index
        # scan per section, in one UNION ALL, so the cost does not grow with the archive as a
        # ranking over every story would), then those stories for the list.
        context = super().get_context_data(**kwargs)
        lead = context["articles"][0] if context["articles"] else None
        sections = list(Section.objects.order_by("position", "name").only("name", "path", "parent_id"))
        top_sections = [section for section in sections if section.parent_id is None]
        per_section = settings.NEWSROOM.get("HOME_STORIES_PER_SECTION", 4)
        groups: dict[str, list[Article]] = {section.path: [] for section in top_sections}
        if lead is not None and sections:
            published = super().get_queryset().exclude(pk=lead.pk).order_by("-published_at", "-pk")
            ids = _union_of_ids(published.filter(section_id=section.pk)[:per_section] for section in sections)
            ranked = Article.objects.filter(pk__in=ids).for_listing().order_by("-published_at", "-pk")
            for story in ranked:
                # A subsection's stories belong to the block of its top-level section.
                stories = groups.get(story.section.path.split("/", 1)[0])
                if stories is not None and len(stories) < per_section:
                    stories.append(story)
        context["lead"] = lead
        context["nav_sections"] = top_sections
        context["section_blocks"] = [(s, groups[s.path]) for s in top_sections if groups[s.path]]
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
            response = gone(request, section_path=kwargs["section_path"], day=kwargs["day"], slug=kwargs["slug"])
            if not response:
                raise
            return response

    def get_object(self, queryset=None):
        return get_object_or_404(
            self.get_queryset().for_page(),
            section__path=self.kwargs["section_path"],
            published_on=self.kwargs["day"],
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lineage"] = self.object.section.lineage()
        # Queries: 1 for the story's tags (name and slug only).
        context["tags"] = list(self.object.tags.order_by("name").only("name", "slug"))
        context["page_meta"] = seo.article_metadata(self.object, tags=context["tags"])
        return context


def _article_stamp(request, section_path: str, day: datetime.date, slug: str):
    """(pk, modified_at) of the public article at this address, or None; one query per request."""
    if not hasattr(request, "_newsroom_article_stamp"):
        request._newsroom_article_stamp = (
            Article.objects.published()
            .filter(section__path=section_path, published_on=day, slug=slug)
            .values_list("pk", "modified_at")
            .first()
        )
    return request._newsroom_article_stamp


def article_last_modified(request, **kwargs) -> datetime.datetime | None:
    """When the article page last changed, for Last-Modified and If-Modified-Since."""
    stamp = _article_stamp(request, **kwargs)
    return stamp[1] if stamp else None


def article_etag(request, **kwargs) -> str | None:
    """A validator for the article page: the row's last save and the page's language."""
    from django.utils.translation import get_language

    stamp = _article_stamp(request, **kwargs)
    if stamp is None:
        return None
    return f'"{stamp[0]}-{int(stamp[1].timestamp() * 1_000_000)}-{get_language()}"'


def gone(request: HttpRequest, *, section_path: str, day: datetime.date, slug: str) -> HttpResponse | None:
    """410 Gone with the withdrawal notice, if the address was a public story since withdrawn; else None."""
    # A story withdrawn while still under embargo never was public: its address must not even
    # reveal that it existed, let alone its headline and the desk's internal note.
    article = (
        Article.objects.filter(
            status=Article.Status.WITHDRAWN,
            published_at__lte=timezone.now(),
            section__path=section_path,
            published_on=day,
            slug=slug,
        )
        .select_related("section")
        .first()
    )
    if article is None:
        return None
    context = {"article": article, "withdrawal": workflow.withdrawal(article), "lineage": article.section.lineage()}
    return TemplateResponse(request, "articles/withdrawn.html", context, status=410)
