"""The demo content: stories in several sections, with people and sources, loaded once."""

import pytest
from django.core.management import call_command
from django.utils.html import escape

from articles.models import Article, Author, Editor, Section, Source

pytestmark = pytest.mark.django_db


def test_demo_fills_three_or_more_sections_and_is_idempotent(client):
    """Loading twice gives the same published stories, spread over at least three sections."""
    call_command("load_demo")
    counts = (Article.objects.published().count(), Author.objects.count(), Editor.objects.count())
    call_command("load_demo")
    assert (Article.objects.published().count(), Author.objects.count(), Editor.objects.count()) == counts
    assert counts[0] >= 9
    top_sections = {a.section.path.split("/")[0] for a in Article.objects.published().select_related("section")}
    assert len(top_sections) >= 3
    assert Section.objects.filter(path="news/world").exists()
    assert Source.objects.count() >= 2
    assert all(a.byline.exists() and a.editor_id for a in Article.objects.all())
    home = client.get("/").content.decode()
    for article in Article.objects.published():
        assert escape(article.headline) in home
        assert client.get(article.get_absolute_url()).status_code == 200
