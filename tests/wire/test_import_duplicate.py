"""Importing the same copy twice warns the desk, naming the story already there."""

import pytest
from django.contrib.messages import constants, get_messages
from django.urls import reverse

from articles.models import Article
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

COPY = """Harbour cranes return to work after storm

Source: Harbour Press Agency

SANTOS, March 2 (HPA) -- Cranes at the container port resumed work on Monday.
"""


def _warnings(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level == constants.WARNING]


def test_second_import_of_same_copy_warns(client, desk_editor):
    """The second import still makes a draft, but a warning links to the story imported first."""
    SectionFactory(name="News")
    client.force_login(desk_editor)
    url = reverse("admin:articles_article_import")
    assert _warnings(client.post(url, {"text": COPY})) == []
    first = Article.objects.get()
    warnings = _warnings(client.post(url, {"text": COPY}))
    assert len(warnings) == 1
    assert "Harbour cranes return to work after storm" in warnings[0] and "already exists" in warnings[0]
    assert reverse("admin:articles_article_change", args=[first.pk]) in warnings[0]
    assert Article.objects.count() == 2


def test_same_headline_from_another_source_does_not_warn(client, desk_editor):
    """Two agencies may run the same headline: no warning then."""
    SectionFactory(name="News")
    client.force_login(desk_editor)
    url = reverse("admin:articles_article_import")
    client.post(url, {"text": COPY})
    other = COPY.replace("Harbour Press Agency", "Coastal News Service")
    assert _warnings(client.post(url, {"text": other})) == []
