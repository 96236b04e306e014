"""Renditions: each photo in a few widths, as WebP and JPEG, made once and stored through the storage API."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import Rendition
from articles.photos import checks as images
from articles.photos import encoding, renditions
from articles.photos import services as photo_services
from tests import photo_samples
from tests.factories import PhotoFactory


def _master(size: tuple[int, int]):
    from django.core.files.base import ContentFile

    checked = images.check_bytes(photo_samples.encode(photo_samples.picture(size), "JPEG"), name="m.jpg")
    return ContentFile(checked.content, name="photo.jpg")


def decoded(rendition: Rendition) -> Image.Image:
    with default_storage.open(rendition.file.name) as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


@pytest.mark.django_db
def test_large_photo_gets_four_widths_in_two_formats():
    """A 2400-pixel photo is served 320, 640, 1024 and 1600 wide, each as WebP and JPEG."""
    photo = PhotoFactory(image=_master((2400, 1600)))
    full = photo.rendition_list("")
    assert sorted({(r.width, r.height) for r in full}) == [(320, 213), (640, 427), (1024, 683), (1600, 1067)]
    for rendition in full:
        image = decoded(rendition)
        assert image.size == (rendition.width, rendition.height)
        assert image.format == {"webp": "WEBP", "jpeg": "JPEG"}[rendition.format]
        assert rendition.file.name.startswith(f"photos/{photo.key}/full-{rendition.width}.")
    assert sorted((r.width, r.format) for r in full) == [
        (w, f) for w in (320, 640, 1024, 1600) for f in ("jpeg", "webp")
    ]


@pytest.mark.django_db
def test_small_photo_is_not_upscaled():
    """A 500-pixel photo gets 320 and 500, never a blown-up 640 or wider."""
    photo = PhotoFactory(image=_master((500, 400)))
    assert sorted({r.width for r in photo.rendition_list("")}) == [320, 500]
    assert max(r.width for r in photo.renditions.all()) == 500


@pytest.mark.django_db
def test_thumbnails_are_three_by_two():
    """List thumbnails are 3:2 crops at 320 and 640 pixels."""
    photo = PhotoFactory(image=_master((1200, 1200)))
    thumbs = photo.rendition_list("3:2")
    assert sorted({(r.width, r.height) for r in thumbs}) == [(320, 213), (640, 427)]
    assert {r.format for r in thumbs} == {"webp", "jpeg"}


def test_focal_point_decides_the_crop():
    """The 3:2 crop of a tall photo keeps the focal point in view, within the picture's edges."""
    assert encoding.focal_crop_box((1000, 1500), (3, 2), (0.5, 0.1)) == (0, 0, 1000, 667)
    assert encoding.focal_crop_box((1000, 1500), (3, 2), (0.5, 0.9)) == (0, 833, 1000, 1500)
    assert encoding.focal_crop_box((1000, 1500), (3, 2), (0.5, 0.5)) == (0, 416, 1000, 1083)
    assert encoding.focal_crop_box((3000, 1000), (3, 2), (0.0, 0.5)) == (0, 0, 1500, 1000)


@pytest.mark.django_db
def test_focal_point_change_recrops_thumbnails():
    """Moving the focal point to a red top band makes the thumbnail show red."""
    tall = Image.new("RGB", (600, 1200), (0, 0, 255))
    tall.paste((255, 0, 0), (0, 0, 600, 300))
    checked = images.check_bytes(photo_samples.encode(tall, "PNG"), name="tall.png")
    from django.core.files.base import ContentFile

    photo = PhotoFactory(image=ContentFile(checked.content, name="p.png"), focal_x=0.5, focal_y=0.5)
    thumb = photo.best_rendition(320, crop="3:2", fmt="jpeg")
    assert decoded(thumb).getpixel((160, 10))[2] > 200  # centre crop: blue
    photo_services.set_focal_point(photo, x=0.5, y=0.05)
    photo.refresh_from_db()
    thumb = photo.best_rendition(320, crop="3:2", fmt="jpeg")
    assert decoded(thumb).getpixel((160, 10))[0] > 200  # top crop: red


@pytest.mark.django_db
def test_renditions_use_default_storage(settings, tmp_path):
    """Renditions are written through STORAGES['default'], so another backend receives them."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "https://cdn.example.org/media/"},
        },
    }
    photo = PhotoFactory()
    assert photo.best_url(640).startswith(f"https://cdn.example.org/media/photos/{photo.key}/full-640.")
    assert not (tmp_path / "media").exists()


@pytest.mark.django_db
def test_best_url_works_from_prefetched_rows(django_assert_num_queries):
    """best_url and srcset read prefetched renditions without further queries (for OpenGraph and pages)."""
    from articles.models import Photo

    PhotoFactory()
    photo = Photo.objects.with_renditions().get()
    with django_assert_num_queries(0):
        assert "/full-1024." not in photo.best_url(1024)  # 700 wide: the widest there is
        assert photo.best_url(1024).endswith("/full-700.jpg")
        assert photo.best_url(600, fmt="webp").endswith("/full-640.webp")
        assert photo.srcset(fmt="jpeg").count("w,") == 2


def test_animated_gif_keeps_its_animation_in_the_master():
    """An animated GIF stays animated in the library; renditions show its first frame."""
    checked = images.check_bytes(photo_samples.animated_gif(), name="a.gif")
    assert checked.animated
    assert Image.open(io.BytesIO(checked.content)).n_frames == 3
    made = encoding.make_renditions(checked.content)
    assert {r.format for r in made} == {"webp", "jpeg"}


def test_rendition_name_is_stable():
    """A rendition's file name depends only on the photo, crop, width and format."""
    from articles.models import Photo

    photo = Photo(key="abc123")
    assert renditions.rendition_name(photo, "", 640, "webp") == "photos/abc123/full-640.webp"
    assert renditions.rendition_name(photo, "3:2", 320, "jpeg") == "photos/abc123/thumb-320.jpg"


@pytest.mark.django_db
def test_refresh_command_remakes_missing_files():
    """After a rendition file is lost, refresh_renditions writes it again under the same name."""
    from django.core.management import call_command

    photo = PhotoFactory()
    lost = photo.best_rendition(640)
    default_storage.delete(lost.file.name)
    out = io.StringIO()
    call_command("refresh_renditions", str(photo.pk), stdout=out)
    assert default_storage.exists(lost.file.name)
    assert "1 photos refreshed." in out.getvalue()
