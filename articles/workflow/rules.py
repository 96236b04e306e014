"""Who may do what to a story: the permission side of the workflow, with no side effects.

The matrix these functions enforce is documented in docs/workflow.md. Every check names its actor:
a person (a Django user), or `SYSTEM`, the newsroom itself acting through a command on the server.
There is no implicit "trusted" caller: a missing actor is a programming error and raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from articles.models import Article, Photo
from articles.models.article import ArticleQuerySet, owned_q

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as AuthUser

Status = Article.Status

# The names of the transitions, as the admin's buttons and URLs use them.
SUBMIT, RETURN, PUBLISH, SCHEDULE, CORRECT, WITHDRAW = "submit", "return", "publish", "schedule", "correct", "withdraw"
TAKE, DISCARD = "take", "discard"


class SystemActor:
    """The newsroom itself: commands run by the operator on the server (import, demo, ingest).

    It may make every transition; the transition log and the version history record it as
    "the newsroom" (no user).
    """

    pk = None
    is_authenticated = False
    is_active = True

    def __str__(self) -> str:
        return _("the newsroom")

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = SystemActor()

if TYPE_CHECKING:
    # The desk signs in with Django's own user model (permissions and groups come with it).
    User = AuthUser | AnonymousUser
    Actor = User | SystemActor


def check_actor(user: Actor | None) -> Actor:
    """The actor itself, or a clear error when a caller forgot to say who acts."""
    if user is None:
        raise TypeError("Workflow calls need user=<the person acting>, or user=workflow.SYSTEM for a server command.")
    return user


def is_system(user: Actor | None) -> bool:
    return isinstance(check_actor(user), SystemActor)


def is_desk(user: Actor | None) -> bool:
    """True for desk and chief editors (anyone who may publish), and for the newsroom's own commands."""
    if is_system(user):
        return True
    assert not isinstance(user, SystemActor)  # noqa: S101 - narrows the type for mypy
    return bool(user and user.is_active and user.has_perm("articles.publish_article"))


def is_owner(user: Actor, article: Article) -> bool:
    """True when the person created the article or is in its byline."""
    if is_system(user) or not user.is_authenticated or user.pk is None:
        return False
    if article.created_by_id == user.pk:
        return True
    return article.pk is not None and article.byline.filter(author__user_id=user.pk).exists()


def visible_articles(user: Actor, queryset: ArticleQuerySet | None = None) -> ArticleQuerySet:
    """The stories the actor may see on staff screens (the admin list, previews, links, "used in").

    The desk sees every story; a reporter (anyone with the article view permission) their own
    and the published ones, embargoed included, as the admin list shows; other staff only what
    readers see.
    """
    stories = Article.objects.all() if queryset is None else queryset
    if is_desk(user):
        return stories
    assert not isinstance(user, SystemActor)  # noqa: S101
    if not (user.is_authenticated and user.is_active and user.pk is not None):
        return stories.none()
    if user.is_staff and user.has_perm("articles.view_article"):
        return stories.filter(Q(status=Status.PUBLISHED) | owned_q(user.pk))
    return stories.published()


def can_edit(user: Actor, article: Article) -> bool:
    """May the actor change the article's fields now (the change form's Save)?

    Reporters edit their own drafts only; desk and chief editors edit anything not withdrawn; a
    withdrawn story is a record and stays as it was.
    """
    if is_system(user):
        return True
    assert not isinstance(user, SystemActor)  # noqa: S101
    if not (user.is_active and user.has_perm("articles.change_article")):
        return False
    if article.status in (Status.WITHDRAWN, Status.DISCARDED):
        return False
    if is_desk(user):
        return True
    return article.status == Status.DRAFT and is_owner(user, article)


