"""The newsroom's models, one module per concern; import them from here."""

from articles.models.core import (
    AP_MONTHS,
    RESERVED_SECTION_SLUGS,
    Article,
    ArticleAuthor,
    ArticleQuerySet,
    Author,
    Editor,
    Section,
    Source,
    ap_date,
    make_slug,
    unique_slug,
)
from articles.models.photos import Photo, PhotoQuerySet, Rendition

__all__ = [
    "AP_MONTHS",
    "RESERVED_SECTION_SLUGS",
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "Author",
    "Editor",
    "Photo",
    "PhotoQuerySet",
    "Rendition",
    "Section",
    "Source",
    "ap_date",
    "make_slug",
    "unique_slug",
]
