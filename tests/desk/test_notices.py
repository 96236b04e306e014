"""In-app notices: each step the desk is told of leaves a notice per person, counted in the header."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import workflow
from articles.models import Notice
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter):
    return ArticleFactory(headline="Tram fares rise", created_by=reporter, authors=[reporter.author_profile])


def header_link(html: str) -> str:
    return html.split('id="notices-link"', 1)[1].split("</a>", 1)[0]


def test_every_step_leaves_a_notice_for_each_recipient(
    story, reporter, desk_editor, chief_editor, django_capture_on_commit_callbacks
):
    """Submitted: each desk editor; returned, published, corrected, withdrawn: the author; never the actor."""
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(story, user=reporter)
        workflow.return_to_author(story, user=desk_editor, note="Shorter, please.")
        workflow.submit(story, user=reporter)
        workflow.publish(story, user=desk_editor)
        workflow.correct(story, user=desk_editor, note="The fare is 2 euros.")
        workflow.withdraw(story, user=chief_editor, note="Legal advice.")
    got = {(n.recipient.username, n.kind) for n in Notice.objects.select_related("recipient")}
    assert got == {
        ("dana", "submitted"), ("chen", "submitted"),
        ("rita", "returned"), ("rita", "published"), ("rita", "corrected"), ("rita", "withdrawn"),
    }  # fmt: skip
    assert Notice.objects.filter(recipient=reporter, kind="submitted").count() == 0
    returned = Notice.objects.get(kind="returned")
    assert returned.message() == "Dana Desk returned “Tram fares rise” to you."
    assert returned.note == "Shorter, please."


def test_a_person_without_e_mail_still_gets_the_notice(
    story, reporter, desk_editor, django_capture_on_commit_callbacks
):
    """The notice does not depend on an e-mail address."""
    reporter.email = ""
    reporter.save()
    workflow.submit(story, user=reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.return_to_author(story, user=desk_editor, note="Check the figures.")
    assert Notice.objects.filter(recipient=reporter, kind="returned").count() == 1


def test_nothing_is_noticed_before_commit(story, reporter, desk_editor, django_capture_on_commit_callbacks):
    """A rolled-back step leaves no notice: they are written on commit."""
    with django_capture_on_commit_callbacks(execute=False):
        workflow.submit(story, user=reporter)
    assert not Notice.objects.exists()


def test_the_header_counts_unread_notices_on_every_admin_page(client, story, reporter, desk_editor):
    """Rita sees "Notices (2 unread)" on the front page, the list, a form and her password page."""
    Notice.objects.create(recipient=reporter, article=story, kind="returned", actor=desk_editor)
    Notice.objects.create(recipient=reporter, article=story, kind="published", actor=desk_editor)
    Notice.objects.create(recipient=desk_editor, article=story, kind="submitted", actor=reporter)
    client.force_login(reporter)
    for url in (
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[story.pk]),
        reverse("admin:articles_article_desk"),
        reverse("admin:password_change"),
    ):
        assert "Notices (2 unread)" in header_link(client.get(url).content.decode()), url


def test_the_header_costs_one_query_however_many_notices(client, story, reporter, desk_editor):
    """One notice or thirty, the front page runs the same queries."""
    client.force_login(reporter)
    Notice.objects.create(recipient=reporter, article=story, kind="returned", actor=desk_editor)
    client.get(reverse("admin:index"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("admin:index"))
    for _ in range(29):
        Notice.objects.create(
            recipient=reporter, article=ArticleFactory(created_by=reporter), kind="published", actor=desk_editor
        )
    with CaptureQueriesContext(connection) as many:
        html = client.get(reverse("admin:index")).content.decode()
    assert "Notices (30 unread)" in html
    assert len(few.captured_queries) == len(many.captured_queries)
    counts = [q["sql"] for q in many.captured_queries if "articles_notice" in q["sql"] and "COUNT(" in q["sql"]]
    assert len(counts) == 1


def test_the_front_page_shows_the_latest_notices(client, story, reporter, desk_editor):
    """The admin's front page lists the person's latest notices, each a link that opens it."""
    notice = Notice.objects.create(recipient=reporter, article=story, kind="returned", actor=desk_editor)
    client.force_login(reporter)
    html = client.get(reverse("admin:index")).content.decode()
    latest = html.split('id="latest-notices"', 1)[1].split("</table>", 1)[0]
    assert "Dana Desk returned “Tram fares rise” to you." in latest
    assert reverse("admin:articles_notice_open", args=[notice.pk]) in latest


def test_opening_a_notice_marks_it_read_and_opens_the_story(client, story, reporter, desk_editor):
    """The link marks the notice read and lands on the story's change page; the count goes down."""
    notice = Notice.objects.create(recipient=reporter, article=story, kind="returned", actor=desk_editor)
    client.force_login(reporter)
    assert "Notices (1 unread)" in client.get(reverse("admin:articles_notices")).content.decode()
    response = client.get(reverse("admin:articles_notice_open", args=[notice.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[story.pk])
    notice.refresh_from_db()
    assert notice.read_at is not None
    page = client.get(reverse("admin:articles_notices")).content.decode()
    assert "Notices (0 unread)" in header_link(page)
    assert "Dana Desk returned “Tram fares rise” to you." in page


def test_someone_elses_notice_does_not_open(client, story, reporter, other_reporter, desk_editor):
    """Oscar cannot open or mark Rita's notice: 404, and it stays unread."""
    notice = Notice.objects.create(recipient=reporter, article=story, kind="returned", actor=desk_editor)
    client.force_login(other_reporter)
    assert client.get(reverse("admin:articles_notice_open", args=[notice.pk])).status_code == 404
    assert "Tram fares rise" not in client.get(reverse("admin:articles_notices")).content.decode()
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_read(client, story, reporter, desk_editor):
    """Mark all as read clears the count."""
    Notice.objects.create(recipient=reporter, article=story, kind="returned", actor=desk_editor)
    client.force_login(reporter)
    assert client.get(reverse("admin:articles_notices_read_all")).status_code == 405
    client.post(reverse("admin:articles_notices_read_all"))
    assert not Notice.objects.unread().exists()
