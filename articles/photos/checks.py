"""Checking uploaded photos and making the clean files readers are served.

Every image that enters the newsroom (the photo library form, CKEditor's image upload, the demo
loader) passes through `check_upload`. A file is accepted only when Pillow decodes it completely as
JPEG, PNG, WebP or GIF; its name and the browser's content type are never trusted. What is kept is
not the uploaded bytes but a re-encoded "master": turned upright, converted to sRGB, with no EXIF
(GPS position, camera serial, owner name), XMP, ICC profile or comments, because a photo can reveal
where a source was standing. The photographer's credit and the date taken are read from the EXIF
first, for the model to keep.

This module knows nothing about models or storage: bytes in, bytes out.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageSequence, UnidentifiedImageError

from articles.photos.encoding import ACCEPTED_FORMATS, bare, flatten, to_srgb, upright

# Markup a browser could run if a file were ever served as HTML or SVG. A photo's compressed data
# does not contain these words by chance, so finding one means a polyglot or a renamed document.
# (XMP packets, "<?xpacket ...><x:xmpmeta ...>", are XML but contain none of these.)
MARKUP = re.compile(rb"<\s*(?:script|html|svg|body|iframe|object|embed|\?php|!doctype)\b", re.IGNORECASE)

EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
EXIF_DESCRIPTION = 0x010E
EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003

MASTER_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def max_bytes() -> int:
    """The largest upload accepted, in bytes."""
    return settings.NEWSROOM["PHOTO_MAX_BYTES"]


def max_pixels() -> int:
    """The largest picture accepted, in pixels (width times height)."""
    return settings.NEWSROOM["PHOTO_MAX_PIXELS"]


@dataclass
class CheckedImage:
    """An accepted upload: the cleaned master file and what was learnt from the original."""

    content: bytes
    format: str
    width: int
    height: int
    animated: bool = False
    credit: str = ""
    description: str = ""
    date_taken: datetime.date | None = None
    had_gps: bool = False
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def extension(self) -> str:
        """The file extension of the master ('jpg', 'png', 'webp', 'gif')."""
        return MASTER_EXTENSIONS[self.format]


def _refuse(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _short_name(name: str) -> str:
    # A browser's file name is quoted in messages: no folders, and not a paragraph long.
    return Truncator(name.rsplit("/", 1)[-1]).chars(80)


def _size(n: int) -> str:
    return filesizeformat(n)


def check_upload(upload, *, name: str = "") -> CheckedImage:
    """Decode an uploaded file completely and return its cleaned master, or raise ValidationError."""
    name = _short_name(name or getattr(upload, "name", "") or str(_("The file")))
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes():
        raise _refuse(
            _("%(name)s is %(size)s; photos are limited to %(limit)s."),
            "too_big",
            name=name,
            size=_size(size),
            limit=_size(max_bytes()),
        )
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes() + 1) if hasattr(upload, "read") else bytes(upload)
    if not data:
        raise _refuse(_("%(name)s is empty (0 bytes)."), "empty", name=name)
    if len(data) > max_bytes():
        raise _refuse(
            _("%(name)s is larger than %(limit)s, the limit for photos."),
            "too_big",
            name=name,
            limit=_size(max_bytes()),
        )
    return check_bytes(data, name=name)


def check_bytes(data: bytes, *, name: str) -> CheckedImage:
    """Validate image bytes as check_upload does (used directly by the demo and the benchmark)."""
    name = _short_name(name)
    not_an_image = _refuse(
        _("%(name)s is not a JPEG, PNG, WebP or GIF image (files are checked by their content, not their name)."),
        "not_image",
        name=name,
    )
    try:
        with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as probe:
            # Many cameras add a preview image (MPF); Pillow then calls the JPEG "MPO". The first
            # image is the photo.
            image_format = "JPEG" if probe.format == "MPO" else probe.format or ""
            width, height = probe.size
    except Image.DecompressionBombError:
        raise _too_many_pixels(name, None) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise not_an_image from None
    # The header's declared size is checked before a single pixel is decoded: a 100,000 x 100,000
    # PNG is a few kilobytes on disk and 40 GB in memory.
    if width * height > max_pixels():
        raise _too_many_pixels(name, (width, height))
    if width < 1 or height < 1:
        raise not_an_image
    if MARKUP.search(data):
        raise _refuse(
            _("%(name)s contains web page or script code hidden in the image; it was refused."),
            "markup",
            name=name,
        )
    damaged = _refuse(
        _("%(name)s is truncated or damaged and cannot be decoded completely. Export it again and retry."),
        "damaged",
        name=name,
    )
    try:
        with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
            image.verify()
        image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        frames = _load_all_frames(image, name)
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise _too_many_pixels(name, None) from None
    except Exception:  # noqa: BLE001 - any decoder failure means the same thing to the desk
        raise damaged from None
    if _trailing_data(data, image_format):
        raise _refuse(
            _("%(name)s has extra data after the end of the image (a combined or disguised file); it was refused."),
            "polyglot",
            name=name,
        )
    return _clean_master(image, image_format, frames)


def _too_many_pixels(name: str, size: tuple[int, int] | None) -> ValidationError:
    limit = f"{max_pixels() / 1_000_000:.0f}"
    if size is None:
        return _refuse(
            _("%(name)s declares far more pixels than the limit of %(limit)s megapixels; it was refused."),
            "too_many_pixels",
            name=name,
            limit=limit,
        )
    return _refuse(
        _("%(name)s is %(width)s x %(height)s pixels (%(mp)s megapixels); the limit is %(limit)s megapixels."),
        "too_many_pixels",
        name=name,
        width=size[0],
        height=size[1],
        mp=f"{size[0] * size[1] / 1_000_000:.0f}",
        limit=limit,
    )


def _load_all_frames(image: Image.Image, name: str) -> int:
    """Decode every frame (a GIF can hide damage or a bomb in a later one); return the count."""
    limit = settings.NEWSROOM["PHOTO_MAX_FRAMES"]
    width, height = image.size
    count = 0
    for frame in ImageSequence.Iterator(image):
        count += 1
        # Each frame alone may pass the pixel limit; the whole animation may decode to twice it.
        if count > limit or count * width * height > 2 * max_pixels():
            raise _refuse(
                _("%(name)s is an animation too long or too large to accept (at most %(limit)s frames)."),
                "too_many_frames",
                name=name,
                limit=limit,
            )
        frame.load()
    image.seek(0)
    return count


def _trailing_data(data: bytes, image_format: str) -> bool:
    """True when bytes follow the image's end marker: the usual shape of a polyglot file."""
    body = data.rstrip(b"\x00\r\n ")
    if image_format == "JPEG":
        return not body.endswith(b"\xff\xd9")
    if image_format == "PNG":
        return not body.endswith(b"IEND\xaeB`\x82")
    if image_format == "GIF":
        return not body.endswith(b"\x3b")
    if image_format == "WEBP":
        declared = int.from_bytes(data[4:8], "little") + 8
        return len(data) > declared + 1
    return True


