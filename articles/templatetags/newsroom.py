"""Template helpers for the public pages."""

import datetime
import re

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timeuntil

from articles.models import Article

register = template.Library()

# The opening tag of the body's first paragraph (<p> or <p class="…">), not <pre> or <picture>.
FIRST_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>")


@register.simple_tag
def article_body(article: Article) -> SafeString:
    """The sanitized body, with the dateline opening its first paragraph as on agency pages."""
    # The body was cleaned by richtext.sanitize_html when it was saved; the dateline is escaped here.
    body = article.body
    dateline = article.dateline()
    if not dateline:
        return mark_safe(body)  # noqa: S308 - sanitized on save
    opening = format_html('<span class="dateline">{}</span> ', dateline)
    # The dateline opens the first paragraph of text, even after a heading or a photo above it.
    first = FIRST_PARAGRAPH.search(body)
    if first:
        at = first.end()
        return mark_safe(f"{body[:at]}{opening}{body[at:]}")  # noqa: S308 - sanitized on save, dateline escaped
    return mark_safe(f'<p class="dateline-only">{opening}</p>{body}')  # noqa: S308


@register.filter
def duration_words(value: datetime.timedelta) -> str:
    """A length of time in words, as "1 hour" or "30 minutes"."""
    now = timezone.now()
    return timeuntil(now + value, now)
