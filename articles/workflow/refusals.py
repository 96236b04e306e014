"""What the workflow says when it refuses a transition, one whole sentence per action.

A sentence with the verb as a placeholder ("You do not have permission to %(action)s articles.")
cannot be translated: the verb arrives untranslated, or translated out of context, and Chinese
word order does not keep it in the same slot. So each action has its own sentences, and the
translators see each of them whole.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

# The keys are the action names the transitions pass in (`restore` for restore_version).
PERMISSION: dict[str, Promise] = {
    "submit": gettext_lazy("You do not have permission to submit articles."),
    "return": gettext_lazy("You do not have permission to return articles."),
    "publish": gettext_lazy("You do not have permission to publish articles."),
    "correct": gettext_lazy("You do not have permission to correct articles."),
    "withdraw": gettext_lazy("You do not have permission to withdraw articles."),
    "restore": gettext_lazy("You do not have permission to restore articles."),
}

# Placeholders: the headline, and the article's status as the admin shows it, in lower case.
STATE: dict[str, Promise] = {
    "submit": gettext_lazy("Cannot submit “%(headline)s”: it is %(status)s."),
    "return": gettext_lazy("Cannot return “%(headline)s”: it is %(status)s."),
    "publish": gettext_lazy("Cannot publish “%(headline)s”: it is %(status)s."),
    "correct": gettext_lazy("Cannot correct “%(headline)s”: it is %(status)s."),
    "withdraw": gettext_lazy("Cannot withdraw “%(headline)s”: it is %(status)s."),
}


def permission(action: str) -> str:
    """The sentence refusing `action` to someone without the permission for it."""
    return str(PERMISSION[action])


def state(action: str, *, headline: str, status: str) -> str:
    """The sentence refusing `action` on an article whose status does not allow it."""
    return str(STATE[action]) % {"headline": headline, "status": status}
