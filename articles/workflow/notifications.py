"""E-mail and in-app notices to the desk and to authors about a story's progress.

E-mail goes through Django's mail (console by default) to those with an address; every recipient
also gets a `Notice` row, shown in the admin's header and front page until read. The workflow
calls these from `transaction.on_commit`, so nobody hears of a change that was rolled back; each
re-reads the article, so the message says what was committed.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from articles import roles
from articles.models import Article, Notice
from newsroom.links import absolute_url

DESK_GROUPS = roles.DESK


def desk_users(*, exclude_user_id: int | None = None) -> QuerySet:
    """The active desk and chief editors."""
    users = get_user_model().objects.filter(is_active=True, groups__name__in=DESK_GROUPS).distinct()
    if exclude_user_id is not None:
        users = users.exclude(pk=exclude_user_id)
    return users


def author_users(article: Article, *, exclude_user_id: int | None = None) -> QuerySet:
    """The people who wrote the story: its creator and bylined staff, if active."""
    users = get_user_model().objects.filter(is_active=True)
    if exclude_user_id is not None:
        users = users.exclude(pk=exclude_user_id)
    found = users.filter(author_profile__articles=article)
    if article.created_by_id is not None:
        found = found | users.filter(pk=article.created_by_id)
    return found.distinct()


def _addresses(users: QuerySet) -> list[str]:
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def desk_addresses(*, exclude_user_id: int | None = None) -> list[str]:
    """The e-mail addresses of the active desk and chief editors."""
    return _addresses(desk_users(exclude_user_id=exclude_user_id))


def author_addresses(article: Article, *, exclude_user_id: int | None = None) -> list[str]:
    """The e-mail addresses of the people who wrote the story: its creator and bylined staff."""
    return _addresses(author_users(article, exclude_user_id=exclude_user_id))


def _notify(users: QuerySet, article: Article, kind: str, *, actor_id: int | None, note: str = "") -> int:
    """One unread notice per recipient, in one insert."""
    notices = [
        Notice(recipient_id=pk, article=article, kind=kind, actor_id=actor_id, note=note)
        for pk in sorted(set(users.values_list("pk", flat=True)))
    ]
    Notice.objects.bulk_create(notices)
    return len(notices)


def _admin_link(article: Article) -> str:
    return absolute_url(reverse("admin:articles_article_change", args=[article.pk]))


def _actor_name(user_id: int | None) -> str:
    if user_id is None:
        return _("the newsroom")
    user = get_user_model().objects.filter(pk=user_id).first()
    return (user.get_full_name() or user.get_username()) if user else _("the newsroom")


def submitted(article_id: int, *, actor_id: int | None) -> int:
    """Tell the desk that a story waits for it."""
    article = Article.objects.get(pk=article_id)
    _notify(desk_users(exclude_user_id=actor_id), article, Notice.Kind.SUBMITTED, actor_id=actor_id)
    recipients = desk_addresses(exclude_user_id=actor_id)
    if not recipients:
        return 0
    subject = _("Submitted: %(headline)s") % {"headline": article.headline}
    body = _("%(who)s submitted “%(headline)s” to the desk.\n\n%(link)s\n") % {
        "who": _actor_name(actor_id),
        "headline": article.headline,
        "link": _admin_link(article),
    }
    return send_mail(subject, body, None, recipients)


def returned(article_id: int, *, actor_id: int | None, note: str) -> int:
    """Tell the author that the desk sent the story back, and why."""
    article = Article.objects.get(pk=article_id)
    _notify(
        author_users(article, exclude_user_id=actor_id), article, Notice.Kind.RETURNED, actor_id=actor_id, note=note
    )
    recipients = author_addresses(article, exclude_user_id=actor_id)
    if not recipients:
        return 0
    subject = _("Returned to you: %(headline)s") % {"headline": article.headline}
    body = _("%(who)s returned “%(headline)s” to you with this note:\n\n%(note)s\n\n%(link)s\n") % {
        "who": _actor_name(actor_id),
        "headline": article.headline,
        "note": note,
        "link": _admin_link(article),
    }
    return send_mail(subject, body, None, recipients)


def published(article_id: int, *, actor_id: int | None) -> int:
    """Tell the author that the story is published (or embargoed until its time)."""
    article = Article.objects.select_related("section").get(pk=article_id)
    _notify(author_users(article, exclude_user_id=actor_id), article, Notice.Kind.PUBLISHED, actor_id=actor_id)
    recipients = author_addresses(article, exclude_user_id=actor_id)
    if not recipients:
        return 0
    subject = _("Published: %(headline)s") % {"headline": article.headline}
    body = _("%(who)s published “%(headline)s”; it is public from %(time)s.\n\n%(link)s\n") % {
        "who": _actor_name(actor_id),
        "headline": article.headline,
        "time": article.published_at.isoformat(timespec="minutes"),
        "link": absolute_url(article.get_absolute_url()),
    }
    return send_mail(subject, body, None, recipients)


def corrected(article_id: int, *, actor_id: int | None, note: str) -> int:
    """A notice to the authors that the desk published a correction to their story (no e-mail)."""
    article = Article.objects.get(pk=article_id)
    users = author_users(article, exclude_user_id=actor_id)
    return _notify(users, article, Notice.Kind.CORRECTED, actor_id=actor_id, note=note)


def withdrawn(article_id: int, *, actor_id: int | None, note: str) -> int:
    """A notice to the authors that their story was withdrawn, with the note (no e-mail)."""
    article = Article.objects.get(pk=article_id)
    users = author_users(article, exclude_user_id=actor_id)
    return _notify(users, article, Notice.Kind.WITHDRAWN, actor_id=actor_id, note=note)
