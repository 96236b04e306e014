"""Template helpers for the desk's admin pages."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def person(user) -> str:
    """A user's full name, else the login name; 'a command' for changes made on the server."""
    if user is None:
        return _("a command")
    return user.get_full_name() or user.get_username()
