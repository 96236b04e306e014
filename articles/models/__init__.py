"""The newsroom's models, one module per concern; import them from here."""

import articles.models.history  # noqa: F401  (registers the article history)
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
from articles.models.workflow import Correction, ShareLink, Transition

__all__ = [
    "AP_MONTHS",
    "RESERVED_SECTION_SLUGS",
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "Author",
    "Correction",
    "Editor",
    "Photo",
    "PhotoQuerySet",
    "Rendition",
    "Section",
    "ShareLink",
    "Source",
    "Transition",
    "ap_date",
    "make_slug",
    "unique_slug",
]
