"""Forms that take photos in: the library's admin form and the editor's image upload share one field."""

from __future__ import annotations

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from articles.models import Photo
from articles.photos import checks as images
from articles.photos import services

ACCEPT = "image/jpeg,image/png,image/webp,image/gif"


class CheckedFile(ContentFile):
    """The cleaned master of an accepted upload, carrying what was read from the original."""

    def __init__(self, checked: images.CheckedImage) -> None:
        super().__init__(checked.content, name=f"photo.{checked.extension}")
        self.checked = checked


class PhotoFileField(forms.FileField):
    """A file accepted only when articles.images decodes it; cleans to the metadata-free master."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_empty_file", True)  # refused by check_upload, with its own message
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        checked = images.check_upload(upload, name=upload.name or "")
        return CheckedFile(checked)


class PhotoForm(forms.ModelForm):
    """The photo library's form: the upload is checked and cleaned; empty credit and date come from EXIF."""

    image = PhotoFileField(
        label=_("Image"),
        help_text=_(
            "JPEG, PNG, WebP or GIF, checked by decoding it. GPS position and other camera data are removed; "
            "the photographer's name fills an empty credit."
        ),
    )

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt_text", "source", "date_taken", "place", "focal_x", "focal_y"]
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
        }

    def clean(self):
        cleaned = super().clean() or {}
        checked = getattr(cleaned.get("image"), "checked", None)
        if checked is not None:
            if not cleaned.get("credit") and checked.credit:
                cleaned["credit"] = checked.credit
            if not cleaned.get("date_taken") and checked.date_taken:
                cleaned["date_taken"] = checked.date_taken
        return cleaned


class EditorUploadForm(forms.Form):
    """CKEditor's image upload: the file arrives in the field CKEditor names 'upload'."""

    upload = PhotoFileField(label=_("Image"))

    def save(self) -> Photo:
        """Add the upload to the photo library (its renditions are queued)."""
        upload = self.cleaned_data["upload"]
        checked = upload.checked
        return services.create_photo(image=upload, credit=checked.credit[:200], date_taken=checked.date_taken)
