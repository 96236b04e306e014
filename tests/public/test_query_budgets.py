"""Each public page costs a fixed number of queries, whatever the amount of content."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def build(size: int):
    """`size` stories in each of several sections and subsections, with multi-author bylines."""
    news = SectionFactory(name="News")
    sections = [news, SectionFactory(name="World", parent=news), SectionFactory(name="Business")]
    sections += [SectionFactory(name=f"Desk {i}") for i in range(size)]
    authors = [AuthorFactory() for _ in range(3)]
    stories = []
    for section in sections:
        for _ in range(size):
            story = ArticleFactory(published=True, section=section, authors=authors[: 1 + len(stories) % 3])
            story.tags.add(*[f"tag {n}" for n in range(len(stories) % 4)])
            stories.append(story)
    return stories[-1], authors[0]


@pytest.mark.parametrize("size", [1, 6])
def test_home_page_queries(client, django_assert_num_queries, size):
    """Home: the lead story, the top-level sections (also the navigation), the ranked latest per
    section, the breaking strip."""
    build(size)
    with django_assert_num_queries(4):
        assert client.get(reverse("articles:home")).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_section_page_queries(client, django_assert_num_queries, size):
    """Section: the section, the count for pagination, the page of stories, the breadcrumb, the navigation."""
    build(size)
    with django_assert_num_queries(5):
        assert client.get("/news/world/").status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_article_page_queries(client, django_assert_num_queries, size):
    """Article: the last-modified lookup, the article with section/source/editor, the byline, the
    corrections, the tags, the breadcrumb, the navigation."""
    article, _ = build(size)
    with django_assert_num_queries(7):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_author_page_queries(client, django_assert_num_queries, size):
    """Author: the author, the count for pagination, the page of stories, the navigation."""
    _, author = build(size)
    with django_assert_num_queries(4):
        assert client.get(author.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_search_page_queries(client, django_assert_num_queries, size):
    """Search: the count for pagination, the page of ranked results, the navigation."""
    build(size)
    with django_assert_num_queries(3):
        response = client.get(reverse("articles:search"), {"q": "story"})
    assert response.status_code == 200
    assert response.context["articles"]


@pytest.mark.parametrize("size", [1, 6])
def test_day_archive_and_source_queries(client, django_assert_num_queries, size):
    """Day archive: like a section page (5); source: like an author page (4)."""
    article, _ = build(size)
    day = article.published_on
    url = reverse(
        "articles:section-day",
        kwargs={"section_path": "news", "day": day},
    )
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(4):
        assert client.get(article.source.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_feed_and_sitemap_queries(client, django_assert_num_queries, size):
    """Feeds: stories, bylines, tags (3); sitemap.xml: home lastmod, count and page of sections and stories (5)."""
    build(size)
    with django_assert_num_queries(3):
        assert client.get(reverse("feeds:rss")).status_code == 200
    with django_assert_num_queries(5):
        assert client.get(reverse("sitemaps:index")).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_tag_page_queries(client, django_assert_num_queries, size):
    """Tag: the tag, the count for pagination, the page of stories, the navigation."""
    build(size)
    with django_assert_num_queries(4):
        assert client.get(reverse("articles:tag", kwargs={"slug": "tag-1"})).status_code == 200
