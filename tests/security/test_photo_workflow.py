"""A photo in a submitted or published story is changed by the desk only; reporters are refused."""

import pytest
from django.urls import reverse

from articles.models import Article, Photo
from articles.workflow import rules
from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def post_caption(client, photo: Photo, caption: str):
    return client.post(
        reverse("admin:articles_photo_change", args=[photo.pk]),
        {"caption": caption, "credit": photo.credit, "alt_text": photo.alt_text, "focal_x": "0.5", "focal_y": "0.5"},
    )


@pytest.fixture
def published_photo():
    """A photo leading another desk's published story."""
    photo = PhotoFactory(caption="Cranes at the harbour at dawn.")
    ArticleFactory(published=True, headline="Harbour reopens", lead_photo=photo)
    return photo


def test_a_reporter_cannot_change_a_photo_in_a_published_story(client, reporter, published_photo):
    """The reporter's save is refused and the public page keeps the caption the desk published."""
    client.force_login(reporter)
    response = post_caption(client, published_photo, "Defaced caption")
    assert response.status_code == 403
    published_photo.refresh_from_db()
    assert published_photo.caption == "Cranes at the harbour at dawn."
    article = Article.objects.get()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Cranes at the harbour at dawn." in page and "Defaced caption" not in page


@pytest.mark.parametrize("kind", ["submitted", "published", "embargoed", "in_text"])
def test_the_reporter_sees_the_photo_read_only_with_the_reason(client, reporter, kind):
    """The change page shows the photo without a Save button and says the desk may change it."""
    photo = PhotoFactory()
    if kind == "submitted":
        ArticleFactory(status=Article.Status.SUBMITTED, lead_photo=photo)
    elif kind == "in_text":
        ArticleFactory(published=True, body=f'<p>Text.</p><figure class="image"><img src="{photo.image.url}"></figure>')
    else:
        ArticleFactory(**{kind: True}, lead_photo=photo)
    client.force_login(reporter)
    response = client.get(reverse("admin:articles_photo_change", args=[photo.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="_save"' not in html and 'name="caption"' not in html
    assert "used in a submitted or published story; only the desk may change it" in html


def test_a_reporter_still_changes_a_photo_only_drafts_use(client, reporter):
    """A photo in drafts alone (or in no story) stays the reporter's to caption."""
    photo = PhotoFactory()
    ArticleFactory(lead_photo=photo)
    client.force_login(reporter)
    assert post_caption(client, photo, "Better caption").status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "Better caption"


@pytest.mark.parametrize("role", ["desk_editor", "chief_editor"])
def test_the_desk_changes_a_photo_in_a_published_story(client, request, role, published_photo):
    """Desk and chief editors may still correct the caption of a published photo."""
    client.force_login(request.getfixturevalue(role))
    assert post_caption(client, published_photo, "Cranes at the harbour, Monday.").status_code == 302
    published_photo.refresh_from_db()
    assert published_photo.caption == "Cranes at the harbour, Monday."


def test_the_rule_lives_with_the_others(reporter, desk_editor, published_photo):
    """workflow.rules answers who may change a photo, for the admin and any other caller."""
    assert not rules.may_change_photo(reporter, published_photo)
    assert rules.may_change_photo(desk_editor, published_photo)
    assert rules.may_change_photo(rules.SYSTEM, published_photo)
    assert rules.may_change_photo(reporter, PhotoFactory())
