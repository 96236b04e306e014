"""Tags whose names are not plain ASCII (Türkiye, 北京): article pages, tag pages and feeds work."""

import feedparser
import pytest
from django.urls import reverse
from taggit.models import Tag

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

UNICODE_TAGS = ["Türkiye", "北京"]


@pytest.mark.parametrize("name", UNICODE_TAGS)
def test_article_with_a_unicode_tag_links_it(client, name):
    """An article tagged Türkiye or 北京 shows its page with a working link to the tag."""
    article = ArticleFactory(published=True)
    article.tags.add(name)
    tag_url = reverse("articles:tag", kwargs={"slug": Tag.objects.get(name=name).slug})
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert f'href="{tag_url}"' in response.content.decode()


@pytest.mark.parametrize("name", UNICODE_TAGS)
def test_unicode_tag_page_lists_its_stories(client, name):
    """The page of a tag like Türkiye or 北京 lists the stories tagged with it."""
    article = ArticleFactory(published=True)
    article.tags.add(name)
    tag = Tag.objects.get(name=name)
    assert tag.slug == name.lower()
    response = client.get(reverse("articles:tag", kwargs={"slug": tag.slug}))
    assert response.status_code == 200
    assert list(response.context["articles"]) == [article]


@pytest.mark.parametrize("name", UNICODE_TAGS)
def test_unicode_tag_is_a_feed_category(client, name):
    """A feed entry names a Unicode tag among its categories."""
    article = ArticleFactory(published=True)
    article.tags.add(name)
    parsed = feedparser.parse(client.get(reverse("feeds:rss")).content)
    assert not parsed.bozo
    assert [t.term for t in parsed.entries[0].tags] == ["News", name]
