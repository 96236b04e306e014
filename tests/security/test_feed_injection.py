"""Feeds carry plain text as text: markup in a summary, headline or section description never runs in a reader."""

import feedparser
import lxml.html
import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("P")</script><img src=x onerror=alert(2)>',
    '<b onmouseover="alert(3)">bold</b> and <i>italic</i>',
    '<a href="javascript:alert(4)">click</a>',
    "&lt;script&gt;alert(5)&lt;/script&gt;",
    '<svg><script>alert(6)</script></svg><iframe src="javascript:alert(7)"></iframe>',
    "]]><script>alert(8)</script>",
]

FEEDS = [
    ("feeds:rss", {}),
    ("feeds:atom", {}),
    ("feeds:section-rss", {"section_path": "news"}),
    ("feeds:section-atom", {"section_path": "news"}),
]


def shown(detail) -> str:
    """What a feed reader shows for a text construct, after checking that nothing in it would run.

    A reader renders text/html as HTML and shows text/plain as it is, so only HTML can carry a
    script, an event handler or a javascript: address.
    """
    if detail.type != "text/html":
        assert detail.type == "text/plain", detail.type
        return detail.value
    tree = lxml.html.fragment_fromstring(detail.value or "", create_parent="div")
    for element in tree.iter():
        assert element.tag not in {"script", "iframe", "svg", "object", "embed"}, detail.value
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), detail.value
            assert not value.strip().lower().startswith("javascript:"), detail.value
    return tree.text_content()


def read(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    parsed = feedparser.parse(response.content, sanitize_html=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("name", "kwargs"), FEEDS)
def test_markup_in_a_summary_is_shown_as_text(client, name, kwargs, payload):
    """A summary holding markup reaches the reader as that text, with nothing that runs."""
    ArticleFactory(published=True, section=SectionFactory(name="News"), summary=payload)
    (entry,) = read(client, name, kwargs).entries
    assert shown(entry.summary_detail) == payload


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("name", "kwargs"), FEEDS)
def test_markup_in_a_headline_is_shown_as_text(client, name, kwargs, payload):
    """A headline holding markup reaches the reader as that text, with nothing that runs."""
    ArticleFactory(published=True, section=SectionFactory(name="News"), headline=payload)
    (entry,) = read(client, name, kwargs).entries
    assert shown(entry.title_detail) == payload


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_markup_in_a_section_description_and_name_is_shown_as_text(client, kind, payload):
    """A section's description and name reach the reader of its feed as text, with nothing that runs."""
    SectionFactory(name="News", description=payload)
    SectionFactory(name=payload, slug="odd")
    parsed = read(client, f"feeds:section-{kind}", {"section_path": "news"})
    assert shown(parsed.feed.subtitle_detail) == payload
    odd = read(client, f"feeds:section-{kind}", {"section_path": "odd"})
    assert shown(odd.feed.title_detail).startswith(payload)
