"""Reading a story's record: its saved versions, the desk's return note, its withdrawal."""

from __future__ import annotations

from typing import Any

from articles.models import Article, Transition

Status = Article.Status


def history_of(article: Article) -> Any:
    """The article's saved versions (django-simple-history's manager, added at run time)."""
    return article.history  # type: ignore[attr-defined]


def return_note(article: Article) -> Transition | None:
    """The desk's latest return of a story that is still a draft, so its author can see why."""
    if article.status != Status.DRAFT or article.pk is None:
        return None
    return article.transitions.returns().select_related("user").first()


def withdrawal(article: Article) -> Transition | None:
    """The transition that withdrew the article, with its note."""
    return article.transitions.filter(to_status=Status.WITHDRAWN).first()
