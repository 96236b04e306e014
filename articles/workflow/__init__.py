"""The editorial state machine: the only code that changes `Article.status`.

Each function takes the article, the acting user (None for a trusted command-line run such as
`import_wire`) and, where it applies, a note; it checks permission and state, makes the change in
one transaction, records the transition, defers e-mail to `transaction.on_commit`, and raises
`PermissionDenied` or `WorkflowError` with a message a person can act on. Admin buttons, bulk
actions and commands call these; none writes `status` itself. The roles and the matrix they
enforce are described in docs/workflow.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, Correction, Editor, Transition
from articles.public.cache import purge_public_pages
from articles.workflow import notifications, refusals

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as AuthUser

    # The desk signs in with Django's own user model (permissions and groups come with it).
    User = AuthUser | AnonymousUser

Status = Article.Status

# The names of the transitions, as the admin's buttons and URLs use them.
SUBMIT, RETURN, PUBLISH, SCHEDULE, CORRECT, WITHDRAW = "submit", "return", "publish", "schedule", "correct", "withdraw"

# What a restore brings back from an old version: the story's text, never its state or its dates.
RESTORABLE_FIELDS = ("headline", "summary", "body", "dateline_place", "dateline_date", "slugline", "editors_note")


class WorkflowError(Exception):
    """A transition that cannot happen in the article's current state."""


# --- Who may do what -------------------------------------------------------------------------


def is_desk(user: User | None) -> bool:
    """True for desk and chief editors (anyone who may publish), and for commands (no user)."""
    return user is None or (user.is_active and user.has_perm("articles.publish_article"))


def is_owner(user: User | None, article: Article) -> bool:
    """True when the user created the article or is in its byline."""
    if user is None or not user.is_authenticated:
        return False
    if article.created_by_id == user.pk:
        return True
    return article.pk is not None and article.byline.filter(author__user=user).exists()


def owned_by(user: User) -> Q:
    """The filter for articles a user created or is in the byline of."""
    return Q(created_by=user) | Q(byline__author__user=user)


def published_q() -> Q:
    """The filter for published articles (embargoed ones included), for the desk's own lists."""
    return Q(status=Status.PUBLISHED)


def can_edit(user: User | None, article: Article) -> bool:
    """May the user change the article's fields now (the change form's Save)?

    Reporters edit their own drafts only; desk and chief editors edit anything not withdrawn; a
    withdrawn story is a record and stays as it was.
    """
    if user is None:
        return True
    if not (user.is_active and user.has_perm("articles.change_article")):
        return False
    if article.status == Status.WITHDRAWN:
        return False
    if is_desk(user):
        return True
    return article.status == Status.DRAFT and is_owner(user, article)


def available_transitions(user: User, article: Article) -> list[str]:
    """The transitions the user may make on the article now, in the order the buttons show."""
    allowed = []
    if article.status == Status.DRAFT and _may_submit(user, article):
        allowed.append(SUBMIT)
    if article.status == Status.SUBMITTED and is_desk(user):
        allowed += [RETURN, PUBLISH, SCHEDULE]
    if is_embargoed(article) and is_desk(user):
        # Lift the embargo early, or move it.
        allowed += [PUBLISH, SCHEDULE]
    if article.status == Status.PUBLISHED and is_desk(user):
        allowed.append(CORRECT)
    if article.status == Status.PUBLISHED and _may_withdraw(user):
        allowed.append(WITHDRAW)
    return allowed


def is_embargoed(article: Article) -> bool:
    """True for a story published for a time still to come."""
    return (
        article.status == Status.PUBLISHED
        and article.published_at is not None
        and article.published_at > timezone.now()
    )


def _may_submit(user: User | None, article: Article) -> bool:
    if user is None:
        return True
    return user.is_active and user.has_perm("articles.change_article") and (is_desk(user) or is_owner(user, article))


def _may_withdraw(user: User | None) -> bool:
    return user is None or (user.is_active and user.has_perm("articles.withdraw_article"))


def _require(user: User | None, perm: str, action: str) -> None:
    if user is None:  # a command run by the operator on the server
        return
    if not (user.is_active and user.has_perm(f"articles.{perm}")):
        raise PermissionDenied(refusals.permission(action))


def _require_state(article: Article, allowed: Collection[str], action: str) -> None:
    if article.status not in allowed:
        status = article.get_status_display().lower()
        raise WorkflowError(refusals.state(action, headline=article.headline, status=status))


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


def _record(article: Article, user: User | None, from_status: str, note: str = "") -> Transition:
    """Write the transition log entry for a change just made to the article."""
    return Transition.objects.create(
        article=article,
        user=user if user is not None and user.is_authenticated else None,
        from_status=from_status,
        to_status=article.status,
        note=note,
        at=timezone.now(),
    )


def _save(article: Article, user: User | None, **kwargs: Any) -> None:
    # django-simple-history names the person in the version record; commands have no request.
    article._history_user = user if user is not None and user.is_authenticated else None  # type: ignore[attr-defined]
    article.save(**kwargs)


# --- The transitions -------------------------------------------------------------------------


