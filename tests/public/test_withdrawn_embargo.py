"""A story withdrawn before its embargo lifted leaves no trace at its address."""

import pytest

from articles import workflow
from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_withdrawn_embargoed_story_is_404_without_headline_or_note(client, chief_editor):
    """A reader guessing the address of a story killed under embargo gets a plain 404."""
    story = ArticleFactory(embargoed=True, headline="Secret merger talks collapse")
    url = story.get_absolute_url()
    workflow.withdraw(story, user=chief_editor, note="Internal: the source retracted, legal is involved.")
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Secret merger talks collapse" not in html
    assert "legal is involved" not in html


@pytest.mark.django_db
def test_withdrawn_public_story_still_answers_410(client, chief_editor):
    """A story that readers saw before it was withdrawn still says it is gone."""
    story = ArticleFactory(published=True, headline="Once on the front page")
    url = story.get_absolute_url()
    workflow.withdraw(story, user=chief_editor, note="Withdrawn for a correction.")
    assert client.get(url).status_code == 410
