"""The admin's wire import form: agency copy pasted or uploaded, parsed before it becomes a draft."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from articles.models import Section
from articles.wire import text as wire_text


class WireImportForm(forms.Form):
    """Agency copy pasted or uploaded for review as a draft."""

    text = forms.CharField(
        label=_("Paste the copy"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 90}),
        help_text=_("The agency page as text: headline, Updated/Source line, byline, dateline, body, Editor."),
    )
    file = forms.FileField(label=_("or upload a text file"), required=False)
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.all(),
        required=False,
        help_text=_("Leave empty to use the section named in the copy's breadcrumb (News if none)."),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        text, upload = cleaned.get("text", ""), cleaned.get("file")
        if upload and text.strip():
            raise ValidationError(_("Paste the copy or upload a file, not both."))
        if upload:
            name = upload.name
            limit = settings.NEWSROOM["WIRE_MAX_BYTES"]
            if upload.size > limit:
                raise ValidationError(
                    _("%(name)s is %(size)s bytes; wire copy is limited to %(limit)s bytes.")
                    % {"name": name, "size": f"{upload.size:,}", "limit": f"{limit:,}"}
                )
            data = upload.read(limit + 1)
        elif text.strip():
            name = _("the pasted copy")
            data = text.encode("utf-8")
        else:
            raise ValidationError(_("Paste the copy or choose a file."))
        try:
            cleaned["story"] = wire_text.parse_wire(wire_text.decode_copy(data, name=str(name)), name=str(name))
        except wire_text.WireFormatError as exc:
            raise ValidationError(str(exc)) from None
        return cleaned
