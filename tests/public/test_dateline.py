"""The dateline always opens the story's first paragraph, as on agency pages."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_dateline_opens_the_first_paragraph(client):
    """A body that starts with a paragraph: the dateline begins it."""
    story = ArticleFactory(published=True, body="<p>Fares rise on Monday.</p>")
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<p><span class="dateline">LISBON, ' in html
    assert "(NWS) --</span> Fares rise on Monday.</p>" in html


def test_after_a_heading_the_dateline_still_opens_the_first_paragraph(client):
    """A body that starts with a heading: the heading stays first, the dateline opens the paragraph under it."""
    story = ArticleFactory(published=True, body="<h2>Back on the hills</h2><p>Sheep graze again.</p><p>More.</p>")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "dateline-only" not in html
    assert '<h2>Back on the hills</h2><p><span class="dateline">LISBON, ' in html
    assert "(NWS) --</span> Sheep graze again.</p>" in html
    assert html.count('class="dateline"') == 1


def test_a_body_without_paragraphs_keeps_the_dateline_on_its_own(client):
    """Only a list, no paragraph: the dateline stands in a paragraph of its own above it."""
    story = ArticleFactory(published=True, body="<ul><li>One</li><li>Two</li></ul>")
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<p class="dateline-only"><span class="dateline">LISBON, ' in html
