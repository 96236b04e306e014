"""The transitions of a story: each checks who acts and the story's state, makes the change in
one transaction, records it in the log, and tells the rest of the newsroom on commit."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, Correction, Editor, Transition
from articles.workflow import notifications, rules, signals
from articles.workflow.record import history_of

if TYPE_CHECKING:
    from articles.workflow.rules import Actor

Status = Article.Status

# What a restore brings back from an old version: the story's text, never its state or its dates.
RESTORABLE_FIELDS = ("headline", "summary", "body", "dateline_place", "dateline_date", "slugline", "editors_note")


class WorkflowError(Exception):
    """A transition that cannot happen in the article's current state."""


# A whole sentence per action, as for the permission refusals in `rules`: a verb spliced into one
# shared sentence would reach Chinese readers untranslated or out of place.
STATE_REFUSALS = {
    "submit": lambda: _("Cannot submit “%(headline)s”: it is %(status)s."),
    "return": lambda: _("Cannot return “%(headline)s”: it is %(status)s."),
    "publish": lambda: _("Cannot publish “%(headline)s”: it is %(status)s."),
    "correct": lambda: _("Cannot correct “%(headline)s”: it is %(status)s."),
    "withdraw": lambda: _("Cannot withdraw “%(headline)s”: it is %(status)s."),
    "discard": lambda: _("Cannot discard “%(headline)s”: it is %(status)s; only a draft can be discarded."),
    "take": lambda: _("Cannot take “%(headline)s”: it is %(status)s, not waiting for the desk."),
}


def _require_state(article: Article, allowed: Collection[str], action: str) -> None:
    if article.status not in allowed:
        status = article.get_status_display().lower()
        raise WorkflowError(STATE_REFUSALS[action]() % {"headline": article.headline, "status": status})


def _require_note(note: str, message: str) -> str:
    note = (note or "").strip()
    if not note:
        raise WorkflowError(message)
    return note


def _locked(article: Article) -> Article:
    """Re-read the row under a lock so two desk editors cannot both move it."""
    current = Article.objects.select_for_update().get(pk=article.pk)
    article.status = current.status
    article.published_at = current.published_at
    article.updated_at = current.updated_at
    article.revision = current.revision
    return article


def _record(article: Article, user: Actor, from_status: str, note: str = "") -> Transition:
    """Write the transition log entry for a change just made to the article."""
    return Transition.objects.create(
        article=article,
        user_id=_user_id(user),
        from_status=from_status,
        to_status=article.status,
        note=note,
        at=timezone.now(),
    )


def _save(article: Article, user: Actor, *, fields: Collection[str]) -> None:
    """Write only the fields the step changed (and what save() derives), never a stale copy of the rest."""
    # django-simple-history names the person in the version record; the newsroom itself is no one.
    article._history_user = user if user.is_authenticated else None  # type: ignore[attr-defined]
    article.save(update_fields=[*fields, "modified_at"])


def _on_commit(signal: Signal, article: Article, user: Actor, **extra: Any) -> None:
    """Tell the listeners (page cache, front layer, subscribers) once the change is committed."""
    transaction.on_commit(lambda: signal.send_robust(sender=Article, article=article, user=user, **extra))


# --- The transitions -------------------------------------------------------------------------


def submit(article: Article, *, user: Actor) -> Article:
    """Send a draft to the desk."""
    rules.require(user, "change_article", "submit")
    if not rules.may_submit(user, article):
        raise PermissionDenied(_("Only the story's author or the desk can submit it."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.DRAFT}, "submit")
        from_status = article.status
        article.status = Status.SUBMITTED
        # A new submission waits for the whole desk again.
        article.taken_by, article.taken_at = None, None
        _save(article, user, fields=["status", "taken_by", "taken_at"])
        _record(article, user, from_status)
        transaction.on_commit(lambda: notifications.submitted(article.pk, actor_id=_user_id(user)))
    return article


def return_to_author(article: Article, *, user: Actor, note: str) -> Article:
    """Send a submitted story back to its author as a draft, with a note saying why."""
    rules.require(user, "publish_article", "return")
    note = _require_note(note, _("Say what the author should change: a note is required."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.SUBMITTED}, "return")
        from_status = article.status
        article.status = Status.DRAFT
        article.taken_by, article.taken_at = None, None
        _save(article, user, fields=["status", "taken_by", "taken_at"])
        _record(article, user, from_status, note)
        transaction.on_commit(lambda: notifications.returned(article.pk, actor_id=_user_id(user), note=note))
    return article


