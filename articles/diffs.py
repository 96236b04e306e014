"""Readable word-by-word differences between two versions of a story's text."""

from __future__ import annotations

import difflib
import re

from django.utils.html import strip_tags

_WORDS = re.compile(r"\S+|\s+")


def plain(value: object) -> str:
    """The text a person reads: tags removed, for comparing rich text by its words."""
    if value is None:
        return ""
    text = str(value)
    # Paragraph ends become line breaks so a diff keeps the story's shape.
    text = re.sub(r"</(p|h[1-6]|li|blockquote)>", "\n", text)
    return strip_tags(text).strip()


def word_diff(old: object, new: object) -> list[tuple[str, str]]:
    """The change from old to new as (op, text) pieces: op is 'same', 'del' or 'ins'."""
    a, b = _WORDS.findall(plain(old)), _WORDS.findall(plain(new))
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(("ins", "".join(b[j1:j2])))
    return pieces
