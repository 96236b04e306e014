"""Uploads: only real JPEG, PNG, WebP and GIF files get into the photo library, by either door."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Photo
from tests import photo_samples
from tests.factories import UserFactory

GOOD = photo_samples.good_files()
BAD = photo_samples.bad_files()


@pytest.fixture
def desk(client, db):
    """A signed-in superuser at the desk."""
    user = UserFactory(username="photo-desk", is_superuser=True)
    client.force_login(user)
    return client


def admin_add(client, name: str, data: bytes, content_type: str = "image/jpeg", **fields):
    """Post the photo library's add form as the admin page does."""
    post = {"caption": "A caption", "credit": "", "alt_text": "", "focal_x": "0.5", "focal_y": "0.5", **fields}
    post["image"] = photo_samples.upload(name, data, content_type)
    return client.post(reverse("admin:articles_photo_add"), post)


def editor_upload(client, name: str, data: bytes, content_type: str = "image/jpeg"):
    """Post a file as CKEditor's upload adapter does."""
    return client.post(reverse("photo_editor_upload"), {"upload": photo_samples.upload(name, data, content_type)})


@pytest.mark.parametrize("kind", sorted(GOOD))
def test_admin_accepts_good_file(desk, kind):
    """The desk can add a real JPEG, PNG, WebP, GIF or animated GIF to the library."""
    name, data = GOOD[kind]
    response = admin_add(desk, name, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert photo.width > 0 and photo.height > 0
    assert photo.renditions.filter(format="webp").exists() and photo.renditions.filter(format="jpeg").exists()


@pytest.mark.parametrize("kind", sorted(BAD))
def test_admin_refuses_bad_file(desk, kind):
    """A disguised, damaged, oversized or empty file is refused in the admin with a message saying why."""
    name, data, message = BAD[kind]
    response = admin_add(desk, name, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["image"]
    assert any(message in e for e in errors), errors
    assert any(name in e for e in errors)
    assert not Photo.objects.exists()


@pytest.mark.parametrize("kind", sorted(GOOD))
def test_editor_upload_accepts_good_file(desk, kind):
    """An image dropped into the editor joins the library and CKEditor gets a rendition URL and srcset."""
    name, data = GOOD[kind]
    response = editor_upload(desk, name, data)
    assert response.status_code == 200, response.content
    body = response.json()
    photo = Photo.objects.get()
    assert body["url"] == photo.best_url(1024)
    assert f"photos/{photo.key}/full-" in body["url"]
    assert body["urls"]["default"] == body["url"]
    assert {int(w) for w in body["urls"] if w != "default"} == {r.width for r in photo.rendition_list("", "jpeg")}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_editor_upload_refuses_bad_file(desk, kind):
    """The editor shows the same refusal as the admin, in the error shape CKEditor displays."""
    name, data, message = BAD[kind]
    response = editor_upload(desk, name, data)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert not Photo.objects.exists()


def test_content_type_and_name_are_not_trusted(desk):
    """HTML sent as image/jpeg with a .jpg name is refused; a PNG sent as text/plain named .txt is accepted."""
    assert editor_upload(desk, "x.jpg", photo_samples.HTML_PAGE, "image/jpeg").status_code == 400
    png = GOOD["png"][1]
    assert editor_upload(desk, "notes.txt", png, "text/plain").status_code == 200
    assert Photo.objects.get().image.name.endswith(".png")


def test_byte_size_limit(desk, settings):
    """A file over the byte limit is refused before it is decoded, with the limit in the message."""
    settings.NEWSROOM = {**settings.NEWSROOM, "PHOTO_MAX_BYTES": 10_000}
    name, data = "big.jpg", photo_samples.jpeg_with_gps((1200, 800))
    assert len(data) > 10_000
    response = admin_add(desk, name, data)
    assert "; photos are limited to 9.8\xa0KB." in response.context["adminform"].form.errors["image"][0]
    assert "; photos are limited to 9.8\xa0KB." in editor_upload(desk, name, data).json()["error"]["message"]
    assert not Photo.objects.exists()


def test_pixel_limit_names_the_size(desk, settings):
    """A picture over the pixel limit is refused with its size and the limit, from the header alone."""
    settings.NEWSROOM = {**settings.NEWSROOM, "PHOTO_MAX_PIXELS": 1_000_000}
    data = photo_samples.png_bomb(2000, 1000)
    response = admin_add(desk, "wide.png", data)
    error = response.context["adminform"].form.errors["image"][0]
    assert "2000 x 1000 pixels (2 megapixels); the limit is 1 megapixels" in error


def test_credit_and_date_prefilled_from_exif(desk):
    """An empty credit and date taken are filled from the camera's Artist and DateTimeOriginal."""
    response = admin_add(desk, "p.jpg", photo_samples.jpeg_with_gps((700, 500), artist="Zhao Chen"))
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.credit == "Zhao Chen"
    assert str(photo.date_taken) == "2024-01-05"


def test_typed_credit_wins_over_exif(desk):
    """A credit typed by the desk is kept, whatever the camera says."""
    admin_add(desk, "p.jpg", photo_samples.jpeg_with_gps((700, 500)), credit="Xinhua/Zhao Chen")
    assert Photo.objects.get().credit == "Xinhua/Zhao Chen"


def test_editor_upload_needs_staff(client, db):
    """A reader (or a signed-in non-staff user) cannot upload through the editor endpoint."""
    response = editor_upload(client, "a.jpg", GOOD["jpeg"][1])
    assert response.status_code == 403
    client.force_login(UserFactory(username="reader", is_staff=False))
    assert editor_upload(client, "a.jpg", GOOD["jpeg"][1]).status_code == 403
    assert not Photo.objects.exists()


def test_editor_upload_needs_csrf_token(db):
    """Without the CSRF token CKEditor sends in X-CSRFToken, the upload is refused."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(username="csrf-desk", is_superuser=True))
    assert editor_upload(client, "a.jpg", GOOD["jpeg"][1]).status_code == 403
    client.get(reverse("admin:articles_photo_add"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("photo_editor_upload"),
        {"upload": photo_samples.upload("a.jpg", GOOD["jpeg"][1])},
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200
    assert Photo.objects.count() == 1


def test_editor_upload_is_post_only(desk):
    """Opening the upload address in a browser does nothing."""
    assert desk.get(reverse("photo_editor_upload")).status_code == 405


def test_article_editor_points_ckeditor_at_our_endpoint(desk):
    """The article form's editor uploads to the photo library's endpoint, not the package's."""
    response = desk.get(reverse("admin:articles_article_add"))
    assert f'data-upload-url="{reverse("photo_editor_upload")}"' in response.content.decode()


def test_long_animation_refused(desk, settings):
    """An animation whose frames together pass the pixel budget is refused before they are all decoded."""
    settings.NEWSROOM = {**settings.NEWSROOM, "PHOTO_MAX_PIXELS": 100_000}
    frames = [photo_samples.picture((300, 200)).rotate(a) for a in range(0, 360, 30)]
    data = photo_samples.encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=80)
    response = editor_upload(desk, "long.gif", data)
    assert response.status_code == 400
    assert "animation too long or too large" in response.json()["error"]["message"]
