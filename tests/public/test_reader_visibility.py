"""Unpublished, embargoed and withdrawn stories never reach readers, anywhere."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, SectionFactory
from tests.reader_helpers import public_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_and_public():
    """One public story and one hidden story in every other state, all in the same section and words."""
    section = SectionFactory(name="News")
    public = ArticleFactory(published=True, section=section, headline="Visible harbour story")
    hidden = [
        ArticleFactory(section=section, headline="Draft harbour secret"),
        ArticleFactory(section=section, headline="Submitted harbour secret", status="submitted"),
        ArticleFactory(embargoed=True, section=section, headline="Embargoed harbour secret"),
        ArticleFactory(withdrawn=True, section=section, headline="Withdrawn harbour secret"),
    ]
    return public, hidden


def test_hidden_stories_appear_in_no_list_feed_sitemap_or_search(client, hidden_and_public):
    """No page, feed, sitemap or search result shows a draft, submitted, embargoed or withdrawn story."""
    public, hidden = hidden_and_public
    urls = public_urls() + [reverse("articles:search") + "?q=harbour+secret", reverse("articles:search") + "?q=harbour"]
    seen_public = False
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        seen_public |= "Visible harbour story" in text
        for article in hidden:
            assert article.headline not in text, url
            assert article.slug not in text, url
    assert seen_public


def test_hidden_story_pages_are_not_found(client, hidden_and_public):
    """Guessing a hidden story's address gives a 404 (a withdrawn story's says 410 Gone, with no text)."""
    _, hidden = hidden_and_public
    for article in hidden:
        if article.published_on:
            response = client.get(article.get_absolute_url())
            assert response.status_code == (410 if article.status == "withdrawn" else 404)
            assert article.body not in response.content.decode()
