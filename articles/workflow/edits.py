"""Saving a story's text: the one path for the admin's Save, the transition buttons and the importer.

`save_edit` checks that nobody saved the story since the editor opened it (the revision they
started from), runs all processing of the body (the HTML allow-list, then srcset, width and height
for library photos), validates the whole story, saves it and, once committed, sends
`article_edited` so a public page shows the fix on the next request.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article
from articles.richtext import sanitize_html
from articles.workflow import rules, signals

if TYPE_CHECKING:
    from articles.workflow.rules import Actor


class EditConflictError(ValidationError):
    """The story was saved by someone else after the editor opened it: nothing was written."""

    def __init__(self, article: Article, *, base_revision: int, current_revision: int) -> None:
        super().__init__(
            _(
                "“%(headline)s” was saved by someone else after you opened it (you started from revision "
                "%(base)s; it is now at revision %(current)s). Nothing was saved: reload it and make your change again."
            )
            % {"headline": article.headline, "base": base_revision, "current": current_revision},
            code="conflict",
        )
        self.base_revision = base_revision
        self.current_revision = current_revision


def check_revision(article: Article, base_revision: int | None) -> None:
    """Lock the story's row until the transaction ends; refuse if it moved past base_revision.

    With no base revision (a new story, or a caller that does not track one) there is nothing to
    check. The lock means two saves cannot both pass.
    """
    if article.pk is None:
        return
    current = Article.objects.select_for_update().filter(pk=article.pk).values_list("revision", flat=True).first()
    if base_revision is None or current is None or current == base_revision:
        return
    raise EditConflictError(article, base_revision=base_revision, current_revision=current)


def process_body(html: str) -> str:
    """The body as it is stored: only allowed markup, library photos completed with their sizes."""
    # Imported here: the photos package reads the models, which import the workflow's rules.
    from articles.photos.body_html import responsive_body_images

    return responsive_body_images(sanitize_html(html or ""))


def save_edit(
    article: Article,
    *,
    user: Actor,
    data: Mapping[str, Any],
    base_revision: int | None,
    exclude: Collection[str] = (),
) -> Article:
    """Write `data` (field name to value) onto the story and save it, all or nothing.

    Raises `EditConflictError` when the story moved past `base_revision`, `PermissionDenied` when the
    actor may not edit it, and `ValidationError` (naming the fields) when the result is invalid;
    in each case nothing is saved. `exclude` names fields `full_clean` leaves alone (the slug of a
    new story, derived on save).
    """
    rules.check_actor(user)
    if article.pk is not None and not rules.can_edit(user, article):
        raise PermissionDenied(_("You cannot edit “%(headline)s” now.") % {"headline": article.headline})
    with transaction.atomic():
        check_revision(article, base_revision)
        for name, value in data.items():
            setattr(article, name, value)
        article.body = process_body(article.body)
        article.full_clean(exclude=list(exclude))
        # django-simple-history names the person in the version record; the newsroom itself is no one.
        article._history_user = user if user.is_authenticated else None  # type: ignore[attr-defined]
        article.save()
        transaction.on_commit(lambda: signals.article_edited.send_robust(sender=Article, article=article, user=user))
    return article