def read_metadata(image: Image.Image) -> dict[str, str]:
    """The EXIF fields the desk may want (credit, description, date), read before they are dropped."""
    try:
        exif = image.getexif()
    except Exception:  # noqa: BLE001 - unreadable EXIF is simply not used
        return {}
    found: dict[str, str] = {}
    for tag, key in ((EXIF_ARTIST, "artist"), (EXIF_COPYRIGHT, "copyright"), (EXIF_DESCRIPTION, "description")):
        value = exif.get(tag)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str) and value.strip("\x00 "):
            found[key] = value.strip("\x00 ")[:200]
    taken = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(0x0132)
    if isinstance(taken, str):
        found["date_taken"] = taken.strip("\x00 ")
    if exif.get_ifd(0x8825) or 0x8825 in exif:
        found["gps"] = "yes"
    return found


def _parse_exif_date(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value[:10], "%Y:%m:%d").date()
    except ValueError:
        return None


def credit_from_metadata(metadata: dict[str, str]) -> str:
    """A credit line from EXIF Artist, else Copyright (without the © sign)."""
    artist = metadata.get("artist", "")
    if artist:
        return artist
    return re.sub(r"^(?:©|\(c\)|copyright)\s*", "", metadata.get("copyright", ""), flags=re.IGNORECASE).strip()


def _clean_master(image: Image.Image, image_format: str, frames: int) -> CheckedImage:
    metadata = read_metadata(image)
    out = io.BytesIO()
    animated = image_format in ("GIF", "WEBP") and frames > 1
    if animated:
        # Animations are rebuilt frame by frame: only pixels and timing survive, never comments.
        sequence = [bare(flatten(frame.copy(), keep_alpha=True)) for frame in ImageSequence.Iterator(image)]
        durations = [f.info.get("duration", 100) for f in ImageSequence.Iterator(image)]
        sequence[0].save(
            out,
            image_format,
            save_all=True,
            append_images=sequence[1:],
            duration=durations,
            loop=image.info.get("loop", 0),
            disposal=2,
            **({"lossless": False, "quality": 85} if image_format == "WEBP" else {}),
        )
        width, height = sequence[0].size
    else:
        picture = to_srgb(upright(image))
        keep_alpha = image_format != "JPEG"
        picture = bare(flatten(picture, keep_alpha=keep_alpha))
        width, height = picture.size
        if image_format == "JPEG":
            picture.save(out, "JPEG", quality=92, optimize=True, progressive=True)
        elif image_format == "WEBP":
            lossless = bool(image.info.get("lossless"))
            picture.save(out, "WEBP", quality=92, lossless=lossless, method=4)
        else:
            # A still GIF becomes a PNG master: the same pixels, no palette limits, no comment block.
            image_format = "PNG"
            picture.save(out, "PNG", optimize=False)
    image.close()
    return CheckedImage(
        content=out.getvalue(),
        format=image_format,
        width=width,
        height=height,
        animated=animated,
        credit=credit_from_metadata(metadata),
        description=metadata.get("description", ""),
        date_taken=_parse_exif_date(metadata.get("date_taken", "")),
        had_gps="gps" in metadata,
        metadata=metadata,
    )
