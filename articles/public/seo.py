"""What search engines and social sites read from an article page: canonical address, description,
OpenGraph/Twitter tags and a schema.org NewsArticle."""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.utils.text import Truncator

from articles.models import Article
from newsroom.links import absolute_url


def logo_url() -> str:
    """The publisher logo's absolute address (fingerprinted in production)."""
    return absolute_url(static("img/logo.png"))


def article_metadata(article: Article, *, tags: list | None = None) -> dict:
    """Everything the article page's <head> needs, prepared from the prefetched article."""
    canonical = absolute_url(article.get_absolute_url())
    description = Truncator(article.summary or article.headline).chars(200)
    authors = article.byline_authors()
    site_name = settings.NEWSROOM["SITE_NAME"]
    # The lead photo's JPEG rendition nearest 1200 wide (from the prefetched renditions); the logo
    # stands in for a story without a photo.
    image = absolute_url(article.lead_photo.best_url(1200)) if article.lead_photo else logo_url()
    json_ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "headline": Truncator(article.headline).chars(110),
        "description": description,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": (article.updated_at or article.published_at).isoformat() if article.published_at else None,
        "inLanguage": article.language,
        "articleSection": article.section.name,
        "author": [{"@type": "Person", "name": a.name, "url": absolute_url(a.get_absolute_url())} for a in authors],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": site_name,
            "logo": {"@type": "ImageObject", "url": logo_url(), "width": 240, "height": 60},
        },
        "sourceOrganization": {"@type": "Organization", "name": article.source.name},
        "image": [image],
    }
    if tags:
        json_ld["keywords"] = [tag.name for tag in tags]
    dateline = article.dateline().removesuffix(" --")
    if dateline:
        json_ld["dateline"] = dateline
    if article.editor:
        json_ld["editor"] = {"@type": "Person", "name": article.editor.display_name}
    return {
        "canonical": canonical,
        "description": description,
        "image": image,
        "site_name": site_name,
        "authors": [a.name for a in authors],
        "json_ld": json_ld,
    }
