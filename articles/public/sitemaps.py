"""Sitemaps: sections and articles for every search engine, and a Google News sitemap."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Concat
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import Article, Section
from articles.plaintext import strip_control_characters
from newsroom.links import absolute_url

# Google News wants ISO 639 codes, with Chinese written as zh-cn (Simplified) or zh-tw.
NEWS_LANGUAGES = {"zh-hans": "zh-cn", "zh-hant": "zh-tw"}


class PublicSiteMixin:
    """Absolute addresses on the configured public site, not on whatever Host a request named."""

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.NEWSROOM["BASE_URL"]).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.NEWSROOM["BASE_URL"]).scheme


class HomeSitemap(PublicSiteMixin, Sitemap):
    """The home page, last modified with the newest public story."""

    changefreq = "always"
    priority = 1.0

    def items(self) -> list[str]:
        return ["articles:home"]

    def location(self, item: str) -> str:
        return reverse(item)

    def lastmod(self, item: str):
        return Article.objects.published().order_by("-updated_at").values_list("updated_at", flat=True).first()


class SectionSitemap(PublicSiteMixin, Sitemap):
    """Every section, last modified when its newest public story (its subsections' too) was."""

    changefreq = "hourly"
    priority = 0.6

    def items(self):
        newest = (
            Article.objects.published()
            .filter(Q(section=OuterRef("pk")) | Q(section__path__startswith=Concat(OuterRef("path"), Value("/"))))
            .order_by("-updated_at")
        )
        return Section.objects.annotate(newest=Subquery(newest.values("updated_at")[:1])).order_by("path")

    def lastmod(self, section: Section):
        return getattr(section, "newest", None)


class ArticleSitemap(PublicSiteMixin, Sitemap):
    """Every public story, last modified at its last public change."""

    changefreq = "daily"
    priority = 0.8
    # The protocol's maximum per file; past it the site needs a sitemap index (not built yet).
    limit = 50000

    def items(self):
        return (
            Article.objects.published()
            .select_related("section")
            .only("slug", "published_on", "updated_at", "published_at", "section__path")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article: Article):
        return article.updated_at or article.published_at


SITEMAPS = {"home": HomeSitemap, "sections": SectionSitemap, "articles": ArticleSitemap}


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """A Google News sitemap of the last two days' stories."""
    from articles.public.listings import recent_for_news_sitemap

    entries = [
        {
            "loc": absolute_url(article.get_absolute_url()),
            "language": NEWS_LANGUAGES.get(article.language, article.language),
            "published_at": article.published_at,
            "title": strip_control_characters(article.headline),
        }
        for article in recent_for_news_sitemap()
    ]
    return TemplateResponse(
        request,
        "articles/news_sitemap.xml",
        {"entries": entries, "publication_name": strip_control_characters(settings.NEWSROOM["SITE_NAME"])},
        content_type="application/xml; charset=utf-8",
    )
