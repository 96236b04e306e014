"""Image files for the photo tests, made with Pillow at test time (good ones) or by hand (bad ones)."""

from __future__ import annotations

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

GPS_IFD = 0x8825
ARTIST = 0x013B
COPYRIGHT = 0x8298
ORIENTATION = 0x0112
EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003


def picture(size: tuple[int, int] = (800, 600), mode: str = "RGB") -> Image.Image:
    """A small scene with a gradient and shapes, so encoders have real detail to work on."""
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 4):
        draw.rectangle([0, y, width, y + 4], fill=(40 + 150 * y // height, 90, 200 - 150 * y // height))
    draw.ellipse([width // 4, height // 4, width // 2, height // 2], fill=(240, 200, 40))
    draw.rectangle([width // 2, height // 2, width - 10, height - 10], fill=(20, 120, 60))
    return image.convert(mode) if mode != "RGB" else image


def gps_exif(artist: str = "Ana Lima", orientation: int | None = None) -> Image.Exif:
    """EXIF with a GPS position (tag 0x8825), an Artist and a Copyright."""
    exif = Image.Exif()
    exif[ARTIST] = artist
    exif[COPYRIGHT] = "(c) Newsroom Test"
    if orientation:
        exif[ORIENTATION] = orientation
    exif[EXIF_IFD] = {DATETIME_ORIGINAL: "2024:01:05 10:30:00"}
    exif[GPS_IFD] = {1: "N", 2: (39.0, 55.0, 12.5), 3: "E", 4: (32.0, 51.0, 40.2)}
    return exif


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    """The image saved in a format, as bytes."""
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def jpeg_with_gps(size: tuple[int, int] = (1800, 1200), **exif_kwargs) -> bytes:
    """A JPEG carrying GPS EXIF, an XMP packet and a comment, as a phone would write it."""
    return encode(
        picture(size),
        "JPEG",
        quality=90,
        exif=gps_exif(**exif_kwargs),
        xmp=b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<rdf:RDF><rdf:Description exif:GPSLatitude="39,55.2N"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>',
        comment=b"taken at the safe house",
    )


def animated_gif() -> bytes:
    """A three-frame animated GIF."""
    frames = [picture((200, 150)).rotate(angle) for angle in (0, 120, 240)]
    return encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0)


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header declares a gigantic picture (a decompression bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    # A few rows of zero bytes compress to almost nothing: the file is small, the picture is not.
    idat = zlib.compress(b"\x00" * (width * 3 + 1) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
    b'<script>alert(document.cookie)</script><circle cx="50" cy="50" r="40"/></svg>'
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
PDF_FILE = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def good_files() -> dict[str, tuple[str, bytes]]:
    """Name -> (file name, bytes) of uploads the library must accept."""
    return {
        "jpeg": ("harbour.jpg", jpeg_with_gps((900, 600))),
        "png": ("chart.png", encode(picture((640, 480), "RGBA"), "PNG")),
        "webp": ("quay.webp", encode(picture((700, 500)), "WEBP", quality=80)),
        "gif": ("logo.gif", encode(picture((300, 200)).convert("P"), "GIF")),
        "animated-gif": ("spinner.gif", animated_gif()),
        "camera-jpeg-with-preview": (
            "DSC_0042.JPG",
            encode(picture((800, 600)), "MPO", save_all=True, append_images=[picture((160, 120))]),
        ),
        "cmyk-jpeg": ("print.jpg", encode(picture((500, 400), "CMYK"), "JPEG")),
        "16-bit-png": ("scan.png", encode(Image.new("I;16", (400, 300), 30000), "PNG")),
        "transparent-png": ("logo.png", encode(picture((400, 300), "P"), "PNG", transparency=0)),
    }


def bad_files() -> dict[str, tuple[str, bytes, str]]:
    """Name -> (file name, bytes, words the refusal must contain) of uploads the library must refuse."""
    jpeg = encode(picture((800, 600)), "JPEG", quality=90)
    return {
        "svg-with-script": ("chart.svg", SVG_WITH_SCRIPT, "is not a JPEG, PNG, WebP or GIF image"),
        "html-renamed-jpg": ("photo.jpg", HTML_PAGE, "is not a JPEG, PNG, WebP or GIF image"),
        "png-bomb": ("bomb.png", png_bomb(), "megapixels"),
        "truncated-jpeg": ("cut.jpg", jpeg[: len(jpeg) // 2], "truncated or damaged"),
        "pdf": ("scan.pdf", PDF_FILE, "is not a JPEG, PNG, WebP or GIF image"),
        "zero-bytes": ("empty.jpg", b"", "is empty"),
        "jpeg-html-polyglot": ("poly.jpg", jpeg + HTML_PAGE, "web page or script code"),
        "jpeg-zip-polyglot": ("poly2.jpg", jpeg + b"PK\x03\x04" + b"\x00" * 40, "extra data after the end"),
    }


def upload(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    """An uploaded file as the browser sends it (the content type is whatever the browser claims)."""
    return SimpleUploadedFile(name, data, content_type=content_type)
