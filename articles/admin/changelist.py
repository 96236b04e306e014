"""Every admin list answers odd addresses with a message or Django's "invalid lookup" page, never a 500.

Django's list turns a lookup it cannot build into `IncorrectLookupParameters` (a redirect to
`?e=1`), but some values only fail in the database: a NUL character (PostgreSQL refuses it in
any query), an id of 20 digits (beyond a 64-bit integer), a search of 100 KB (SQLite's LIKE
pattern limit). `SafeListMixin` checks those before the list is built.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.contrib.admin.views.main import IGNORED_PARAMS
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest
from django.utils.translation import gettext as _

# Long enough for any headline, caption or name; a longer search is not a search.
SEARCH_LIMIT = 200
# The widest integer column the lists filter on.
INTEGER_RANGE = connection.ops.integer_field_range("BigIntegerField")


def _integer_field(model: type[models.Model], name: str) -> models.Field | None:
    """The integer column a lookup parameter (`section__id__exact`, `urgency__in`) compares, if any."""
    parts = name.split(LOOKUP_SEP)
    for end in range(len(parts), 0, -1):
        try:
            fields = get_fields_from_path(model, LOOKUP_SEP.join(parts[:end]))
        except (FieldDoesNotExist, NotRelationField):
            continue  # the last part is a lookup name (exact, in): try the path without it
        field = fields[-1]
        if isinstance(field, models.ForeignKey):
            field = field.target_field
        return field if isinstance(field, models.IntegerField | models.AutoField) else None
    return None


def _out_of_range(value: str) -> bool:
    try:
        number = int(value)
    except ValueError:
        return False  # not a number: Django's own filters refuse it
    low, high = INTEGER_RANGE
    return not (low <= number <= high)


class SafeListMixin:
    """For a ModelAdmin: refuse NUL characters and impossible ids, and cap the search's length."""

    model: type[models.Model]

    def get_changelist_instance(self, request: HttpRequest):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise IncorrectLookupParameters(_("A list address may not contain a NUL character."))
            if name in IGNORED_PARAMS:
                continue
            field = _integer_field(self.model, name)
            if field is not None and any(_out_of_range(v) for value in values for v in value.split(",")):
                raise IncorrectLookupParameters(_("A list filter names an id no record can have."))
        return super().get_changelist_instance(request)  # type: ignore[misc]

    def get_search_results(self, request: HttpRequest, queryset, search_term: str):
        if len(search_term) > SEARCH_LIMIT:
            messages.warning(
                request,
                _("Searches are limited to %(limit)d characters; this one has %(length)s, so nothing is listed.")
                % {"limit": SEARCH_LIMIT, "length": f"{len(search_term):,}"},
            )
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)  # type: ignore[misc]
