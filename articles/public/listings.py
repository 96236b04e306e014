"""Reader pages beyond home, section and article: day archives, authors, sources, search, the
language choice and robots.txt. Every list starts from `Article.objects.published()`."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import ListView
from taggit.models import Tag

from articles.models import Article, Author, Section, Source
from articles.public import search
from articles.public.views import PublishedArticlesMixin
from newsroom.links import absolute_url


class StoryListMixin(PublishedArticlesMixin):
    """A paginated list of stories, newest first."""

    context_object_name: str | None = "articles"
    paginate_by = settings.NEWSROOM["ARTICLES_PER_PAGE"]
    allow_empty = True


class PublicStoriesOnlyMixin:
    """A page about a person, source or keyword exists for readers only while it has a public story.

    During an embargo (or with drafts only) the page would confirm what is coming, so it is a 404;
    the count is the paginator's own, so this costs no query.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        if context["paginator"].count == 0:
            raise Http404("Nothing public here")
        return context


class SectionDayView(StoryListMixin, ListView):
    """One day's stories of a section and the sections below it (/news/2024/01/08/)."""

    template_name = "articles/section_day.html"

    def get_queryset(self):
        self.day = self.kwargs["day"]
        self.section = get_object_or_404(Section, path=self.kwargs["section_path"])
        return super().get_queryset().in_section_tree(self.section).filter(published_on=self.day).for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(section=self.section, day=self.day, lineage=self.section.lineage())
        return context


class AuthorView(PublicStoriesOnlyMixin, StoryListMixin, ListView):
    """A reporter's page: the biography, then their published stories."""

    template_name = "articles/author.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return super().get_queryset().filter(byline__author=self.author).for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["author"] = self.author
        return context


class SourceView(PublicStoriesOnlyMixin, StoryListMixin, ListView):
    """A source's page: the agency or desk, then its published stories."""

    template_name = "articles/source.html"

    def get_queryset(self):
        self.source = get_object_or_404(Source, pk=self.kwargs["pk"])
        return super().get_queryset().filter(source=self.source).for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["source"] = self.source
        return context


class TagView(PublicStoriesOnlyMixin, StoryListMixin, ListView):
    """A keyword's page: the published stories tagged with it."""

    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag).for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tag"] = self.tag
        return context


class SearchView(StoryListMixin, ListView):
    """Search results: ranked with highlighted snippets on PostgreSQL, plain matching elsewhere."""

    template_name = "articles/search.html"

    def get_queryset(self):
        self.query = search.clean_query(self.request.GET.get("q", ""))
        if not self.query:
            return Article.objects.none()
        return search.search_articles(super().get_queryset().for_listing(), self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.query
        # The page's own search box is the one: the header's would be a second.
        context["hide_site_search"] = True
        words = search.query_words(self.query)
        for story in context["articles"]:
            story.search_summary = search.highlight(story.summary, words)
            story.search_snippet = search.render_snippet(story, words)
        return context


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: keep crawlers out of the desk and search results; name both sitemaps."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('articles:search')}",
        "",
        f"Sitemap: {absolute_url(reverse('sitemaps:index'))}",
        f"Sitemap: {absolute_url(reverse('sitemaps:news'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def choose_language(request: HttpRequest) -> HttpResponse:
    """Remember the reader's language in a cookie and go back to the page they came from.

    A plain link (GET) rather than Django's POST-only set_language view, so public pages need no
    CSRF token and stay cacheable; the only state it sets is the reader's own preference.
    """
    code = request.GET.get("language", "")
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if code in dict(settings.LANGUAGES) and translation.check_for_language(code):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=365 * 24 * 60 * 60,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def recent_for_news_sitemap():
    """The stories Google News may list: published in the last two days, newest first."""
    since = timezone.now() - datetime.timedelta(days=2)
    return (
        Article.objects.published()
        .filter(published_at__gte=since)
        .select_related("section")
        .only("headline", "slug", "language", "published_at", "published_on", "section__path")
        .order_by("-published_at")[:1000]
    )
