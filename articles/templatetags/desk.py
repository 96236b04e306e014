"""Template helpers for the desk's admin pages."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def person(user) -> str:
    """A user's full name, else the login name; 'a command' for changes made on the server."""
    if user is None:
        return _("a command")
    return user.get_full_name() or user.get_username()


@register.simple_tag
def newsroom_zone() -> str:
    """The newsroom's time zone by name (TIME_ZONE), e.g. Europe/Lisbon: every desk time is in it."""
    return settings.TIME_ZONE


@register.filter
def taken(article) -> str:
    """'taken by Dana Desk at 10:41' for a submitted story someone took (the newsroom's time), else ''."""
    if article.status != "submitted" or article.taken_by_id is None or article.taken_at is None:
        return ""
    when = timezone.localtime(article.taken_at)
    if when.date() == timezone.localdate():
        shown = time_format(when, "H:i")
    else:
        shown = date_format(when, "SHORT_DATETIME_FORMAT")
    return _("taken by %(name)s at %(time)s") % {"name": person(article.taken_by), "time": shown}


@register.simple_tag(takes_context=True)
def unread_notices(context) -> int:
    """How many notices the signed-in person has not read: one query, on admin pages only."""
    from articles.models import Notice

    user = context.get("user")
    if user is None or not (user.is_active and user.is_staff):
        return 0
    return Notice.objects.for_user(user).unread().count()


@register.simple_tag(takes_context=True)
def latest_notices(context, size: int = 5) -> list:
    """The signed-in person's latest notices, read or not (one query)."""
    from articles.admin.notices import latest_for

    user = context.get("user")
    if user is None or not (user.is_active and user.is_staff):
        return []
    return list(latest_for(user, size))
