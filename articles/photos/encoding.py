"""Pixels for readers: colour, orientation and transparency made plain, metadata stripped, and the
renditions (every width in WebP and JPEG, full frame and focal-point crops) encoded from a master.

Bytes in, bytes out: nothing here knows about models or storage.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

# Pillow may only try these decoders: nothing else (EPS through Ghostscript, PSD, TIFF ...) is
# ever handed a stranger's bytes.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
ORIENTATION = 0x0112  # the EXIF tag that says how the camera was held


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


FULL = ""
THUMB = "3:2"
WIDTHS = (320, 640, 1024, 1600)
THUMB_WIDTHS = (320, 640)
RENDITION_FORMATS = ("webp", "jpeg")


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
