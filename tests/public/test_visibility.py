"""Readers see published stories only: drafts, submissions, withdrawals and embargoes are 404."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _url(article):
    return article.get_absolute_url()


def test_published_story_is_on_home_section_and_its_page(client):
    """A published story shows on the home page, its section page and its own page."""
    article = ArticleFactory(published=True, headline="Tidal power reaches the grid")
    assert client.get(_url(article)).status_code == 200
    assert "Tidal power reaches the grid" in client.get("/").content.decode()
    assert "Tidal power reaches the grid" in client.get(article.section.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("status", "code"), [("draft", 404), ("submitted", 404), ("withdrawn", 410)])
def test_unpublished_states_are_404(client, status, code):
    """Draft and submitted stories are not found by readers (withdrawn ones are gone), and not listed."""
    published_at = timezone.now() - datetime.timedelta(hours=1)
    article = ArticleFactory(headline="Secret story", status=status, published_at=published_at)
    assert client.get(_url(article)).status_code == code
    assert "Secret story" not in client.get("/").content.decode()
    assert "Secret story" not in client.get(article.section.get_absolute_url()).content.decode()


def test_future_story_is_invisible_until_its_time(client, time_machine):
    """An embargoed story is 404 until its time comes, then appears with no job run."""
    time_machine.move_to(datetime.datetime(2025, 5, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
    article = ArticleFactory(
        headline="Embargoed result",
        status=Article.Status.PUBLISHED,
        published_at=datetime.datetime(2025, 5, 1, 10, 0, tzinfo=datetime.UTC),
    )
    assert client.get(_url(article)).status_code == 404
    assert "Embargoed result" not in client.get("/").content.decode()
    time_machine.move_to(datetime.datetime(2025, 5, 1, 10, 0, 1, tzinfo=datetime.UTC), tick=False)
    assert client.get(_url(article)).status_code == 200
    assert "Embargoed result" in client.get("/").content.decode()


def test_published_queryset_is_the_one_definition():
    """published() returns exactly the stories readers may see."""
    now = timezone.now()
    visible = ArticleFactory(published=True)
    ArticleFactory(status="published", published_at=now + datetime.timedelta(minutes=5))
    ArticleFactory(status="withdrawn", published_at=now - datetime.timedelta(days=1))
    ArticleFactory()
    assert list(Article.objects.published()) == [visible]


def test_wrong_section_or_date_in_url_is_404(client):
    """The address must match the story's section and publication date exactly."""
    article = ArticleFactory(published=True)
    other = SectionFactory(name="Sports")
    good = _url(article)
    assert client.get(good.replace(f"/{article.section.path}/", f"/{other.path}/")).status_code == 404
    assert client.get(good.replace(f"/{article.published_on:%Y}/", "/1999/")).status_code == 404
    assert client.get(f"/{article.section.path}/2024/02/30/{article.slug}/").status_code == 404


def test_section_page_includes_subsections(client):
    """News lists stories of News > World too, with a breadcrumb Home > News > World on World."""
    news = SectionFactory(name="News")
    world = SectionFactory(name="World", parent=news)
    ArticleFactory(published=True, section=world, headline="From the world desk")
    assert "From the world desk" in client.get("/news/").content.decode()
    page = client.get("/news/world/").content.decode()
    assert "From the world desk" in page
    assert 'aria-current="page">World</a>' in page


def test_unknown_section_and_bad_page_are_404(client):
    """Odd addresses give a not-found page, never an error."""
    SectionFactory(name="News")
    assert client.get("/nowhere/").status_code == 404
    assert client.get("/news/?page=99").status_code == 404
    assert client.get("/news/?page=abc").status_code == 404
