"""The photo library: pictures with their caption and credit, and the renditions readers get."""

from __future__ import annotations

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.plaintext import PlainTextModel


def new_photo_key() -> str:
    """A random folder name for a photo's files (not its id: file paths reveal nothing)."""
    return secrets.token_hex(8)


def master_upload_to(photo: Photo, filename: str) -> str:
    """Where a photo's cleaned master goes: its own folder, a fresh name per replacement."""
    extension = filename.rpartition(".")[2].lower() or "jpg"
    return f"photos/{photo.key}/master-{secrets.token_hex(4)}.{extension}"


class PhotoQuerySet(models.QuerySet):
    """Photo queries for pages and the admin."""

    def with_renditions(self) -> PhotoQuerySet:
        """Photos with all their renditions fetched in one more query."""
        return self.prefetch_related("renditions")


class Photo(PlainTextModel):
    """A picture in the library, with the caption and credit printed under it."""

    key = models.CharField(_("storage key"), max_length=32, unique=True, default=new_photo_key, editable=False)
    image = models.ImageField(
        _("image"),
        upload_to=master_upload_to,
        width_field="width",
        height_field="height",
        max_length=200,
        help_text=_(
            "A JPEG, PNG, WebP or GIF photo. It is turned upright and stripped of GPS position and other "
            "camera data before anyone sees it."
        ),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    caption = models.TextField(
        _("caption"),
        blank=True,
        help_text=_("What the photo shows, printed under it: who, what, where, when."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_(
            "Printed after the caption in brackets, e.g. Xinhua/Zhao Chen. Taken from the camera data when empty."
        ),
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("Read aloud to blind readers in place of the photo: describe what is seen, briefly."),
    )
    source = models.ForeignKey(
        "articles.Source",
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="photos",
        help_text=_("The agency that supplied the photo, if not our own."),
    )
    date_taken = models.DateField(
        _("date taken"), null=True, blank=True, help_text=_("From the camera data when left empty.")
    )
    place = models.CharField(_("place"), max_length=120, blank=True, help_text=_("Where it was taken, e.g. ANKARA."))
    focal_x = models.FloatField(
        _("focal point across"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the left edge, 1 the right edge; cropped thumbnails keep this point in view."),
    )
    focal_y = models.FloatField(
        _("focal point down"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the top edge, 1 the bottom edge."),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("last saved at"), auto_now=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        indexes = [models.Index(fields=["-created_at"], name="photo_created_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_point_inside",
            ),
        ]

    def __str__(self) -> str:
        text = self.caption or self.alt_text or _("Photo %(key)s") % {"key": self.key}
        return Truncator(text).chars(80)

    def get_absolute_url(self) -> str:
        # A photo has no page of its own; the admin's "view on site" opens its largest rendition.
        return self.best_url(1600)

    def rendition_list(self, crop: str = "", fmt: str | None = None) -> list[Rendition]:
        """Renditions of one crop (and format), narrowest first; uses prefetched rows when present."""
        rows = self.renditions.all()
        return sorted(
            (r for r in rows if r.crop == crop and (fmt is None or r.format == fmt)),
            key=lambda r: r.width,
        )

    def best_rendition(self, width: int = 1024, *, crop: str = "", fmt: str = "jpeg") -> Rendition | None:
        """The narrowest rendition at least `width` wide, else the widest there is."""
        candidates = self.rendition_list(crop, fmt)
        if not candidates:
            return None
        return next((r for r in candidates if r.width >= width), candidates[-1])

    def best_url(self, width: int = 1024, *, crop: str = "", fmt: str = "jpeg") -> str:
        """URL of best_rendition(); the master's when no rendition exists yet (OpenGraph, feeds)."""
        rendition = self.best_rendition(width, crop=crop, fmt=fmt)
        if rendition is not None:
            return rendition.file.url
        return self.image.url if self.image else ""

    def srcset(self, crop: str = "", fmt: str = "jpeg") -> str:
        """'url 320w, url 640w, ...' for one crop and format."""
        return ", ".join(f"{r.file.url} {r.width}w" for r in self.rendition_list(crop, fmt))


class Rendition(models.Model):
    """One resized, re-encoded copy of a photo: the only image files readers download."""

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    class Crop(models.TextChoices):
        FULL = "", _("Full frame")
        THUMB = "3:2", _("3:2 thumbnail around the focal point")

    photo = models.ForeignKey(Photo, verbose_name=_("photo"), on_delete=models.CASCADE, related_name="renditions")
    crop = models.CharField(_("crop"), max_length=8, choices=Crop.choices, default=Crop.FULL, blank=True)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    file = models.FileField(_("file"), max_length=200)

    class Meta:
        ordering = ["photo", "crop", "width", "format"]
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(fields=["photo", "crop", "width", "format"], name="rendition_once_per_size"),
        ]

    def __str__(self) -> str:
        return f"{self.photo_id} {self.crop or 'full'} {self.width}x{self.height} {self.format}"

    def get_absolute_url(self) -> str:
        return self.file.url
