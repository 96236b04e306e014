"""Reader search at /search/?q=."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    '"unclosed quote',
    "a & b | !c",
    "!!!",
    "&|!():*<>",
    "'; DROP TABLE articles_article; --",
    "1 OR 1=1",
    "🚢🌊",
    "x" * 1000,
    "   ",
    "<script>alert(1)</script>",
    "港口",
    "null\x00byte",
    "%_%",
]


def search(client, query: str):
    return client.get(reverse("articles:search"), {"q": query})


def test_search_finds_published_stories_by_any_field(client):
    """A word from the headline, the summary or the body finds the story."""
    story = ArticleFactory(
        published=True,
        headline="Tidal turbines switched on",
        summary="Harbour engineers celebrate.",
        body="<p>The estuary hums with generators.</p>",
    )
    ArticleFactory(published=True, headline="Unrelated football result")
    for word in ["turbines", "engineers", "estuary"]:
        assert list(search(client, word).context["articles"]) == [story], word


def test_search_ranks_headline_matches_first(client):
    """A story with the word in its headline ranks above one with it only in the body (PostgreSQL)."""
    body_only = ArticleFactory(published=True, headline="Council meeting", body="<p>Talk of the lighthouse.</p>")
    in_headline = ArticleFactory(published=True, headline="Lighthouse restored", body="<p>Work done.</p>")
    results = list(search(client, "lighthouse").context["articles"])
    assert set(results) == {body_only, in_headline}
    if connection.vendor == "postgresql":
        assert results == [in_headline, body_only]


def test_search_highlights_matches_in_snippet(client):
    """The matched word is highlighted in the result's snippet, and body HTML never leaks."""
    ArticleFactory(
        published=True,
        headline="Ferry news",
        summary="A new ferry route opens.",
        body="<p>The <strong>ferry</strong> &amp; its crew sail at dawn.</p>",
    )
    html = search(client, "ferry").content.decode()
    assert "<mark>" in html
    assert "<mark>ferry</mark>" in html.lower()
    assert "<strong>" not in html


def test_search_stems_words_on_postgresql(client):
    """On PostgreSQL a search for 'sailing' finds a story about sails (English stemming)."""
    story = ArticleFactory(published=True, headline="Sailing season opens")
    results = list(search(client, "sail").context["articles"])
    if connection.vendor == "postgresql":
        assert results == [story]
    else:
        assert results == [story]  # the plain fallback matches the substring


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_give_a_normal_page(client, query):
    """Quotes, operators, SQL-looking text, emoji and very long queries give a normal results page."""
    ArticleFactory(published=True, headline="Harbour story")
    response = search(client, query)
    assert response.status_code == 200
    assert "<h1" in response.content.decode()
    assert "<script>alert" not in response.content.decode()


def test_empty_query_shows_the_form_only(client):
    """With no query the page shows the search form and no results."""
    ArticleFactory(published=True)
    response = search(client, "")
    assert response.status_code == 200
    assert list(response.context["articles"]) == []
    assert 'name="q"' in response.content.decode()


def test_search_shows_the_count(client):
    """The page says how many stories were found for the query."""
    ArticleFactory(published=True, headline="Lighthouse restored")
    html = search(client, "lighthouse").content.decode()
    assert "1 story found for “lighthouse”." in html


def test_search_vector_follows_edits(client):
    """A story edited after publication is found by its new words and not its old ones."""
    story = ArticleFactory(published=True, headline="Original words here")
    story.headline = "Replacement wording"
    story.save()
    assert list(search(client, "replacement").context["articles"]) == [story]
    assert list(search(client, "original").context["articles"]) == []


def test_search_matches_whole_words_not_inside_others(client):
    """Searching 'port' finds a story about ports but not one only about sports."""
    ports = ArticleFactory(published=True, headline="Ports reopen after the storm")
    ArticleFactory(published=True, headline="Sports results", summary="", body="<p>Football.</p>")
    assert list(search(client, "port").context["articles"]) == [ports]


def test_chinese_words_are_found_inside_sentences(client):
    """A Chinese word is found inside a sentence written without spaces, and highlighted."""
    story = ArticleFactory(
        published=True, language="zh-hans", headline="上海港口恢复运营", summary="暴风雨过后，港口重新开放。"
    )
    ArticleFactory(published=True, headline="Unrelated")
    response = search(client, "港口")
    assert list(response.context["articles"]) == [story]
    assert "<mark>港口</mark>" in response.content.decode()


def test_the_search_page_has_one_search_box(client):
    """The results page shows its own search box only, not the header's as well."""
    ArticleFactory(published=True, headline="Tidal turbines switched on")
    html = search(client, "turbines").content.decode()
    assert html.count('type="search"') == 1
    assert 'value="turbines"' in html


def test_results_show_a_snippet_around_the_match(client):
    """Each result shows the body's words around the match, the match marked, the text escaped."""
    before = " ".join(f"before{n}" for n in range(60))
    after = " ".join(f"after{n}" for n in range(60))
    ArticleFactory(
        published=True,
        headline="Harbour news",
        summary="A summary.",
        body=f"<p>{before} The estuary hums with generators &amp; turbines &lt;b&gt;at night. {after}</p>",
    )
    html = search(client, "generators").content.decode()
    snippet = html.split('class="story-snippet"', 1)[1].split("</p>", 1)[0]
    assert "<mark>generators</mark>" in snippet
    assert "<mark>generators</mark> &amp; turbines" in snippet
    assert "&amp;lt;b&amp;gt;" in snippet or "&lt;b&gt;" in snippet
    assert "<b>" not in snippet
    assert "before0 " not in snippet and "after59" not in snippet  # an excerpt, not the whole body
