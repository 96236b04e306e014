"""Staff accounts in the admin: a chief editor manages the desk's people, never superuser powers."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from articles import roles
from articles.admin.changelist import SafeListMixin

User = get_user_model()

# Only a superuser may grant these: each would let the holder give themselves any power.
SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")


class NewsroomUserAdmin(SafeListMixin, UserAdmin):
    """Django's user admin, minus the ways a non-superuser could raise anyone's rights."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        """Superuser accounts are out of reach (list, edit, password) for everyone else."""
        queryset = super().get_queryset(request)
        if not request.user.is_superuser:
            queryset = queryset.filter(is_superuser=False)
        return queryset

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Nobody but a superuser may change a superuser's account."""
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Nobody but a superuser may delete a superuser's account."""
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        """Without superuser status and single permissions, for non-superusers."""
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in SUPERUSER_ONLY_FIELDS]})
            for name, options in fieldsets
        ]

    def get_list_filter(self, request: HttpRequest) -> Any:
        """No "superuser status" filter for those who cannot see superusers."""
        filters = super().get_list_filter(request)
        if request.user.is_superuser:
            return filters
        return [f for f in filters if f != "is_superuser"]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """A non-superuser assigns only the newsroom's role groups."""
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = db_field.remote_field.model.objects.filter(name__in=roles.ALL)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, NewsroomUserAdmin)