def available_transitions(user: Actor, article: Article) -> list[str]:
    """The transitions the actor may make on the article now, in the order the buttons show."""
    allowed = []
    if article.status == Status.DRAFT and may_submit(user, article):
        allowed.append(SUBMIT)
    if article.status == Status.DRAFT and is_desk(user) and can_edit(user, article):
        # The wire desk publishes agency copy straight from the draft: one step, no submission.
        allowed.append(PUBLISH)
    if article.status == Status.SUBMITTED and may_take(user, article):
        allowed.append(TAKE)
    if article.status == Status.SUBMITTED and is_desk(user):
        allowed += [RETURN, PUBLISH, SCHEDULE]
    if article.is_embargoed and is_desk(user):
        # Lift the embargo early, or move it.
        allowed += [PUBLISH, SCHEDULE]
    if article.status == Status.PUBLISHED and is_desk(user):
        allowed.append(CORRECT)
    if article.status == Status.PUBLISHED and may_withdraw(user):
        allowed.append(WITHDRAW)
    return allowed


# A photo in a story at these states is on (or about to be on) the public site.
DESK_PHOTO_STATES = (Status.SUBMITTED, Status.PUBLISHED)


def photo_is_on_the_desk(photo: Photo) -> bool:
    """True when a submitted or published (or embargoed) story uses the photo, as lead or in its text."""
    if photo.pk is None:
        return False
    return Article.objects.using_photo(photo).filter(status__in=DESK_PHOTO_STATES).exists()


def may_change_photo(user: Actor, photo: Photo) -> bool:
    """May the actor change the photo's picture, caption, credit or focal point?

    Anyone who may change photos changes those only drafts (or nothing) use; a photo in a
    submitted or published story shows (or will show) on the public site at once, so it is the
    desk's (desk and chief editors) alone, like the story itself.
    """
    if is_system(user):
        return True
    assert not isinstance(user, SystemActor)  # noqa: S101
    if not (user.is_active and user.has_perm("articles.change_photo")):
        return False
    return is_desk(user) or not photo_is_on_the_desk(photo)


def photo_refusal() -> str:
    """Why a reporter sees a photo read-only."""
    return _("This photo is used in a submitted or published story; only the desk may change it.")


def is_embargoed(article: Article) -> bool:
    """True for a story published for a time still to come (the same as `Article.is_embargoed`)."""
    return article.is_embargoed


def may_submit(user: Actor, article: Article) -> bool:
    if is_system(user):
        return True
    assert not isinstance(user, SystemActor)  # noqa: S101
    return user.is_active and user.has_perm("articles.change_article") and (is_desk(user) or is_owner(user, article))


def may_take(user: Actor, article: Article) -> bool:
    """A desk or chief editor (a person, not a command) may take a submitted story not already theirs."""
    if is_system(user) or not is_desk(user):
        return False
    return article.status == Status.SUBMITTED and article.taken_by_id != user.pk


def may_discard(user: Actor, article: Article) -> bool:
    """Whoever made a draft (the person who imported the copy) may set it aside; so may a command."""
    if is_system(user):
        return article.status == Status.DRAFT
    assert not isinstance(user, SystemActor)  # noqa: S101
    return (
        article.status == Status.DRAFT
        and user.is_active
        and user.has_perm("articles.change_article")
        and article.created_by_id is not None
        and article.created_by_id == user.pk
    )


def may_withdraw(user: Actor) -> bool:
    if is_system(user):
        return True
    assert not isinstance(user, SystemActor)  # noqa: S101
    return user.is_active and user.has_perm("articles.withdraw_article")


# Each refusal names its action in a phrase of its own, so every language can word it whole.
REFUSALS = {
    "submit": lambda: _("You do not have permission to submit articles."),
    "return": lambda: _("You do not have permission to return articles to their authors."),
    "publish": lambda: _("You do not have permission to publish articles."),
    "correct": lambda: _("You do not have permission to correct articles."),
    "withdraw": lambda: _("You do not have permission to withdraw articles."),
    "restore": lambda: _("You do not have permission to restore versions of articles."),
    "discard": lambda: _("You do not have permission to discard drafts."),
    "take": lambda: _("You do not have permission to take stories from the desk's queue."),
}


def require(user: Actor, perm: str, action: str) -> None:
    """Refuse with PermissionDenied unless the actor holds the permission."""
    if is_system(user):
        return
    assert not isinstance(user, SystemActor)  # noqa: S101
    if not (user.is_active and user.has_perm(f"articles.{perm}")):
        raise PermissionDenied(REFUSALS[action]())