def submit(article: Article, *, user: User | None) -> Article:
    """Send a draft to the desk."""
    _require(user, "change_article", "submit")
    if not _may_submit(user, article):
        raise PermissionDenied(_("Only the story's author or the desk can submit it."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.DRAFT}, "submit")
        from_status = article.status
        article.status = Status.SUBMITTED
        _save(article, user, update_fields=["status", "modified_at"])
        _record(article, user, from_status)
        transaction.on_commit(lambda: notifications.submitted(article.pk, actor_id=_user_id(user)))
    return article


def return_to_author(article: Article, *, user: User | None, note: str) -> Article:
    """Send a submitted story back to its author as a draft, with a note saying why."""
    _require(user, "publish_article", "return")
    note = _require_note(note, _("Say what the author should change: a note is required."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.SUBMITTED}, "return")
        from_status = article.status
        article.status = Status.DRAFT
        _save(article, user, update_fields=["status", "modified_at"])
        _record(article, user, from_status, note)
        transaction.on_commit(lambda: notifications.returned(article.pk, actor_id=_user_id(user), note=note))
    return article


def publish(
    article: Article,
    *,
    user: User | None,
    at: datetime.datetime | None = None,
    backdated: bool = False,
) -> Article:
    """Publish now, or at a later time (an embargo); on an embargoed story, lift or move the embargo.

    `backdated=True` lets a trusted command (no user) keep a past time: copy that its agency
    already published goes out with the agency's date.
    """
    _require(user, "publish_article", "publish")
    if backdated and user is not None:
        raise PermissionDenied(_("Only the import command can publish with a past time."))
    now = _now()
    when = at or now
    if at is not None and at < now - datetime.timedelta(minutes=1) and not backdated:
        raise WorkflowError(_("The publication time is in the past; choose now or a later time."))
    with transaction.atomic():
        _locked(article)
        if not is_embargoed(article):
            allowed = {Status.DRAFT, Status.SUBMITTED} if user is None else {Status.SUBMITTED}
            _require_state(article, allowed, "publish")
        if not article.byline.exists() and user is not None:
            raise WorkflowError(_("Add at least one author to the byline before publishing."))
        if article.editor_id is None and (user_id := _user_id(user)) is not None:
            article.editor = Editor.objects.filter(user_id=user_id).first()
        from_status = article.status
        article.status = Status.PUBLISHED
        article.published_at = when
        article.updated_at = when
        _save(article, user)
        note = _("Embargoed until %(time)s.") % {"time": _format_time(when)} if when > now else ""
        _record(article, user, from_status, note)
        transaction.on_commit(purge_public_pages, robust=True)
        if user is not None and from_status != Status.PUBLISHED:
            transaction.on_commit(lambda: notifications.published(article.pk, actor_id=_user_id(user)))
    return article


def correct(article: Article, *, user: User | None, note: str) -> Article:
    """Record a public correction of a published story; 'Updated:' moves to now."""
    _require(user, "publish_article", "correct")
    note = _require_note(note, _("A correction needs a public note saying what was corrected."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.PUBLISHED}, "correct")
        now = _now()
        # Correcting a story still under embargo keeps 'Updated:' no earlier than its release.
        article.updated_at = max(now, article.published_at or now)
        _save(article, user, update_fields=["updated_at", "modified_at"])
        Correction.objects.create(article=article, note=note, at=article.updated_at, user_id=_user_id(user))
        _record(article, user, article.status, note)
        transaction.on_commit(purge_public_pages, robust=True)
    return article


def withdraw(article: Article, *, user: User | None, note: str) -> Article:
    """Take a published story off the site (kill it), with a note saying why."""
    _require(user, "withdraw_article", "withdraw")
    note = _require_note(note, _("Withdrawing needs a note saying why."))
    with transaction.atomic():
        _locked(article)
        _require_state(article, {Status.PUBLISHED}, "withdraw")
        from_status = article.status
        article.status = Status.WITHDRAWN
        _save(article, user, update_fields=["status", "modified_at"])
        _record(article, user, from_status, note)
        transaction.on_commit(purge_public_pages, robust=True)
    return article


def restore_version(article: Article, *, user: User | None, version_id: int) -> Article:
    """Bring back an earlier version's text (never its status or dates) as a new version."""
    _require(user, "publish_article", "restore")
    if not can_edit(user, article):
        raise PermissionDenied(_("This article cannot be edited now, so no version can be restored."))
    version = history_of(article).filter(history_id=version_id).first()
    if version is None:
        raise WorkflowError(_("That version does not belong to this article."))
    with transaction.atomic():
        _locked(article)
        for field in RESTORABLE_FIELDS:
            setattr(article, field, getattr(version, field))
        _save(article, user)
        # Not a change of state, but the log is where the desk looks for who did what.
        _record(
            article,
            user,
            article.status,
            _("Restored the text of revision %(revision)s (saved %(when)s).")
            % {"revision": version.revision, "when": _format_time(version.history_date)},
        )
        if article.status == Status.PUBLISHED:
            transaction.on_commit(purge_public_pages, robust=True)
    return article


# --- Reading the record ----------------------------------------------------------------------


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


def _now() -> datetime.datetime:
    """Now, to the second: public times are shown to the second, and HTML allows no microseconds."""
    return timezone.now().replace(microsecond=0)


def _user_id(user: User | None) -> int | None:
    return user.pk if user is not None and user.is_authenticated else None


def _format_time(value: datetime.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M %Z")