def publish(
    article: Article,
    *,
    user: Actor,
    at: datetime.datetime | None = None,
    backdated: bool = False,
) -> Article:
    """Publish now, or at a later time (an embargo); on an embargoed story, lift or move the embargo.

    `backdated=True` lets a trusted command (no user) keep a past time: copy that its agency
    already published goes out with the agency's date.
    """
    rules.require(user, "publish_article", "publish")
    if backdated and not rules.is_system(user):
        raise PermissionDenied(_("Only the import command can publish with a past time."))
    now = _now()
    when = at or now
    if at is not None and at < now - datetime.timedelta(minutes=1) and not backdated:
        raise WorkflowError(_("The publication time is in the past; choose now or a later time."))
    with transaction.atomic():
        _locked(article)
        if not article.is_embargoed:
            # A desk editor may publish a draft directly (the wire desk): one step, no submission.
            _require_state(article, {Status.DRAFT, Status.SUBMITTED}, "publish")
        if not article.byline.exists() and not rules.is_system(user):
            raise WorkflowError(_("Add at least one author to the byline before publishing."))
        if article.editor_id is None and (user_id := _user_id(user)) is not None:
            article.editor = Editor.objects.filter(user_id=user_id).first()
        from_status = article.status
        article.status = Status.PUBLISHED
        article.published_at = when
        article.updated_at = when
        # The slug and the day in the address are fixed now (save() derives them from published_at).
        _save(article, user, fields=["status", "published_at", "updated_at", "editor", "published_on", "slug"])
        note = _("Embargoed until %(time)s.") % {"time": _format_time(when)} if when > now else ""
        _record(article, user, from_status, note)
        _on_commit(signals.article_published, article, user)
        if not rules.is_system(user) and from_status != Status.PUBLISHED:
            transaction.on_commit(lambda: notifications.published(article.pk, actor_id=_user_id(user)))
    return article


def take(article: Article, *, user: Actor) -> Article:
    """A desk editor takes a submitted story to edit it: the list and the overview name them.

    Taking changes neither the text nor the revision, so nobody's open form goes stale; it is
    recorded in the log. Taking a story someone else took moves it to you.
    """
    rules.require(user, "publish_article", "take")
    if rules.is_system(user):
        raise WorkflowError(_("A story is taken by a person on the desk, not by a command."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.SUBMITTED}, "take")
        now = _now()
        Article.objects.filter(pk=article.pk).update(taken_by_id=user.pk, taken_at=now)
        article.taken_by, article.taken_at = user, now  # type: ignore[assignment]
        _record(article, user, article.status, _("Taken by %(name)s.") % {"name": _person(user)})
    return article


def discard(article: Article, *, user: Actor, note: str = "") -> Article:
    """Set a draft aside (a duplicate import): out of the lists, kept and recorded, not deleted."""
    rules.require(user, "change_article", "discard")
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.DRAFT}, "discard")
        if not rules.may_discard(user, article):
            raise PermissionDenied(_("Only the person who made this draft can discard it."))
        from_status = article.status
        article.status = Status.DISCARDED
        _save(article, user, fields=["status"])
        _record(article, user, from_status, note.strip())
    return article


def correct(article: Article, *, user: Actor, note: str) -> Article:
    """Record a public correction of a published story; 'Updated:' moves to now."""
    rules.require(user, "publish_article", "correct")
    note = _require_note(note, _("A correction needs a public note saying what was corrected."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.PUBLISHED}, "correct")
        now = _now()
        # Correcting a story still under embargo keeps 'Updated:' no earlier than its release.
        article.updated_at = max(now, article.published_at or now)
        _save(article, user, fields=["updated_at"])
        Correction.objects.create(article=article, note=note, at=article.updated_at, user_id=_user_id(user))
        _record(article, user, article.status, note)
        _on_commit(signals.article_corrected, article, user, note=note)
        transaction.on_commit(lambda: notifications.corrected(article.pk, actor_id=_user_id(user), note=note))
    return article


def withdraw(article: Article, *, user: Actor, note: str) -> Article:
    """Take a published story off the site (kill it), with a note saying why."""
    rules.require(user, "withdraw_article", "withdraw")
    note = _require_note(note, _("Withdrawing needs a note saying why."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.PUBLISHED}, "withdraw")
        from_status = article.status
        article.status = Status.WITHDRAWN
        _save(article, user, fields=["status"])
        _record(article, user, from_status, note)
        _on_commit(signals.article_withdrawn, article, user, note=note)
        transaction.on_commit(lambda: notifications.withdrawn(article.pk, actor_id=_user_id(user), note=note))
    return article


def restore_version(article: Article, *, user: Actor, version_id: int) -> Article:
    """Bring back an earlier version's text (never its status or dates) as a new version."""
    rules.require(user, "publish_article", "restore")
    if not rules.can_edit(user, article):
        raise PermissionDenied(_("This article cannot be edited now, so no version can be restored."))
    version = history_of(article).filter(history_id=version_id).first()
    if version is None:
        raise WorkflowError(_("That version does not belong to this article."))
    with transaction.atomic():
        _locked(article)
        for field in RESTORABLE_FIELDS:
            setattr(article, field, getattr(version, field))
        _save(article, user, fields=RESTORABLE_FIELDS)
        # Not a change of state, but the log is where the desk looks for who did what.
        _record(
            article,
            user,
            article.status,
            _("Restored the text of revision %(revision)s (saved %(when)s).")
            % {"revision": version.revision, "when": _format_time(version.history_date)},
        )
        _on_commit(signals.article_restored, article, user)
    return article


# --- Reading the record ----------------------------------------------------------------------


def _now() -> datetime.datetime:
    """Now, to the second: public times are shown to the second, and HTML allows no microseconds."""
    return timezone.now().replace(microsecond=0)


def _person(user: Actor) -> str:
    return user.get_full_name() or user.get_username() if user.is_authenticated else str(user)  # type: ignore[union-attr]


def _user_id(user: Actor) -> int | None:
    return user.pk if user.is_authenticated else None


def _format_time(value: datetime.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M %Z")
