"""Taking a story: a desk editor claims a submitted story; the list and the overview say who and when."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# 09:41 UTC is 10:41 in Lisbon in summer: the desk reads the newsroom's time, not UTC.
AT = datetime.datetime(2026, 7, 1, 9, 41, tzinfo=datetime.UTC)


@pytest.fixture
def lisbon(settings):
    settings.TIME_ZONE = "Europe/Lisbon"


@pytest.fixture
def waiting(reporter):
    story = ArticleFactory(headline="Tram fares rise", created_by=reporter, authors=[reporter.author_profile])
    with time_machine.travel(AT - datetime.timedelta(hours=1)):
        workflow.submit(story, user=reporter)
    return Article.objects.get(pk=story.pk)


def take(client, article):
    return client.post(reverse("admin:articles_article_transition", args=[article.pk, "take"]))


@pytest.mark.usefixtures("lisbon")
def test_taking_a_story_names_the_editor_in_the_list_and_overview(client, desk_editor, waiting):
    """Dana takes the story at 10:41 Lisbon time; the list, the overview and the form say so."""
    client.force_login(desk_editor)
    with time_machine.travel(AT, tick=False):
        response = take(client, waiting)
        assert response.status_code == 302
        assert response["Location"] == reverse("admin:articles_article_change", args=[waiting.pk])
        listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
        overview = client.get(reverse("admin:articles_article_desk")).content.decode()
        form = client.get(reverse("admin:articles_article_change", args=[waiting.pk])).content.decode()
    for html in (listing, overview, form):
        assert "taken by Dana Desk at 10:41" in html


def test_taking_is_recorded_and_leaves_the_text_alone(client, desk_editor, waiting):
    """The log says who took it; the revision is the same, so nobody's open form goes stale."""
    client.force_login(desk_editor)
    take(client, waiting)
    stored = Article.objects.get(pk=waiting.pk)
    assert stored.taken_by == desk_editor
    assert (stored.revision, stored.status) == (waiting.revision, Article.Status.SUBMITTED)
    entry = stored.transitions.first()
    assert (entry.user, entry.from_status, entry.to_status) == (desk_editor, "submitted", "submitted")
    assert entry.note == "Taken by Dana Desk."


def test_the_change_form_and_the_overview_offer_take(client, desk_editor, waiting):
    """A desk editor sees Take this story on the form and Take in the overview's waiting queue."""
    client.force_login(desk_editor)
    form = client.get(reverse("admin:articles_article_change", args=[waiting.pk])).content.decode()
    assert 'value="take"' in form and "Take this story" in form
    overview = client.get(reverse("admin:articles_article_desk")).content.decode()
    assert reverse("admin:articles_article_transition", args=[waiting.pk, "take"]) in overview


def test_a_reporter_cannot_take_a_story(client, reporter, waiting):
    """A reporter has no Take button, and a forged post is refused with the reason."""
    client.force_login(reporter)
    form = client.get(reverse("admin:articles_article_change", args=[waiting.pk])).content.decode()
    assert 'value="take"' not in form
    response = take(client, waiting)
    page = client.get(response["Location"]).content.decode()
    assert "You do not have permission to take stories" in page
    assert Article.objects.get(pk=waiting.pk).taken_by is None
    assert not waiting.transitions.filter(note__startswith="Taken").exists()


def test_take_needs_a_post(client, desk_editor, waiting):
    """Opening the take address does nothing: it answers 405."""
    client.force_login(desk_editor)
    response = client.get(reverse("admin:articles_article_transition", args=[waiting.pk, "take"]))
    assert response.status_code == 405
    assert Article.objects.get(pk=waiting.pk).taken_by is None


def test_only_a_waiting_story_can_be_taken(desk_editor):
    """A draft is not in the desk's queue: taking it is refused with the reason."""
    draft = ArticleFactory(headline="Still a draft")
    with pytest.raises(workflow.WorkflowError, match="not waiting for the desk"):
        workflow.take(draft, user=desk_editor)


def test_a_returned_story_is_no_longer_taken(client, desk_editor, waiting):
    """Returned to its author, the story loses its taker; submitted again, it waits for the whole desk."""
    workflow.take(waiting, user=desk_editor)
    workflow.return_to_author(waiting, user=desk_editor, note="Shorter.")
    assert Article.objects.get(pk=waiting.pk).taken_by is None


def test_another_editor_can_take_it_over(chief_editor, desk_editor, waiting):
    """Chen takes over the story Dana took: the list names Chen."""
    workflow.take(waiting, user=desk_editor)
    stored = Article.objects.get(pk=waiting.pk)
    assert workflow.TAKE not in workflow.available_transitions(desk_editor, stored)
    assert workflow.TAKE in workflow.available_transitions(chief_editor, stored)
    workflow.take(stored, user=chief_editor)
    assert Article.objects.get(pk=waiting.pk).taken_by == chief_editor
