"""The change form for someone who may only read the story (a submitted or withdrawn story).

Django shows a read-only text field as its raw value, so a body would show its markup
(`<h2>…</h2><p>…`). Here the body is shown as the text it is, as it reads on the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from articles.richtext import sanitize_html

if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin
else:
    _AdminBase = object


class ReadingMixin(_AdminBase):
    def get_fieldsets(self, request: HttpRequest, obj: Article | None = None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        return [
            (name, {**options, "fields": ["body_as_read" if f == "body" else f for f in options["fields"]]})
            for name, options in fieldsets
        ]

    @admin.display(description=_("body"))
    def body_as_read(self, obj: Article) -> str:
        # Only the allow-listed markup, again, before it is trusted as HTML.
        return format_html('<div class="body-as-read">{}</div>', mark_safe(sanitize_html(obj.body)))  # noqa: S308
