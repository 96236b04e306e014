"""Reader search: ranked full-text search on PostgreSQL, plain word matching elsewhere.

On PostgreSQL the article's stored `search_vector` (kept by a trigger: headline A, summary B,
body C) is matched with `websearch_to_tsquery`, which accepts any text a reader types (quotes,
`&|!`, SQL-looking text) without a syntax error. On SQLite, and on PostgreSQL for queries with
Chinese, Japanese or Korean words, every word must appear in the headline, summary or body: at the
start of a word, or anywhere for CJK words.
"""

from __future__ import annotations

import html
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Func, Q, QuerySet, Value
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
# Private-use characters mark the highlighted words inside the database's snippet; the snippet is
# escaped as plain text and only these markers become <mark> tags, so body HTML never leaks.
MARK_START = "\ue000"
MARK_STOP = "\ue001"


def clean_query(raw: str) -> str:
    """The reader's query trimmed to a sane length, without control characters the database refuses."""
    text = "".join(ch for ch in raw if ch.isprintable() or ch == " ")
    text = text.replace(MARK_START, "").replace(MARK_STOP, "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_words(query: str) -> list[str]:
    """The words of a query, without search operators, for the plain fallback and highlighting."""
    words = re.findall(r"\w+", query)
    return [w for w in words if w.lower() not in {"or", "and", "not"}][:MAX_WORDS]


# Chinese, Japanese and Korean are written without spaces between words, so a word from them can
# only be found as a substring (the English text-search parser keeps a whole CJK run as one token).
CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def uses_full_text(query: str = "") -> bool:
    """True when PostgreSQL full-text search can answer the query (it has no CJK words)."""
    return connection.vendor == "postgresql" and not CJK.search(query)


def _word_condition(word: str) -> Q:
    """Headline, summary or body contain the word: at a word start, or anywhere for CJK."""
    if CJK.search(word):
        return Q(headline__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
    # A word start, so "port" finds "ports" but not "sports"; re.escape keeps it a literal.
    # PostgreSQL's regular expressions spell a word start \m, Python's (SQLite) \b.
    start = r"\m" if connection.vendor == "postgresql" else r"\b"
    pattern = start + re.escape(word)
    return Q(headline__iregex=pattern) | Q(summary__iregex=pattern) | Q(body__iregex=pattern)


def search_articles(published: QuerySet, query: str) -> QuerySet:
    """Published articles matching the query, best first, each with a `snippet` annotation."""
    if uses_full_text(query):
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        plain_body = Func(F("body"), Value("<[^>]*>"), Value(" "), Value("g"), function="regexp_replace")
        return (
            published.filter(search_vector=search_query)
            .annotate(
                rank=SearchRank(F("search_vector"), search_query),
                snippet=SearchHeadline(
                    plain_body,
                    search_query,
                    config=SEARCH_CONFIG,
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    max_words=40,
                    min_words=15,
                ),
            )
            .order_by("-rank", "-published_at")
        )
    words = query_words(query)
    if not words:
        return published.none()
    condition = Q()
    for word in words:
        condition &= _word_condition(word)
    # The body comes along in the same query, for the excerpt around the first match.
    return _with_body(published.filter(condition)).order_by("-published_at")


def _with_body(queryset: QuerySet) -> QuerySet:
    """The queryset loading the body too: a listing's only() leaves it out."""
    fields, defer = queryset.query.deferred_loading
    if defer:
        return queryset.defer(None) if "body" in fields else queryset
    return queryset.only(*fields, "body")


EXCERPT_AROUND = 90


def plain_excerpt(body_html: str, words: list[str]) -> SafeString:
    """The body's text around the first match of any word, escaped, the matches in <mark>; or ''.

    The fallback's snippet where the database makes none (SQLite, and CJK words on PostgreSQL).
    """
    if not words:
        return mark_safe("")  # noqa: S308 - empty
    text = " ".join(html.unescape(strip_tags(body_html)).split())
    alternatives = "|".join(re.escape(w) if CJK.search(w) else rf"\b{re.escape(w)}" for w in words)
    match = re.search(alternatives, text, re.IGNORECASE)
    if match is None:
        return mark_safe("")  # noqa: S308 - empty
    start = max(0, match.start() - EXCERPT_AROUND)
    stop = min(len(text), match.end() + EXCERPT_AROUND)
    # Whole words at both ends, unless the text itself ends there.
    if start > 0 and " " in text[start : match.start()]:
        start = text.index(" ", start) + 1
    if stop < len(text) and " " in text[match.end() : stop]:
        stop = text.rindex(" ", match.end(), stop)
    return highlight(text[start:stop], words)


def render_snippet(article, words: list[str] | None = None) -> SafeString:
    """The body passage where the query matched, as safe HTML with the matches in <mark>; or ''."""
    snippet = getattr(article, "snippet", None) or ""
    if MARK_START not in snippet:
        if words and "body" in article.__dict__:
            return plain_excerpt(article.body, words)
        return mark_safe("")  # noqa: S308 - empty
    text = escape(html.unescape(snippet))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))  # noqa: S308


def highlight(text: str, words: list[str]) -> SafeString:
    """Escape text and wrap each occurrence of the words in <mark>."""
    if not words:
        return escape(text)
    alternatives = "|".join(
        re.escape(w) if CJK.search(w) else rf"\b{re.escape(w)}" for w in sorted(words, key=len, reverse=True)
    )
    pattern = re.compile(f"({alternatives})", re.IGNORECASE)
    # split() with a group alternates plain text and matches; each piece is escaped on its own.
    pieces = pattern.split(text)
    out = [f"<mark>{escape(piece)}</mark>" if i % 2 else str(escape(piece)) for i, piece in enumerate(pieces)]
    return mark_safe("".join(out))  # noqa: S308
