"""The public page cache: what it stores, conditional requests, headers, outages (purges: test_purges.py)."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date

from articles import workflow
from articles.public.cache import current_generation, purge_public_pages
from tests.factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return ArticleFactory(published=True, section=SectionFactory(name="News"), headline="First story")


def test_second_anonymous_visit_is_served_from_cache(client, story, django_assert_num_queries):
    """A reader's repeat visit to the home page, a section or an article costs no database query."""
    for url in ["/", "/news/", story.get_absolute_url(), "/feeds/rss.xml", "/sitemap.xml"]:
        first = client.get(url)
        assert first.status_code == 200
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.content == first.content, url


def test_public_pages_carry_cdn_friendly_headers(client, story):
    """Anonymous pages say public, with a short max-age for browsers and s-maxage for a CDN."""
    for url in ["/", story.get_absolute_url()]:
        for response in (client.get(url), client.get(url)):
            cache_control = response.headers["Cache-Control"]
            assert "public" in cache_control
            assert "max-age=60" in cache_control
            assert "s-maxage=120" in cache_control
            assert "Accept-Language" in response.headers["Vary"]


def test_signed_in_staff_bypass_the_cache(client, story):
    """A signed-in editor never gets a cached copy, and their pages are marked private."""
    client.get("/")  # an anonymous visit fills the cache
    ArticleFactory(published=True, headline="Second story")
    client.force_login(UserFactory())
    response = client.get("/")
    assert "Second story" in response.content.decode()
    assert "private" in response.headers["Cache-Control"]


def test_publish_purges_cached_pages(client, story, django_capture_on_commit_callbacks):
    """A story published by the desk shows at once on the cached home and section pages."""
    assert "Breaking story" not in client.get("/").content.decode()
    client.get("/news/")
    draft = ArticleFactory(section=story.section, headline="Breaking story", status="submitted")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        workflow.publish(draft, user=workflow.SYSTEM)
    assert callbacks
    assert "Breaking story" in client.get("/").content.decode()
    assert "Breaking story" in client.get("/news/").content.decode()
    assert "Breaking story" in client.get("/feeds/rss.xml").content.decode()


def test_withdraw_purges_cached_pages(client, story, django_capture_on_commit_callbacks):
    """A withdrawn story leaves the cached home page and its page stops answering at once."""
    url = story.get_absolute_url()
    assert client.get(url).status_code == 200
    assert "First story" in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(story, user=workflow.SYSTEM, note="Legal advice.")
    assert "First story" not in client.get("/").content.decode()
    assert client.get(url).status_code in (404, 410)


def test_embargo_lifting_renews_the_cache(client, story, django_capture_on_commit_callbacks):
    """A story scheduled for later appears on cached pages when its time comes, with no one acting."""
    draft = ArticleFactory(section=story.section, headline="Scheduled story", status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(draft, user=workflow.SYSTEM, at=timezone.now() + datetime.timedelta(seconds=60))
    assert "Scheduled story" not in client.get("/").content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=90)):
        assert "Scheduled story" in client.get("/").content.decode()


def test_purge_starts_a_new_generation():
    """Each purge gives a new generation, which later reads return."""
    first = purge_public_pages()
    second = purge_public_pages()
    assert second != first
    assert current_generation() == second


@pytest.mark.parametrize("cached", [True, False])
def test_article_page_answers_conditional_requests(client, story, settings, cached, django_assert_max_num_queries):
    """A browser revalidating an unchanged article gets 304 Not Modified without the page being rendered."""
    if not cached:
        settings.NEWSROOM = {**settings.NEWSROOM, "PAGE_CACHE_SECONDS": 0}
    url = story.get_absolute_url()
    first = client.get(url)
    etag, last_modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert last_modified == http_date(story.modified_at.timestamp())
    # Cached: no query at all; uncached: only the cheap last-modified lookup, no template.
    with django_assert_max_num_queries(0 if cached else 1):
        by_etag = client.get(url, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert not getattr(by_etag, "templates", [])
    by_date = client.get(url, headers={"If-Modified-Since": last_modified})
    assert by_date.status_code == 304


def test_changed_article_answers_200_to_an_old_etag(client, story, django_capture_on_commit_callbacks):
    """After a correction an old validator no longer matches and the new page is sent."""
    etag = client.get(story.get_absolute_url()).headers["ETag"]
    # Well inside the cache time: only the purge can retire the cached copy with the old ETag.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
        with django_capture_on_commit_callbacks(execute=True):
            workflow.correct(story, user=workflow.SYSTEM, note="Fixed a figure.")
        response = client.get(story.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.headers["ETag"] != etag


def test_language_is_part_of_the_cache_key(client, story):
    """A reader asking for Chinese does not get the English page another reader cached."""
    english = client.get("/", headers={"Accept-Language": "en"}).content.decode()
    chinese = client.get("/", headers={"Accept-Language": "zh-hans"}).content.decode()
    assert english != chinese


def test_pages_still_render_when_the_cache_is_down(client, story, monkeypatch):
    """If the cache server is unreachable, readers still get the page, uncached."""
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("cache is down")

    monkeypatch.setattr(cache, "get", broken)
    monkeypatch.setattr(cache, "set", broken)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert "First story" in response.content.decode()


def test_publish_succeeds_when_the_purge_fails(story, monkeypatch, django_capture_on_commit_callbacks, caplog):
    """A cache outage while publishing is logged; the story is still published."""
    from articles import signals

    def broken():
        raise ConnectionError("cache is down")

    monkeypatch.setattr(signals, "purge_public_pages", broken)
    draft = ArticleFactory(section=story.section, status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(draft, user=workflow.SYSTEM)
    draft.refresh_from_db()
    assert draft.status == "published"
    assert "Could not retire the cached public pages" in caplog.text
