"""RSS and Atom feeds, site-wide and per section."""

import feedparser
import lxml.html
import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

FEEDS = ["feeds:rss", "feeds:atom"]


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("name", FEEDS)
def test_site_feed_parses_with_author_categories_and_dates(client, name):
    """The latest-stories feed parses cleanly and each entry has author, category and both dates."""
    world = SectionFactory(name="World", parent=SectionFactory(name="News"))
    article = ArticleFactory(
        published=True, section=world, authors=[AuthorFactory(name="Ana Ruiz"), AuthorFactory(name="Li Wei")]
    )
    parsed = parse(client, reverse(name))
    (entry,) = parsed.entries
    assert entry.title == article.headline
    assert entry.link.endswith(article.get_absolute_url())
    assert entry.author == "Ana Ruiz and Li Wei" or "Ana Ruiz and Li Wei" in entry.get("author", "")
    assert [t.term for t in entry.tags] == ["World"]  # no tags: the section only
    assert entry.published_parsed is not None
    if name == "feeds:atom":
        assert entry.updated_parsed is not None


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_section_feed_holds_the_section_tree(client, kind):
    """A section's feed lists its stories and its subsections', not other sections'."""
    news = SectionFactory(name="News")
    world = SectionFactory(name="World", parent=news)
    mine = ArticleFactory(published=True, section=world)
    ArticleFactory(published=True, section=SectionFactory(name="Sports"))
    parsed = parse(client, reverse(f"feeds:section-{kind}", kwargs={"section_path": "news"}))
    assert [e.title for e in parsed.entries] == [mine.headline]
    assert "News" in parsed.feed.title


def test_section_feed_of_unknown_section_is_not_found(client):
    """A feed address for a section that does not exist is a 404."""
    assert client.get(reverse("feeds:section-rss", kwargs={"section_path": "nowhere"})).status_code == 404


def test_feed_escapes_markup_in_headlines(client):
    """A headline with markup characters gives a well-formed feed, and the reader sees it as written."""
    ArticleFactory(published=True, headline='Q&A: "<b>Why</b>" </script>')
    for name in FEEDS:
        parsed = parse(client, reverse(name))
        title = parsed.entries[0].title_detail
        shown = lxml.html.fragment_fromstring(title.value, create_parent="div").text_content()
        assert (shown if title.type == "text/html" else title.value) == 'Q&A: "<b>Why</b>" </script>'
