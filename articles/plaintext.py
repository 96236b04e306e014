"""Control characters out of stored text: C0 controls other than tab and newline never reach a page.

A vertical tab, form feed or escape pasted into a headline is invisible on screen but is not
allowed in XML 1.0, so one such character broke every feed and the news sitemap. Text fields are
cleaned on save (and wire copy on import); the feed and sitemap writers clean on output as well.
"""

from __future__ import annotations

import re

from django.db import models

# C0 controls except tab (\x09) and newline (\x0a), and DEL; a carriage return becomes a newline first.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def strip_control_characters(text: str) -> str:
    """The text without C0 control characters (tab and newline are kept; CR LF becomes LF)."""
    if not text:
        return text
    return CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


class PlainTextModel(models.Model):
    """A model whose text fields are stored without control characters, whoever saves it.

    `clean_fields()` cleans before the form's checks (so a length is counted without them) and
    `save()` cleans again for writers that skip validation (the importer, commands, factories).
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.strip_control_characters()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None) -> None:
        self.strip_control_characters()
        super().clean_fields(exclude=exclude)

    def strip_control_characters(self) -> None:
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, strip_control_characters(value))
