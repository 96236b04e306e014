"""E-mail: the desk hears of submissions, the author of returns and publication; only after commit."""

import pytest
from django.core import mail

from articles import workflow


@pytest.mark.django_db
def test_desk_is_told_of_a_submission(
    reporter, desk_editor, chief_editor, own_draft, django_capture_on_commit_callbacks
):
    """Submitting e-mails every desk and chief editor, not the reporter."""
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(own_draft, user=reporter)
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == sorted([desk_editor.email, chief_editor.email])
    assert own_draft.headline in mail.outbox[0].subject


@pytest.mark.django_db
def test_author_is_told_of_a_return_with_the_note(reporter, desk_editor, own_draft, django_capture_on_commit_callbacks):
    """The reporter gets the desk's note by e-mail."""
    workflow.submit(own_draft, user=reporter)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.return_to_author(own_draft, user=desk_editor, note="Check the quote in par 3.")
    assert mail.outbox[0].to == [reporter.email]
    assert "Check the quote in par 3." in mail.outbox[0].body


@pytest.mark.django_db
def test_author_is_told_of_publication(reporter, desk_editor, own_draft, django_capture_on_commit_callbacks):
    """The reporter hears that the story is out, with its public address."""
    workflow.submit(own_draft, user=reporter)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(own_draft, user=desk_editor)
    assert mail.outbox[0].to == [reporter.email]
    assert own_draft.get_absolute_url() in mail.outbox[0].body


@pytest.mark.django_db
def test_nothing_is_sent_before_commit(reporter, desk_editor, own_draft, django_capture_on_commit_callbacks):
    """The mail waits for the transaction: a rolled-back change sends nothing."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.submit(own_draft, user=reporter)
    assert len(callbacks) == 1
    assert mail.outbox == []
