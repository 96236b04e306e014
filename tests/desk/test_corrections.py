"""Corrections: a public note under the story, with its time; 'Updated:' moves only for them."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from articles import workflow
from tests.factories import ArticleFactory


@pytest.fixture
def story(db):
    return ArticleFactory(published=True, headline="Minister opens the bridge")


@pytest.mark.django_db
def test_correction_shows_on_the_page_with_its_time(client, story, desk_editor, django_capture_on_commit_callbacks):
    """Readers see the correction note and when it was made, and 'Updated:' moves to that time."""
    later = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    with time_machine.travel(later, tick=False), django_capture_on_commit_callbacks(execute=True):
        workflow.correct(story, user=desk_editor, note="An earlier version gave the wrong length of the bridge.")
    story.refresh_from_db()
    assert story.updated_at == later
    html = client.get(story.get_absolute_url()).content.decode()
    assert "An earlier version gave the wrong length of the bridge." in html
    assert f'datetime="{timezone.localtime(later):%Y-%m-%dT%H:%M:%S%z}"' in html
    assert timezone.localtime(later).strftime("%B %-d, %Y") in html


@pytest.mark.django_db
def test_ordinary_save_does_not_move_updated(story):
    """A typo fix saved by the desk leaves 'Updated:' where it was."""
    before = story.updated_at
    story.body = "<p>Fixed a typo.</p>"
    story.save()
    story.refresh_from_db()
    assert story.updated_at == before


@pytest.mark.django_db
def test_correction_is_logged(story, desk_editor):
    """The correction is in the transition log and in the corrections list with its author."""
    workflow.correct(story, user=desk_editor, note="Spelling of a name.")
    assert story.corrections.get().user == desk_editor
    assert story.transitions.get().note == "Spelling of a name."


@pytest.mark.django_db
@pytest.mark.usefixtures("no_page_cache")
def test_article_page_query_count_is_fixed_with_corrections(client, story, desk_editor, django_assert_num_queries):
    """The article page costs the same queries with one correction or three."""
    for n in range(3):
        workflow.correct(story, user=desk_editor, note=f"Correction {n}.")
    # Queries: 1 the last-modified lookup; 2 the article with section, source and editor; 3 its
    # byline with authors; 4 its corrections; 5 its tags; 6 the section's lineage for the
    # breadcrumb; 7 the top sections for the navigation.
    with django_assert_num_queries(7):
        response = client.get(story.get_absolute_url())
    assert response.content.decode().count("Correction ") == 3


@pytest.mark.django_db
def test_desk_typo_fix_shows_at_once_without_moving_updated(
    client, story, desk_editor, django_capture_on_commit_callbacks
):
    """A published story fixed in the admin shows the fix on the next (cached) request; 'Updated:' stays."""
    from django.urls import reverse

    from tests.admin_forms import change_form_data

    assert "Minister opens the bridge" in client.get(story.get_absolute_url()).content.decode()
    before = story.updated_at
    editor = type(client)()
    editor.force_login(desk_editor)
    url = reverse("admin:articles_article_change", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url, change_form_data(editor.get(url), headline="Minister opens the new bridge"))
    assert response.status_code == 302
    assert "Minister opens the new bridge" in client.get(story.get_absolute_url()).content.decode()
    story.refresh_from_db()
    assert story.updated_at == before
