"""The article list's own filters: urgency bands, an editor's note, a slugline."""

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class UrgencyFilter(admin.SimpleListFilter):
    """Breaking (1–2), urgent (3–4) or routine (5–9)."""

    title = gettext_lazy("urgency")
    parameter_name = "urgency"

    def lookups(self, request, model_admin):
        return [("breaking", _("1–2 (flash, breaking)")), ("urgent", _("3–4")), ("routine", _("5–9"))]

    def queryset(self, request, queryset):
        bounds = {"breaking": (1, 2), "urgent": (3, 4), "routine": (5, 9)}.get(self.value() or "")
        return queryset.filter(urgency__range=bounds) if bounds else queryset


class EditorsNoteFilter(admin.SimpleListFilter):
    """Stories with or without a note for the desk."""

    title = gettext_lazy("editor's note")
    parameter_name = "has_note"

    def lookups(self, request, model_admin):
        return [("yes", _("With a note")), ("no", _("Without a note"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(editors_note="")
        if self.value() == "no":
            return queryset.filter(editors_note="")
        return queryset


class SluglineFilter(admin.SimpleListFilter):
    """Stories with or without a slugline (search finds a slugline by its start)."""

    title = gettext_lazy("slugline")
    parameter_name = "has_slugline"

    def lookups(self, request, model_admin):
        return [("yes", _("With a slugline")), ("no", _("Without a slugline"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(slugline="")
        if self.value() == "no":
            return queryset.filter(slugline="")
        return queryset
