"""The page cache keeps one copy per page: made-up query strings are served but never stored."""

import pytest

from articles.public import cache as cache_module
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return ArticleFactory(published=True, section=SectionFactory(name="News"), headline="First story")


class _RecordingCache:
    """The real cache, noting the key of every page it is asked to store."""

    def __init__(self, inner):
        self.inner = inner
        self.page_keys: list[str] = []

    def set(self, key, *args, **kwargs):
        if key.startswith("newsroom:page:"):
            self.page_keys.append(key)
        return self.inner.set(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.inner, name)


@pytest.fixture
def stored(monkeypatch):
    """The keys of the pages the page cache stores during the test (works with LocMem and Redis)."""
    recording = _RecordingCache(cache_module.cache)
    monkeypatch.setattr(cache_module, "cache", recording)
    return recording.page_keys


@pytest.mark.parametrize("query", ["?a=1", "?a=2&b=3", "?page=1&a=1", "?page=abc", "?page=0", "?page=1&page=2"])
def test_other_query_strings_are_served_fresh_and_not_stored(client, story, query, stored):
    """The home page with any other query string shows the stories but never fills the cache."""
    for _ in range(2):
        response = client.get(f"/{query}")
        assert response.status_code in (200, 404)
        if response.status_code == 200:
            assert "First story" in response.content.decode()
    assert stored == []


def test_flood_of_query_strings_stores_nothing(client, story, stored):
    """A hundred different query strings on the home page add no entry to the page cache."""
    for n in range(100):
        assert client.get(f"/?a={n}").status_code == 200
    assert stored == []


@pytest.mark.parametrize("query", ["", "?page=1", "?page=2"])
def test_plain_and_page_number_requests_are_cached(client, query, stored, django_assert_num_queries):
    """The home and a section page, with no query string or just a page number, are stored once."""
    section = SectionFactory(name="News")
    for _ in range(25):
        ArticleFactory(published=True, section=section)
    first = client.get(f"/news/{query}")
    assert first.status_code == 200
    assert len(stored) == 1
    with django_assert_num_queries(0):
        again = client.get(f"/news/{query}")
    assert again.content == first.content


def test_empty_query_strings_share_the_plain_page_entry(client, story, stored, django_assert_num_queries):
    """ "/", "/?" and "/?&&" are one cached page, so empty query strings cannot flood the cache."""
    first = client.get("/")
    with django_assert_num_queries(0):
        for url in ["/?", "/?&&", "/?&"]:
            assert client.get(url).content == first.content
    assert len(stored) == 1
