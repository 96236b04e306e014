"""Withdrawal: the address answers 410 Gone with the notice, and the story leaves every list."""

import pytest
from django.urls import reverse

from articles import workflow
from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_withdrawn_story_answers_410_with_notice(client, chief_editor):
    """A reader following an old link sees that the story was withdrawn and why."""
    story = ArticleFactory(published=True, headline="A story with a legal problem")
    url = story.get_absolute_url()
    workflow.withdraw(story, user=chief_editor, note="This story was withdrawn because it was inaccurate.")
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This story was withdrawn because it was inaccurate." in html
    assert "A story with a legal problem" in html


@pytest.mark.django_db
def test_withdrawn_story_leaves_the_lists(client, chief_editor, django_capture_on_commit_callbacks):
    """The home page and the section page no longer list a withdrawn story, even if they were cached."""
    story = ArticleFactory(published=True, headline="Soon to be withdrawn")
    assert "Soon to be withdrawn" in client.get(reverse("articles:home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(story, user=chief_editor, note="Withdrawn.")
    assert "Soon to be withdrawn" not in client.get(reverse("articles:home")).content.decode()
    assert "Soon to be withdrawn" not in client.get(story.section.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_unknown_address_is_still_404(client):
    """An address that never was a story is a plain 404, not 410."""
    response = client.get("/news/2024/01/08/never-was/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_withdrawn_story_cannot_be_edited(client, chief_editor):
    """Nobody edits a withdrawn story in the admin: it is kept as the record."""
    story = ArticleFactory(published=True)
    workflow.withdraw(story, user=chief_editor, note="Withdrawn.")
    client.force_login(chief_editor)
    url = reverse("admin:articles_article_change", args=[story.pk])
    assert client.post(url, {"headline": "Changed"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.usefixtures("no_page_cache")
def test_withdrawn_page_query_count_is_fixed(client, chief_editor, django_assert_num_queries):
    """The 410 page costs a fixed number of queries."""
    story = ArticleFactory(published=True)
    url = story.get_absolute_url()
    workflow.withdraw(story, user=chief_editor, note="Withdrawn.")
    # Queries: 1 the last-modified lookup (finds no public story); 2 the public story (none);
    # 3 the withdrawn story with its section; 4 its withdrawal; 5 the breadcrumb; 6 the navigation.
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 410
