"""The newsroom's models, one module per concern; import them from here."""

import articles.models.history  # noqa: F401  (registers the article history)
from articles.models.article import Article, ArticleAuthor, ArticleQuerySet
from articles.models.desk import Correction, ShareLink, Transition
from articles.models.notices import Notice
from articles.models.people import Author, Editor, Source
from articles.models.photos import Photo, PhotoQuerySet, Rendition
from articles.models.sections import (
    AP_MONTHS,
    RESERVED_SECTION_SLUGS,
    Section,
    ap_date,
    make_slug,
    unique_slug,
)
from articles.models.unsaved import UnsavedCopy

__all__ = [
    "AP_MONTHS",
    "RESERVED_SECTION_SLUGS",
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "Author",
    "Correction",
    "Editor",
    "Notice",
    "Photo",
    "PhotoQuerySet",
    "Rendition",
    "Section",
    "ShareLink",
    "Source",
    "Transition",
    "UnsavedCopy",
    "ap_date",
    "make_slug",
    "unique_slug",
]
