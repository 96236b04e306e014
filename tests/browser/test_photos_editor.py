"""In a real browser: CKEditor's image button uploads into the photo library; the focal point is set by clicking."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Photo
from tests import photo_samples
from tests.browser.conftest import enter_password
from tests.factories import PhotoFactory, SectionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, live_server) -> None:
    UserFactory(username="browser-desk", is_superuser=True)
    enter_password(page, live_server, "browser-desk")
    page.wait_for_url(live_server.url + reverse("admin:index"))


def test_editor_image_upload_goes_into_the_library(live_server, page, tmp_path):
    """Choosing a photo with the editor's image button adds it to the library and places a responsive <img>."""
    section, source = SectionFactory(), SourceFactory()
    sign_in(page, live_server)
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    page.wait_for_selector(".ck-editor__editable")
    picture = tmp_path / "harbour.jpg"
    picture.write_bytes(photo_samples.jpeg_with_gps((1200, 800)))
    page.locator(".ck-file-dialog-button input[type=file]").first.set_input_files(str(picture))
    image = page.locator(".ck-editor__editable img[src*='/media/photos/']")
    image.wait_for(timeout=15_000)
    photo = Photo.objects.get()
    assert f"/media/photos/{photo.key}/full-1024.jpg" in image.get_attribute("src")
    # CKEditor keeps the one URL it was given; the srcset, width and height are added when the story is saved.
    page.fill("#id_headline", "Harbour wall repaired")
    page.locator("#id_section").evaluate("(el, v) => { el.add(new Option('x', v, true, true)); }", str(section.pk))
    page.locator("#id_source").evaluate("(el, v) => { el.add(new Option('x', v, true, true)); }", str(source.pk))
    page.click("input[name=_save]")
    page.wait_for_url(live_server.url + reverse("admin:articles_article_changelist"))
    body = Article.objects.get().body
    assert f"/media/photos/{photo.key}/full-640.jpg 640w" in body
    assert 'width="1024" height="683"' in body
    assert photo.credit == "Ana Lima"


def test_editor_refusal_is_shown(live_server, page, tmp_path):
    """A renamed web page is refused and the editor shows the library's message."""
    sign_in(page, live_server)
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    page.wait_for_selector(".ck-editor__editable")
    messages: list[str] = []
    page.on("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(photo_samples.HTML_PAGE)
    page.locator(".ck-file-dialog-button input[type=file]").first.set_input_files(str(fake))
    page.wait_for_timeout(1500)
    assert not Photo.objects.exists()
    assert not page.locator(".ck-editor__editable img").count()
    assert any("is not a JPEG, PNG, WebP or GIF image" in m for m in messages), messages


def test_click_sets_focal_point(live_server, page):
    """Clicking the preview near its top-left corner sets a focal point near 0.1, 0.1."""
    photo = PhotoFactory()
    sign_in(page, live_server)
    page.goto(live_server.url + reverse("admin:articles_photo_change", args=[photo.pk]))
    preview = page.locator("[data-focal-point] img")
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.1, "y": box["height"] * 0.1})
    assert abs(float(page.input_value("#id_focal_x")) - 0.1) < 0.02
    assert abs(float(page.input_value("#id_focal_y")) - 0.1) < 0.02
