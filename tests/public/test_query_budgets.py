"""Each public page costs a fixed number of queries, whatever the size of the archive or byline.

One table: the page, how to reach it, its budget and the queries the budget is made of. Every page
is measured on a small and a larger archive (more sections, stories, tags and byline names); the
page cache is off, so this is what rendering costs (a cached visit costs none: test_page_cache.py).
"""

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def build(size: int):
    """`size` stories in each of several sections and subsections, with bylines of up to `size` names."""
    news = SectionFactory(name="News")
    sections = [news, SectionFactory(name="World", parent=news), SectionFactory(name="Business")]
    sections += [SectionFactory(name=f"Desk {i}") for i in range(size)]
    authors = [AuthorFactory() for _ in range(max(3, size))]
    stories = []
    for section in sections:
        for _ in range(size):
            story = ArticleFactory(published=True, section=section, authors=authors[: 1 + len(stories) % len(authors)])
            story.tags.add(*[f"tag {n}" for n in range(len(stories) % 4)])
            stories.append(story)
    # The last story has the longest byline of its round, and sits in a subsection.
    last = ArticleFactory(published=True, section=sections[1], authors=authors[:size])
    last.tags.add("tag 1", "tag 2")
    return last, authors[0]


BUDGETS = {
    # page: (address, queries), with the queries the budget is made of
    # home: lead story; sections (the top-level ones also the navigation); ids of the latest per
    # section (one UNION ALL); those stories; breaking strip
    "home": (lambda a, au: reverse("articles:home"), 5),
    # section: the section; count for pagination; page of stories; breadcrumb; navigation
    "section": (lambda a, au: "/news/world/", 5),
    # day archive: as a section page
    "day archive": (
        lambda a, au: reverse("articles:section-day", kwargs={"section_path": "news", "day": a.published_on}),
        5,
    ),
    # article: last-modified lookup; the story with section, source, editor; byline; corrections; tags;
    # breadcrumb; navigation
    "article": (lambda a, au: a.get_absolute_url(), 7),
    # author: the author; count for pagination; page of stories; navigation
    "author": (lambda a, au: au.get_absolute_url(), 4),
    # source: as an author page
    "source": (lambda a, au: a.source.get_absolute_url(), 4),
    # tag: the tag; count for pagination; page of stories; navigation
    "tag": (lambda a, au: reverse("articles:tag", kwargs={"slug": "tag-1"}), 4),
    # search: count for pagination; page of ranked results; navigation
    "search": (lambda a, au: reverse("articles:search") + "?q=story", 3),
    # rss: stories; bylines; tags
    "rss": (lambda a, au: reverse("feeds:rss"), 3),
    # section feed: the section; stories; bylines; tags
    "section feed": (lambda a, au: reverse("feeds:section-atom", kwargs={"section_path": "news"}), 4),
    # sitemap: home lastmod; count and page of sections; count and page of stories
    "sitemap": (lambda a, au: reverse("sitemaps:index"), 5),
}


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("page", BUDGETS)
def test_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries, page, size):
    """The page costs the same queries with a small archive and a larger one."""
    article, author = build(size)
    address, budget = BUDGETS[page]
    url = address(article, author)
    with django_assert_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200, url


@pytest.mark.parametrize("author_count", [1, 5])
def test_every_byline_name_is_linked_once(client, author_count):
    """The article page links each author of the byline once, however long the byline is."""
    article = ArticleFactory(published=True, authors=AuthorFactory.create_batch(author_count))
    text = client.get(article.get_absolute_url()).content.decode()
    # The head's share tags and JSON-LD name them too, but only the byline links with rel=author.
    assert text.count('rel="author">Reporter ') == author_count


def test_byline_joins_names_as_a_reader_expects(client):
    """Two authors read 'by A and B'; three read 'by A, B and C'."""
    two = ArticleFactory(published=True, authors=[AuthorFactory(name="Ana Souza"), AuthorFactory(name="Kenji Mori")])
    three = ArticleFactory(
        published=True,
        authors=[AuthorFactory(name="Lea Park"), AuthorFactory(name="Ana Souza"), AuthorFactory(name="Kenji Mori")],
    )
    # The names are links to the author pages, so compare the text without tags.
    assert "by Ana Souza and Kenji Mori" in strip_tags(client.get(two.get_absolute_url()).content.decode())
    assert "by Lea Park, Ana Souza and Kenji Mori" in strip_tags(client.get(three.get_absolute_url()).content.decode())
