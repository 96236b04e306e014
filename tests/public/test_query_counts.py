"""Public pages cost a fixed number of queries, whatever the size of the byline or archive."""

import pytest
from django.utils.html import strip_tags

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

# Rendering costs, with the page cache off (tests/test_page_cache.py covers cached visits: 0 queries).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.mark.parametrize("author_count", [1, 5])
def test_article_page_queries_do_not_grow_with_authors(client, django_assert_num_queries, author_count):
    """The article page runs the same seven queries with one author or five."""
    world = SectionFactory(name="World", parent=SectionFactory(name="News"))
    article = ArticleFactory(published=True, section=world, authors=AuthorFactory.create_batch(author_count))
    # 1 last-modified lookup (conditional requests); 2 article with section, source and editor;
    # 3 byline with authors; 4 corrections; 5 tags; 6 breadcrumb sections; 7 navigation sections.
    with django_assert_num_queries(7):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    # Each name is linked once in the byline (the head's share tags and JSON-LD name them too).
    assert response.content.decode().count('rel="author">Reporter ') == author_count


@pytest.mark.parametrize("story_count", [1, 30])
def test_home_and_section_queries_do_not_grow_with_the_archive(client, django_assert_num_queries, story_count):
    """Home and section pages cost the same with one story or thirty."""
    news = SectionFactory(name="News")
    ArticleFactory.create_batch(story_count, published=True, section=news)
    # 1 lead story with its section; 2 top-level sections (also the navigation); 3 latest stories
    # of every section, ranked by a window function; 4 the breaking strip.
    with django_assert_num_queries(4):
        assert client.get("/").status_code == 200
    # 1 the section; 2 count for pagination; 3 the page of stories; 4 breadcrumb; 5 navigation.
    with django_assert_num_queries(5):
        assert client.get("/news/").status_code == 200


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
