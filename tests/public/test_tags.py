"""Keywords (tags): tag pages, tag links on the article, tags in feeds and structured data."""

import json

import feedparser
import pytest
from django.urls import reverse
from lxml import html as lxml_html

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_tag_page_lists_published_stories_with_the_tag(client):
    """A tag's page lists the public stories tagged with it, and no hidden or untagged ones."""
    tagged = ArticleFactory(published=True, headline="Tidal power arrives")
    tagged.tags.add("Energy")
    hidden = ArticleFactory(embargoed=True, headline="Embargoed energy story")
    hidden.tags.add("Energy")
    ArticleFactory(published=True, headline="Untagged story")
    response = client.get(reverse("articles:tag", kwargs={"slug": "energy"}))
    assert list(response.context["articles"]) == [tagged]
    assert "Stories tagged “Energy”" in response.content.decode()


def test_unknown_tag_is_not_found(client):
    """A tag nobody uses has no page."""
    assert client.get(reverse("articles:tag", kwargs={"slug": "nothing"})).status_code == 404


def test_article_links_its_tags_and_lists_them_as_keywords(client):
    """The article page links each tag and names them as keywords in its JSON-LD."""
    article = ArticleFactory(published=True)
    article.tags.add("Portugal", "Energy")
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="/tags/energy/" rel="tag">Energy</a>' in page
    (script,) = lxml_html.fromstring(page).xpath('//script[@type="application/ld+json"]')
    assert json.loads(script.text)["keywords"] == ["Energy", "Portugal"]


def test_tags_are_feed_categories(client):
    """A feed entry's categories are the section and the tags."""
    article = ArticleFactory(published=True)
    article.tags.add("Energy")
    parsed = feedparser.parse(client.get(reverse("feeds:rss")).content)
    assert not parsed.bozo
    assert [t.term for t in parsed.entries[0].tags] == ["News", "Energy"]


def test_desk_can_tag_a_story_in_the_admin(client):
    """The article form in the admin has a tags field and saves the tags typed into it."""
    from django.contrib.auth import get_user_model

    admin_user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-long-enough-123")
    client.force_login(admin_user)
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="tags"' in response.content.decode()
