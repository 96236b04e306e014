"""Odd list addresses in the admin answer with a message or Django's "invalid lookup" page, never a 500.

Run on SQLite and on PostgreSQL (DATABASE_URL=postgres://...): each database fails differently.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

LISTS = [
    "admin:articles_article_changelist",
    "admin:articles_photo_changelist",
    "admin:articles_section_changelist",
    "admin:articles_source_changelist",
    "admin:articles_author_changelist",
    "admin:articles_editor_changelist",
    "admin:auth_user_changelist",
]


@pytest.fixture
def chief(client):
    client.force_login(UserFactory(username="chief", is_superuser=True))
    ArticleFactory(headline="Harbour reopens", section=SectionFactory(name="World"))
    PhotoFactory(caption="Cranes at dawn")
    return client


@pytest.mark.parametrize("name", LISTS)
def test_a_100_kb_search_gives_an_empty_list_and_a_message(chief, name):
    """A search of 100,000 characters lists nothing and says how long a search may be."""
    response = chief.get(reverse(name), {"q": "harbour " * 12_500})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Searches are limited to 200 characters" in m for m in shown), shown
    assert "Searches are limited to 200 characters" in response.content.decode()


def test_a_search_within_the_limit_still_finds(chief):
    """A search of normal length still finds the story."""
    response = chief.get(reverse("admin:articles_article_changelist"), {"q": "Harbour"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("params", [{"q": "harbour\x00"}, {"o": "1\x00"}, {"p": "\x00"}])
def test_a_nul_in_the_search_or_order_is_refused(chief, name, params):
    """A NUL character in the search, order or page answers Django's invalid-lookup redirect (?e=1)."""
    response = chief.get(reverse(name), params)
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
    assert chief.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"status": "\x00"},
        {"status__exact": "published\x00"},
        {"section__id__exact": "99999999999999999999"},
        {"section__id__exact": "-99999999999999999999"},
        {"source__id__exact": "99999999999999999999"},
        {"urgency__exact": "99999999999999999999"},
        {"lead_photo__id__exact": "1\x00"},
    ],
)
def test_invalid_filter_values_answer_the_invalid_lookup_redirect(chief, params):
    """A NUL or a 20-digit id in a filter answers Django's invalid-lookup redirect (?e=1), then a page."""
    url = reverse("admin:articles_article_changelist")
    response = chief.get(url, params)
    assert response.status_code == 302, response.content.decode()[:500]
    assert response["Location"] == f"{url}?e=1"
    assert chief.get(response["Location"]).status_code == 200  # the whole list again


def test_a_20_digit_id_in_the_photo_source_filter_is_refused(chief):
    """The photo library's source filter refuses a 20-digit id the same way."""
    url = reverse("admin:articles_photo_changelist")
    response = chief.get(url, {"source__id__exact": "99999999999999999999"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?e=1"
