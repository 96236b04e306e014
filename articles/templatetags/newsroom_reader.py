"""Template helpers for the reader pages' metadata."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# The characters that could end a <script> element or open a comment inside it, as JSON escapes:
# a headline like "</script><script>alert(1)" stays inert text.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

# OpenGraph locales are language_TERRITORY.
_OG_LOCALES = {"en": "en_US", "zh-hans": "zh_CN"}


@register.filter
def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> element holding data, safe inside HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.filter
def og_locale(language: str) -> str:
    """The OpenGraph locale for an article's language code."""
    return _OG_LOCALES.get(language, language.replace("-", "_"))
