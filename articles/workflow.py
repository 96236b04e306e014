"""The editorial state machine: the only code that changes `Article.status`.

Each function takes the article, the acting user (None for a trusted command-line run such as
`import_wire`) and, where it applies, a note; it checks permission and state, makes the change in
one transaction, and raises `PermissionDenied` or `WorkflowError` with a message a person can act
on. Admin buttons, bulk actions and commands call these; none writes `status` itself.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.cache import purge_public_pages
from articles.models import Article, Editor

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

Status = Article.Status


class WorkflowError(Exception):
    """A transition that cannot happen in the article's current state."""


def _require(user: User | None, perm: str, action: str) -> None:
    if user is None:  # a command run by the operator on the server
        return
    if not (user.is_active and user.has_perm(f"articles.{perm}")):
        raise PermissionDenied(_("You do not have permission to %(action)s articles.") % {"action": action})


def _require_state(article: Article, allowed: set[str], action: str) -> None:
    if article.status not in allowed:
        raise WorkflowError(
            _("Cannot %(action)s “%(headline)s”: it is %(status)s.")
            % {"action": action, "headline": article.headline, "status": article.get_status_display().lower()}
        )


def _locked(article: Article) -> Article:
    """Re-read the row under a lock so two desk editors cannot both move it."""
    current = Article.objects.select_for_update().get(pk=article.pk)
    article.status = current.status
    article.published_at = current.published_at
    article.updated_at = current.updated_at
    return article


def submit(article: Article, *, user: User | None) -> Article:
    """Send a draft to the desk."""
    _require(user, "change_article", "submit")
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.DRAFT}, _("submit"))
        article.status = Status.SUBMITTED
        article.save(update_fields=["status", "modified_at"])
    return article


def return_to_author(article: Article, *, user: User | None, note: str) -> Article:
    """Send a submitted story back to its author as a draft, with a note saying why."""
    _require(user, "publish_article", "return")
    if not note.strip():
        raise WorkflowError(_("Say what the author should change: a note is required."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.SUBMITTED}, _("return"))
        article.status = Status.DRAFT
        article.save(update_fields=["status", "modified_at"])
    return article


def publish(
    article: Article,
    *,
    user: User | None,
    at: datetime.datetime | None = None,
    backdated: bool = False,
) -> Article:
    """Publish now, or at a later time (an embargo).

    `backdated=True` lets a trusted command (no user) keep a past time: copy that its agency
    already published goes out with the agency's date.
    """
    _require(user, "publish_article", "publish")
    if backdated and user is not None:
        raise PermissionDenied(_("Only the import command can publish with a past time."))
    now = timezone.now()
    when = at or now
    if at is not None and at < now - datetime.timedelta(minutes=1) and not backdated:
        raise WorkflowError(_("The publication time is in the past; choose now or a later time."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.DRAFT, Status.SUBMITTED} if user is None else {Status.SUBMITTED}, _("publish"))
        if not article.byline.exists() and user is not None:
            raise WorkflowError(_("Add at least one author to the byline before publishing."))
        if article.editor_id is None and user is not None:
            article.editor = Editor.objects.filter(user=user).first()
        article.status = Status.PUBLISHED
        article.published_at = when
        article.updated_at = when
        article.save()
        transaction.on_commit(purge_public_pages, robust=True)
    return article


def correct(article: Article, *, user: User | None, note: str) -> Article:
    """Record a public correction of a published story; 'Updated:' moves to now."""
    _require(user, "publish_article", "correct")
    if not note.strip():
        raise WorkflowError(_("A correction needs a public note saying what was corrected."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.PUBLISHED}, _("correct"))
        article.updated_at = max(timezone.now(), article.published_at or timezone.now())
        article.save(update_fields=["updated_at", "modified_at"])
        transaction.on_commit(purge_public_pages, robust=True)
    return article


def withdraw(article: Article, *, user: User | None, note: str) -> Article:
    """Take a published story off the site (kill it), with a note saying why."""
    _require(user, "withdraw_article", "withdraw")
    if not note.strip():
        raise WorkflowError(_("Withdrawing needs a note saying why."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.PUBLISHED}, _("withdraw"))
        article.status = Status.WITHDRAWN
        article.save(update_fields=["status", "modified_at"])
        transaction.on_commit(purge_public_pages, robust=True)
    return article
