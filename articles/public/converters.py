"""URL converters shared by every URL map that names a section or a day."""

from __future__ import annotations

import datetime

from articles.models.sections import SECTION_SLUG


class SectionPathConverter:
    """A section's path, `news` or `news/world/asia`: slugs the section slug validator allows."""

    regex = rf"{SECTION_SLUG}(?:/{SECTION_SLUG})*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class DayConverter:
    """A day in an address, `2024/01/08`, as a date; an impossible date (2024/02/30) matches nothing."""

    regex = r"[0-9]{4}/[0-9]{2}/[0-9]{2}"

    def to_python(self, value: str) -> datetime.date:
        year, month, day = (int(part) for part in value.split("/"))
        return datetime.date(year, month, day)  # ValueError: the address is not found

    def to_url(self, value: datetime.date) -> str:
        return f"{value.year:04d}/{value.month:02d}/{value.day:02d}"
