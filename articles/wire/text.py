"""Reading agency copy (the plain text of an agency article page) into article fields.

The copy looks like this, line by line; lines in brackets may be missing::

    [Home > News > Contents]
    Headline
    [Updated: January 8, 2024  Source: Xinhua News Agency]
    [fontLarger fontSmaller]
    [by Burak Akinci]
    ANKARA, Jan. 5 (Xinhua) -- First paragraph ...
    More paragraphs ...
    [Editor: Li Shimeng]

`parse_wire()` turns the text into a `WireStory` without touching the database;
`import_story()` writes one story (and the people and source it names) in one transaction.
"""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.plaintext import strip_control_characters


class WireFormatError(ValueError):
    """The copy cannot be read as a story; the message says what is wrong, in the active language."""


def _too_large(file: str, size: int, limit: int) -> str:
    # Sizes keep their thousands separators ("1,048,577 bytes") so a person can read them at a glance.
    return _("%(file)s: the file is %(size)s bytes; wire copy is limited to %(limit)s bytes.") % {
        "file": file,
        "size": f"{size:,}",
        "limit": f"{limit:,}",
    }


def _in_file(file: str, problem: WireFormatError) -> str:
    """A problem found in part of the copy (a date), prefixed with the file it came from."""
    return _("%(file)s: %(problem)s") % {"file": file, "problem": problem}


MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

# Spaces that word processors and web pages put in copy, all read as a plain space.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# Unicode's control characters (category Cc: C0, DEL and C1) other than tab, newline, CR and form feed.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

# Every pattern is linear: no two quantifiers compete for the same characters, and trailing space
# is stripped in Python, not by the pattern (`.+?\s*$` on a run of spaces backtracks for minutes).
_BREADCRUMB = re.compile(r"^Home\s*>", re.IGNORECASE)
_UPDATED = re.compile(r"^Updated:(?P<rest>.*)$", re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"Source:", re.IGNORECASE)
_SOURCE = re.compile(r"^Source:(?P<source>.*)$", re.IGNORECASE)
_FONT_CONTROLS = re.compile(r"^font\s*larger\s*font\s*smaller$", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s+(?P<names>\S.*)$", re.IGNORECASE)
_EDITOR = re.compile(r"^Editor:(?P<name>.*)$", re.IGNORECASE)
# ANKARA, Jan. 5 (Xinhua) -- ...   MASERU, Lesotho, July 14 (Xinhua) — ...
# Matched against the line's opening only (a dateline is short); the rest of the line follows it.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\- ]*[A-Z.](?:,[ ]*[A-Z][\w'’.\- ]*)*),[ ]*"
    r"(?P<month>[A-Za-z]{3,9})\.?[ ]+(?P<day>\d{1,2})[ ]*"
    r"\((?P<agency>[^()]{1,40})\)[ ]*(?:--|—|–|-)"
)
DATELINE_SPAN = 200
# The longest line of copy read; agency paragraphs are a few hundred characters.
LINE_LIMIT = 10_000
# Copy with more than one control character in this many characters is refused as not text.
CONTROL_SHARE = 100
_LONG_DATE = re.compile(r"^(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})$")
_ISO_DATE = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[ T](?P<h>\d{2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?)?$"
)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.IGNORECASE)


@dataclass
class WireStory:
    """One story as read from agency copy, before anything is saved."""

    headline: str
    paragraphs: list[str]
    section_names: list[str] = field(default_factory=list)
    updated_at: datetime.datetime | None = None
    source_name: str = ""
    agency_short_name: str = ""
    authors: list[str] = field(default_factory=list)
    dateline_place: str = ""
    dateline_date: datetime.date | None = None
    editor_name: str = ""

    def body_html(self) -> str:
        """The paragraphs as HTML, each escaped (copy is text, never markup)."""
        return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in self.paragraphs)


