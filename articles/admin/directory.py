"""The newsroom's directory in the admin: sections, sources, authors and editors."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from articles.admin.changelist import SafeListMixin
from articles.models import Author, Editor, Section, Source


@admin.register(Section)
class SectionAdmin(SafeListMixin, admin.ModelAdmin):
    list_display = ["name", "path", "parent", "position"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "path"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["path"]


@admin.register(Source)
class SourceAdmin(SafeListMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "website"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    search_fields = ["name", "short_name"]


@admin.register(Author)
class AuthorAdmin(SafeListMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name"]
    autocomplete_fields = ["user"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Editor)
class EditorAdmin(SafeListMixin, admin.ModelAdmin):
    list_display = ["display_name", "desk", "user"]
    list_select_related = ["user"]
    list_filter = ["desk"]
    search_fields = ["display_name", "desk"]
    autocomplete_fields = ["user"]
