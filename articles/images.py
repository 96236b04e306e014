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
from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

# Pillow may only try these decoders: nothing else (EPS through Ghostscript, PSD, TIFF ...) is
# ever handed a stranger's bytes.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")

# Markup a browser could run if a file were ever served as HTML or SVG. A photo's compressed data
# does not contain these words by chance, so finding one means a polyglot or a renamed document.
# (XMP packets, "<?xpacket ...><x:xmpmeta ...>", are XML but contain none of these.)
MARKUP = re.compile(rb"<\s*(?:script|html|svg|body|iframe|object|embed|\?php|!doctype)\b", re.IGNORECASE)

EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
EXIF_DESCRIPTION = 0x010E
EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003
ORIENTATION = 0x0112

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


def to_srgb(image: Image.Image) -> Image.Image:
    """Convert a picture with an embedded colour profile to sRGB, so dropping the profile keeps its colours."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        out_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, target, outputMode=out_mode) or image
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation, so a phone photo taken sideways stands up without its EXIF."""
    try:
        # exif_transpose copies even an upright picture; skipping it saves a full-size copy.
        if image.getexif().get(ORIENTATION, 1) not in range(2, 9):
            return image
        turned = ImageOps.exif_transpose(image)
    except Exception:  # noqa: BLE001 - a broken orientation tag leaves the picture as stored
        return image
    return turned if turned is not None else image


def flatten(image: Image.Image, *, keep_alpha: bool) -> Image.Image:
    """The picture in RGB (or RGBA when transparency is kept), transparent areas on white otherwise."""
    if image.mode == "CMYK":
        image = image.convert("RGB")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    if has_alpha:
        image = image.convert("RGBA")
        if keep_alpha:
            return image
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image if image.mode == "RGB" else image.convert("RGB")


def bare(image: Image.Image) -> Image.Image:
    """The same pixels with no metadata attached: Pillow writes some of `info` back when saving."""
    image.info = {}
    if hasattr(image, "_exif"):
        image._exif = None
    return image


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


# --- Renditions -------------------------------------------------------------------------------

FULL = ""
THUMB = "3:2"
WIDTHS = (320, 640, 1024, 1600)
THUMB_WIDTHS = (320, 640)
RENDITION_FORMATS = ("webp", "jpeg")
PIL_FORMATS = {"webp": "WEBP", "jpeg": "JPEG"}
CONTENT_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg"}


@dataclass
class RenditionImage:
    """One encoded rendition, ready to be stored."""

    crop: str
    width: int
    height: int
    format: str
    content: bytes


def target_widths(available: int, wanted: tuple[int, ...]) -> list[int]:
    """The wanted widths the picture can fill without upscaling (its own width when it is smaller)."""
    widths = [w for w in wanted if w <= available]
    if available < max(wanted) and available not in widths:
        widths.append(available)
    return sorted(widths)


def focal_crop_box(
    size: tuple[int, int], ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of the given aspect ratio, centred on the focal point as far as the edges allow."""
    width, height = size
    rw, rh = ratio
    if width * rh > height * rw:  # wider than the ratio: keep the height
        crop_w, crop_h = max(1, round(height * rw / rh)), height
    else:
        crop_w, crop_h = width, max(1, round(width * rh / rw))
    fx = min(max(focal[0], 0.0), 1.0) * width
    fy = min(max(focal[1], 0.0), 1.0) * height
    left = int(min(max(fx - crop_w / 2, 0), width - crop_w))
    top = int(min(max(fy - crop_h / 2, 0), height - crop_h))
    return left, top, left + crop_w, top + crop_h


def _encode(picture: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "jpeg":
        flatten(picture, keep_alpha=False).save(out, "JPEG", quality=82, optimize=True, progressive=True)
    else:
        picture.save(out, "WEBP", quality=80, method=4)
    return out.getvalue()


def make_renditions(
    master: bytes,
    *,
    focal: tuple[float, float] = (0.5, 0.5),
    draft: bool = True,
    reducing_gap: float | None = 3.0,
) -> list[RenditionImage]:
    """Every rendition of a master: WebP and JPEG at each width, full frame and focal-point crops."""
    image = Image.open(io.BytesIO(master), formats=ACCEPTED_FORMATS)
    full_size = image.size
    widths = target_widths(full_size[0], WIDTHS)
    box = focal_crop_box(full_size, (3, 2), focal)
    thumb_widths = target_widths(box[2] - box[0], THUMB_WIDTHS)
    if draft and image.format == "JPEG":
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when even the largest rendition fits: a 24
        # megapixel photo then never exists in memory at full size.
        largest = widths[-1]
        image.draft("RGB", (largest, max(1, round(largest * full_size[1] / full_size[0]))))
    image.seek(0)
    base = bare(flatten(image.convert("RGBA") if image.mode == "P" else image, keep_alpha=True))
    scale = base.size[0] / full_size[0]
    made: list[RenditionImage] = []
    for width in sorted(widths, reverse=True):
        height = max(1, round(width * full_size[1] / full_size[0]))
        picture = base
        if base.size != (width, height):
            picture = base.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=reducing_gap)
        for fmt in RENDITION_FORMATS:
            made.append(RenditionImage(FULL, width, height, fmt, _encode(picture, fmt)))
    left, top, right, bottom = (round(edge * scale) for edge in box)
    cropped = base.crop((left, top, right, bottom))
    crop_ratio = (box[3] - box[1]) / (box[2] - box[0])
    for width in sorted(thumb_widths, reverse=True):
        height = max(1, round(width * crop_ratio))
        picture = cropped.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=reducing_gap)
        for fmt in RENDITION_FORMATS:
            made.append(RenditionImage(THUMB, width, height, fmt, _encode(picture, fmt)))
    image.close()
    return made
