"""Unpublished, embargoed and withdrawn stories never reach readers, anywhere."""

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.factories import ArticleFactory, SectionFactory
from tests.reader_helpers import public_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_and_public():
    """One public story and one hidden story in every other state, all in the same section and words."""
    section = SectionFactory(name="News")
    public = ArticleFactory(
        published=True, section=section, headline="Visible harbour story", body="<p>The ferry runs again today.</p>"
    )
    hidden = [
        ArticleFactory(section=section, headline="Draft harbour secret", body="<p>The draft says the pier closes.</p>"),
        ArticleFactory(
            section=section,
            headline="Submitted harbour secret",
            status="submitted",
            body="<p>The submitted copy names the buyer.</p>",
        ),
        ArticleFactory(
            embargoed=True,
            section=section,
            headline="Embargoed harbour secret",
            body="<p>The embargoed figures are due at noon.</p>",
        ),
        ArticleFactory(
            withdrawn=True,
            section=section,
            headline="Withdrawn harbour secret",
            body="<p>The withdrawn claim about the mayor.</p>",
        ),
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
    public, hidden = hidden_and_public
    # The words of the first paragraph, which the public story's own page does show.
    first_words = strip_tags(public.body).strip()[:40]
    assert first_words in client.get(public.get_absolute_url()).content.decode()
    for article in hidden:
        if article.published_on:
            response = client.get(article.get_absolute_url())
            assert response.status_code == (410 if article.status == "withdrawn" else 404)
            page = response.content.decode()
            assert strip_tags(article.body).strip()[:40] not in page
            if article.status != "withdrawn":
                assert article.headline not in page
