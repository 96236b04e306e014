"""Public pages cost a fixed number of queries, whatever the size of the byline or archive."""

import pytest

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("author_count", [1, 5])
def test_article_page_queries_do_not_grow_with_authors(client, django_assert_num_queries, author_count):
    """The article page runs the same five queries with one author or five."""
    world = SectionFactory(name="World", parent=SectionFactory(name="News"))
    article = ArticleFactory(published=True, section=world, authors=AuthorFactory.create_batch(author_count))
    # 1 article with section, source and editor; 2 byline with authors; 3 corrections;
    # 4 breadcrumb sections; 5 navigation sections.
    with django_assert_num_queries(5):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("Reporter ") == author_count


@pytest.mark.parametrize("story_count", [1, 30])
def test_home_and_section_queries_do_not_grow_with_the_archive(client, django_assert_num_queries, story_count):
    """Home and section pages cost the same with one story or thirty."""
    news = SectionFactory(name="News")
    ArticleFactory.create_batch(story_count, published=True, section=news)
    # 1 latest stories with their sections; 2 the breaking strip; 3 navigation sections.
    with django_assert_num_queries(3):
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
    assert "by Ana Souza and Kenji Mori" in client.get(two.get_absolute_url()).content.decode()
    assert "by Lea Park, Ana Souza and Kenji Mori" in client.get(three.get_absolute_url()).content.decode()
