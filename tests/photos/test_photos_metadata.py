"""Protecting sources: no GPS position or other camera data reaches readers; the credit is kept."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from articles.models import Photo
from tests import photo_samples
from tests.factories import UserFactory


@pytest.fixture
def uploaded(client, db) -> Photo:
    """A phone photo with GPS, XMP and a comment, uploaded through the admin."""
    client.force_login(UserFactory(username="meta-desk", is_superuser=True))
    data = photo_samples.jpeg_with_gps((1800, 1200), artist="Zhao Chen")
    # The test is only meaningful if the upload really carries a GPS position.
    assert photo_samples.GPS_IFD in Image.open(io.BytesIO(data)).getexif()
    response = client.post(
        reverse("admin:articles_photo_add"),
        {"image": photo_samples.upload("gps.jpg", data), "caption": "c", "focal_x": "0.5", "focal_y": "0.5"},
    )
    assert response.status_code == 302
    return Photo.objects.get()


def served_files(photo: Photo) -> list[str]:
    """Every stored file a reader could download: the master and each rendition."""
    return [photo.image.name, *(r.file.name for r in photo.renditions.all())]


def assert_no_metadata(name: str) -> None:
    with default_storage.open(name) as handle:
        data = handle.read()
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    assert photo_samples.GPS_IFD not in exif, name
    assert not exif.get_ifd(photo_samples.GPS_IFD), name
    assert len(exif) == 0, (name, dict(exif))
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"):
        assert not image.info.get(key), (name, key)
    for marker in (b"Exif\x00\x00", b"xmpmeta", b"safe house", b"Zhao Chen", b"GPS"):
        assert marker not in data, (name, marker)


def test_gps_absent_from_every_served_file(uploaded):
    """The master and every WebP and JPEG rendition carry no EXIF, GPS, XMP, ICC profile or comment."""
    names = served_files(uploaded)
    assert len(names) == 1 + 12
    for name in names:
        assert_no_metadata(name)


def test_credit_kept_in_model(uploaded):
    """The photographer's name from the camera is kept as the photo's credit."""
    assert uploaded.credit == "Zhao Chen"


def test_exif_orientation_applied(client, db):
    """A phone photo stored sideways with an orientation tag stands upright in the library."""
    client.force_login(UserFactory(username="turn-desk", is_superuser=True))
    sideways = photo_samples.encode(
        photo_samples.picture((600, 400)), "JPEG", exif=photo_samples.gps_exif(orientation=6)
    )
    client.post(
        reverse("admin:articles_photo_add"),
        {"image": photo_samples.upload("turn.jpg", sideways), "focal_x": "0.5", "focal_y": "0.5"},
    )
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (400, 600)
    widest = photo.best_rendition(10_000)
    assert (widest.width, widest.height) == (400, 600)
    for name in served_files(photo):
        assert_no_metadata(name)


def test_colour_profile_applied_then_removed():
    """A photo with an embedded colour profile keeps its colours and loses the profile."""
    from PIL import ImageCms

    from articles.photos import checks as images

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = Image.new("RGB", (300, 200), (200, 60, 30))
    checked = images.check_bytes(photo_samples.encode(source, "PNG", icc_profile=srgb), name="p.png")
    master = Image.open(io.BytesIO(checked.content))
    assert "icc_profile" not in master.info
    assert all(abs(a - b) <= 2 for a, b in zip(master.convert("RGB").getpixel((10, 10)), (200, 60, 30), strict=True))


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_gps_stripped_from_png_and_webp(fmt, db):
    """PNG and WebP files carry EXIF too; their GPS position is gone from the master and renditions."""
    from django.core.files.base import ContentFile

    from articles.photos import checks as images
    from articles.photos import services as photo_services

    data = photo_samples.encode(photo_samples.picture((900, 600)), fmt, exif=photo_samples.gps_exif())
    assert photo_samples.GPS_IFD in Image.open(io.BytesIO(data)).getexif()
    checked = images.check_bytes(data, name=f"gps.{fmt.lower()}")
    assert checked.had_gps and checked.credit == "Ana Lima"
    photo = photo_services.create_photo(
        image=ContentFile(checked.content, name=f"p.{checked.extension}"), credit=checked.credit
    )
    for name in served_files(photo):
        assert_no_metadata(name)
