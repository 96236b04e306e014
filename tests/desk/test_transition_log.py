"""The transition log: who moved a story, when, from what to what, and why; shown in the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Transition
from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_a_story_life_is_logged(client, reporter, desk_editor, chief_editor, own_draft):
    """Submit, return, resubmit, publish, correct, withdraw: six entries with people and notes."""
    s = Article.Status
    workflow.submit(own_draft, user=reporter)
    workflow.return_to_author(own_draft, user=desk_editor, note="Add a second source.")
    workflow.submit(own_draft, user=reporter)
    workflow.publish(own_draft, user=desk_editor)
    workflow.correct(own_draft, user=desk_editor, note="Fixed a name.")
    workflow.withdraw(own_draft, user=chief_editor, note="Legal.")
    log = list(Transition.objects.filter(article=own_draft).order_by("at", "pk"))
    assert [(t.from_status, t.to_status, t.user) for t in log] == [
        (s.DRAFT, s.SUBMITTED, reporter),
        (s.SUBMITTED, s.DRAFT, desk_editor),
        (s.DRAFT, s.SUBMITTED, reporter),
        (s.SUBMITTED, s.PUBLISHED, desk_editor),
        (s.PUBLISHED, s.PUBLISHED, desk_editor),
        (s.PUBLISHED, s.WITHDRAWN, chief_editor),
    ]
    assert [t.note for t in log][1] == "Add a second source."

    client.force_login(chief_editor)
    html = client.get(reverse("admin:articles_article_change", args=[own_draft.pk])).content.decode()
    log_html = html.split('id="transition-log"', 1)[1]
    assert "Add a second source." in log_html and "Legal." in log_html and "Dana Desk" in log_html


@pytest.mark.django_db
def test_returned_note_is_shown_to_the_author(client, reporter, desk_editor, own_draft):
    """The reporter opens the returned draft and reads the desk's note at the top of the form."""
    workflow.submit(own_draft, user=reporter)
    workflow.return_to_author(own_draft, user=desk_editor, note="The second paragraph needs a source.")
    client.force_login(reporter)
    html = client.get(reverse("admin:articles_article_change", args=[own_draft.pk])).content.decode()
    note = html.split('id="return-note"', 1)[1][:600]
    assert "The second paragraph needs a source." in note and "Dana Desk" in note


@pytest.mark.django_db
def test_embargo_is_noted_in_the_log(reporter, desk_editor, own_draft):
    """Scheduling records the release time in the log note."""
    workflow.submit(own_draft, user=reporter)
    workflow.publish(own_draft, user=desk_editor, at=timezone.now() + datetime.timedelta(hours=3))
    assert own_draft.transitions.first().note.startswith("Embargoed until")


@pytest.mark.django_db
def test_import_command_publishing_is_logged_without_a_user(db):
    """A story published by a command is logged with no person."""
    article = ArticleFactory()
    workflow.publish(article, user=workflow.SYSTEM)
    entry = article.transitions.get()
    assert entry.user is None and entry.to_status == Article.Status.PUBLISHED
