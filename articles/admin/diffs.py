"""Readable word-by-word differences between two versions of a story's text."""

from __future__ import annotations

import difflib
import re

from django.utils.html import strip_tags

_WORDS = re.compile(r"\S+|\s+")
# An unchanged stretch longer than this is shortened to its ends, so a one-word fix in a long
# story shows as a line, not as the whole story again.
KEEP_UNCHANGED = 160


def plain(value: object) -> str:
    """The text a person reads: tags removed, spaces collapsed, one line per paragraph."""
    if value is None:
        return ""
    text = re.sub(r"</(p|h[1-6]|li|blockquote)>", "\n", str(value))
    text = strip_tags(text)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\s*\n\s*", "\n", text).strip()


def same_text(old: object, new: object) -> bool:
    """True when two versions read the same (only markup or spacing differs)."""
    return plain(old) == plain(new)


def word_diff(old: object, new: object) -> list[tuple[str, str]]:
    """The change from old to new as (op, text) pieces: op is 'same', 'del' or 'ins'."""
    a, b = _WORDS.findall(plain(old)), _WORDS.findall(plain(new))
    pieces: list[tuple[str, str]] = []
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            pieces.append(("same", _shorten("".join(a[i1:i2]), first=index == 0, last=index == len(opcodes) - 1)))
            continue
        if op in ("delete", "replace"):
            pieces.append(("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(("ins", "".join(b[j1:j2])))
    return pieces


def _shorten(text: str, *, first: bool, last: bool) -> str:
    if len(text) <= KEEP_UNCHANGED:
        return text
    edge = KEEP_UNCHANGED // 2
    head = "" if first else text[:edge]
    tail = "" if last else text[-edge:]
    return f"{head} … {tail}".strip(" ") if head or tail else "…"
