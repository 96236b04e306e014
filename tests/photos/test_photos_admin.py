"""The photo library's admin pages load, search, filter and show thumbnails."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PhotoFactory, SourceFactory, UserFactory


@pytest.fixture
def desk(client, db):
    client.force_login(UserFactory(username="admin-desk", is_superuser=True))
    return client


def test_library_list_shows_thumbnails(desk):
    """The library lists photos with a cropped thumbnail, caption, credit and size."""
    photo = PhotoFactory(caption="Fishing boats at dawn", credit="HPA/Ana Lima")
    html = desk.get(reverse("admin:articles_photo_changelist")).content.decode()
    assert f"/media/photos/{photo.key}/thumb-320.jpg" in html
    assert "Fishing boats at dawn" in html and "HPA/Ana Lima" in html
    assert "700 × 466" in html


def test_library_search_and_filters(desk):
    """The desk finds photos by caption, credit or place, and filters by source."""
    agency = SourceFactory(name="Harbour Press Agency", short_name="HPA")
    PhotoFactory(caption="Fishing boats at dawn", place="LISBON", source=agency)
    PhotoFactory(caption="Council meeting")
    url = reverse("admin:articles_photo_changelist")
    assert "Fishing boats" in desk.get(url, {"q": "LISBON"}).content.decode()
    assert "Council meeting" not in desk.get(url, {"q": "LISBON"}).content.decode()
    filtered = desk.get(url, {"source__id__exact": agency.pk}).content.decode()
    assert "Fishing boats" in filtered and "Council meeting" not in filtered
    assert desk.get(url, {"date_taken__isnull": "True"}).status_code == 200


def test_change_page_shows_preview_focal_point_and_usage(desk):
    """A photo's page shows the preview with its focal point marker, its renditions and the stories using it."""
    photo = PhotoFactory(focal_x=0.25, focal_y=0.75)
    ArticleFactory(headline="Boats return to harbour", lead_photo=photo)
    html = desk.get(reverse("admin:articles_photo_change", args=[photo.pk])).content.decode()
    assert "left:25.0%;top:75.0%" in html
    assert "Boats return to harbour" in html
    assert 'name="focal_x"' in html and 'name="focal_y"' in html
    assert f"/media/photos/{photo.key}/full-640.webp" in html


def test_add_page_accepts_only_images(desk):
    """The upload field asks the browser for images only (the server checks anyway)."""
    html = desk.get(reverse("admin:articles_photo_add")).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp,image/gif"' in html


def test_focal_point_must_be_inside_the_photo(desk):
    """A focal point outside 0..1 is refused with a message."""
    photo = PhotoFactory()
    response = desk.post(
        reverse("admin:articles_photo_change", args=[photo.pk]),
        {"caption": "c", "credit": "", "alt_text": "", "focal_x": "1.5", "focal_y": "0.5"},
    )
    assert response.status_code == 200
    assert "focal_x" in response.context["adminform"].form.errors


def test_article_form_offers_lead_photo(desk):
    """The article form has a lead photo field that searches the library."""
    html = desk.get(reverse("admin:articles_article_add")).content.decode()
    assert 'name="lead_photo"' in html
    PhotoFactory(caption="Fishing boats at dawn")
    response = desk.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "lead_photo", "term": "boats"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Fishing boats at dawn"]