def normalize_text(text: str) -> str:
    """Unify line ends, non-breaking and other odd spaces, and Unicode composition; drop control characters."""
    text = unicodedata.normalize("NFC", text)
    text = strip_control_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZERO_WIDTH.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def decode_copy(data: bytes, *, name: str) -> str:
    """Bytes to text, refusing what is not UTF-8 text (images, documents, archives)."""
    limit = settings.NEWSROOM["WIRE_MAX_BYTES"]
    if len(data) > limit:
        raise WireFormatError(_too_large(name, len(data), limit))
    if not data.strip():
        raise WireFormatError(_("%(file)s: the file is empty.") % {"file": name})
    if b"\x00" in data:
        raise WireFormatError(
            _("%(file)s: the file is binary data, not text (it contains NUL bytes).") % {"file": name}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WireFormatError(
            _("%(file)s: the file is not UTF-8 text (byte %(position)d cannot be read); save the copy as UTF-8.")
            % {"file": name, "position": exc.start}
        ) from None
    # A stray control character or two (Word's vertical-tab line break, an escape from a terminal)
    # is removed when the copy is read; more than one in a hundred characters is not text.
    controls = len(_CONTROLS.findall(text))
    if controls * CONTROL_SHARE > len(text):
        raise WireFormatError(
            ngettext(
                "%(file)s: the file holds %(count)d control character; it does not look like text.",
                "%(file)s: the file holds %(count)d control characters; it does not look like text.",
                controls,
            )
            % {"file": name, "count": controls}
        )
    return text


def read_copy_file(path: Path) -> str:
    """Read a file of copy, refusing an oversized one before reading it whole."""
    limit = settings.NEWSROOM["WIRE_MAX_BYTES"]
    try:
        size = path.stat().st_size
        if size > limit:
            raise WireFormatError(_too_large(str(path), size, limit))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise WireFormatError(
            _("%(file)s: cannot be read (%(reason)s).") % {"file": path, "reason": exc.strerror or exc}
        ) from None
    return decode_copy(data, name=str(path))


def _updated(line: str) -> tuple[str, str] | None:
    """'Updated: January 8, 2024  Source: Xinhua' -> ('January 8, 2024', 'Xinhua'); None if not that line."""
    match = _UPDATED.match(line)
    if match is None or not match["rest"].strip():
        return None
    date, *source = _SOURCE_LABEL.split(match["rest"], maxsplit=1)
    return date.strip(), "".join(source).strip()


def _labelled(pattern: re.Pattern[str], line: str) -> str:
    """The text after a label ('Source:', 'Editor:'), trimmed; empty if the line is not that label's."""
    match = pattern.match(line)
    return match[1].strip() if match else ""


def _dateline(line: str) -> tuple[re.Match[str], str] | None:
    """The dateline opening a paragraph and the paragraph's text after it."""
    match = _DATELINE.match(line[:DATELINE_SPAN])
    if match is None:
        return None
    return match, line[match.end() :].strip()


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def parse_updated(value: str) -> datetime.datetime:
    """'January 8, 2024', 'Jan. 8, 2024' or '2024-01-08 15:32:10', in the newsroom's zone."""
    value = value.strip()
    zone = timezone.get_current_timezone()
    if match := _LONG_DATE.match(value):
        month = _month(match["month"])
        if month is None:
            raise WireFormatError(
                _("the Updated: date %(value)s has an unknown month %(month)s")
                % {"value": repr(value), "month": repr(match["month"])}
            )
        try:
            day = datetime.date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            raise WireFormatError(
                _("the Updated: date %(value)s is not a real date") % {"value": repr(value)}
            ) from None
        return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
    if match := _ISO_DATE.match(value):
        try:
            return datetime.datetime(
                int(match["year"]), int(match["month"]), int(match["day"]),
                int(match["h"] or 0), int(match["m"] or 0), int(match["s"] or 0), tzinfo=zone,
            )  # fmt: skip
        except ValueError:
            raise WireFormatError(
                _("the Updated: date %(value)s is not a real date") % {"value": repr(value)}
            ) from None
    raise WireFormatError(
        _("the Updated: date %(value)s is not a date like 'January 8, 2024' or '2024-01-08'") % {"value": repr(value)}
    )


def _dateline_date(month: int, day: int, reference: datetime.date) -> datetime.date:
    """The dateline's date in the year that puts it on or shortly before the reference date."""
    for year in (reference.year, reference.year - 1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + datetime.timedelta(days=1):
            return candidate
    raise WireFormatError(_("the dateline date %(month)d/%(day)d is not a real date") % {"month": month, "day": day})


def split_names(text: str) -> list[str]:
    """'A, B and C' -> ['A', 'B', 'C']."""
    return [name.strip(" .") for name in _NAME_SPLIT.split(text.strip()) if name.strip(" .")]


def parse_wire(text: str, *, name: str = "copy") -> WireStory:
    """Read agency copy into a WireStory; raise WireFormatError naming what is missing."""
    lines = normalize_text(text).split("\n")
    for number, line in enumerate(lines, start=1):
        if len(line) > LINE_LIMIT:
            raise WireFormatError(
                _("%(file)s: line %(number)d is %(length)s characters; a line of copy is limited to %(limit)s.")
                % {"file": name, "number": number, "length": f"{len(line):,}", "limit": f"{LINE_LIMIT:,}"}
            )
    content = [line for line in lines if line]
    if not content:
        raise WireFormatError(_("%(file)s: the copy is empty.") % {"file": name})

    section_names: list[str] = []
    if _BREADCRUMB.match(content[0]):
        crumbs = [c.strip() for c in content[0].split(">")]
        section_names = [c for c in crumbs[1:] if c and c.lower() != "contents"]
        content = content[1:]
    if not content:
        raise WireFormatError(_("%(file)s: no headline (the copy has only a breadcrumb).") % {"file": name})

    headline = content[0]
    if (
        _updated(headline)
        or _labelled(_SOURCE, headline)
        or _labelled(_EDITOR, headline)
        or _BYLINE.match(headline)
        or _dateline(headline)
    ):
        raise WireFormatError(
            _("%(file)s: no headline: the first line is %(line)s.") % {"file": name, "line": repr(headline[:60])}
        )
    if len(headline) > 255:
        raise WireFormatError(
            _("%(file)s: the headline is %(length)d characters; the limit is %(limit)d.")
            % {"file": name, "length": len(headline), "limit": 255}
        )

    story = WireStory(headline=headline, paragraphs=[], section_names=section_names)
    index = 1
    updated_text = ""
    # The header: Updated/Source, font controls and byline, in any order, before the body.
    while index < len(content):
        line = content[index]
        if updated := _updated(line):
            updated_text, source = updated
            story.source_name = source or story.source_name
        elif source := _labelled(_SOURCE, line):
            story.source_name = source
        elif _FONT_CONTROLS.match(line):
            pass
        elif (match := _BYLINE.match(line)) and not story.authors and len(line) <= 200:
            story.authors = split_names(match["names"])
        else:
            break
        index += 1

    body = content[index:]
    for position in range(len(body) - 1, -1, -1):
        if editor := _labelled(_EDITOR, body[position]):
            story.editor_name = editor
            body = body[:position]
            break

    try:
        story.updated_at = parse_updated(updated_text) if updated_text else None
    except WireFormatError as exc:
        raise WireFormatError(_in_file(name, exc)) from None

    if body and (dateline := _dateline(body[0])):
        match, rest = dateline
        month = _month(match["month"])
        if month is not None:
            reference = timezone.localdate(story.updated_at) if story.updated_at else timezone.localdate()
            try:
                story.dateline_date = _dateline_date(month, int(match["day"]), reference)
            except WireFormatError as exc:
                raise WireFormatError(_in_file(name, exc)) from None
            story.dateline_place = match["place"].strip()
            story.agency_short_name = match["agency"].strip()
            body = [rest, *body[1:]] if rest else body[1:]

    story.paragraphs = [line for line in body if line]
    if not story.paragraphs:
        raise WireFormatError(
            _("%(file)s: no body: there are no paragraphs after the headline and byline.") % {"file": name}
        )
    if not story.source_name and not story.agency_short_name:
        raise WireFormatError(
            _("%(file)s: no source: the copy has no 'Source:' line and no agency in a dateline.") % {"file": name}
        )
    return story
