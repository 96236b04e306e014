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

__all__ = [
    "AP_MONTHS",
    "RESERVED_SECTION_SLUGS",
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "Author",
    "Editor",
    "Section",
    "Source",
    "ap_date",
    "make_slug",
    "unique_slug",
]
