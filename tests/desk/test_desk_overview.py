"""The desk overview: my drafts, waiting (oldest first), embargoed, published today, returned to me."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles import workflow
from tests.factories import ArticleFactory, AuthorFactory


def queue(response, title):
    return next(q for q in response.context["queues"] if str(q["title"]).startswith(title))


@pytest.mark.django_db
def test_queues_with_counts(client, reporter, desk_editor):
    """Each queue lists the right stories with a count; the waiting queue is oldest first."""
    now = timezone.now()
    ArticleFactory(headline="My draft", created_by=reporter, authors=[reporter.author_profile])
    first = ArticleFactory(headline="Filed first", created_by=reporter, authors=[reporter.author_profile])
    second = ArticleFactory(headline="Filed second", created_by=reporter, authors=[reporter.author_profile])
    returned = ArticleFactory(headline="Sent back", created_by=reporter, authors=[reporter.author_profile])
    embargoed = ArticleFactory(headline="Under embargo", created_by=reporter, authors=[reporter.author_profile])
    with time_machine.travel(now - datetime.timedelta(hours=2)):
        workflow.submit(first, user=reporter)
    with time_machine.travel(now - datetime.timedelta(hours=1)):
        workflow.submit(second, user=reporter)
    for article in (returned, embargoed):
        workflow.submit(article, user=reporter)
    workflow.return_to_author(returned, user=desk_editor, note="Shorter.")
    workflow.publish(embargoed, user=desk_editor, at=now + datetime.timedelta(hours=5))
    ArticleFactory(headline="Out this morning", published=True)

    client.force_login(reporter)
    response = client.get(reverse("admin:articles_article_desk"))
    assert response.status_code == 200
    assert [a.headline for a in queue(response, "My drafts")["articles"]] == ["Sent back", "My draft"]
    assert [a.headline for a in queue(response, "Returned to me")["articles"]] == ["Sent back"]

    client.force_login(desk_editor)
    response = client.get(reverse("admin:articles_article_desk"))
    waiting = queue(response, "Waiting for the desk")
    assert [a.headline for a in waiting["articles"]] == ["Filed first", "Filed second"]
    assert waiting["count"] == 2
    assert [a.headline for a in queue(response, "Embargoed")["articles"]] == ["Under embargo"]
    assert "Out this morning" in [a.headline for a in queue(response, "Published today")["articles"]]
    assert "Under embargo" not in [a.headline for a in queue(response, "Published today")["articles"]]


@pytest.mark.django_db
def test_admin_index_links_to_the_desk(client, reporter):
    """The admin's front page links to the desk overview."""
    client.force_login(reporter)
    assert reverse("admin:articles_article_desk") in client.get(reverse("admin:index")).content.decode()


def overview_section(html: str, title: str) -> str:
    """The HTML of one queue on the overview page, from its heading to the next queue."""
    return html.split(title, 1)[1].split('<section class="module desk-queue">', 1)[0]


@pytest.mark.django_db
def test_waiting_queue_shows_author_and_waiting_since(client, reporter, desk_editor):
    """Each waiting story names its byline and the time it reached the desk, under "Waiting since"."""
    story = ArticleFactory(
        headline="Tram fares rise",
        created_by=reporter,
        authors=[reporter.author_profile, AuthorFactory(name="Ana Lopes")],
    )
    submitted_at = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=2)
    with time_machine.travel(submitted_at, tick=False):
        workflow.submit(story, user=reporter)
    client.force_login(desk_editor)
    html = client.get(reverse("admin:articles_article_desk")).content.decode()
    waiting = overview_section(html, "Waiting for the desk")
    assert '<th scope="col">Author</th>' in waiting
    assert '<th scope="col">Waiting since (UTC)</th>' in waiting
    assert "Rita Reporter and Ana Lopes" in waiting
    assert date_format(timezone.localtime(submitted_at), "SHORT_DATETIME_FORMAT") in waiting


@pytest.mark.django_db
def test_overview_queries_do_not_grow_with_stories(client, reporter, desk_editor):
    """Three stories per queue or twenty, the overview runs the same queries."""

    def add(n):
        for _ in range(n):
            story = ArticleFactory(created_by=reporter, authors=[reporter.author_profile, AuthorFactory()])
            workflow.submit(story, user=reporter)
            ArticleFactory(published=True)
            ArticleFactory(embargoed=True)

    client.force_login(desk_editor)
    url = reverse("admin:articles_article_desk")
    add(3)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(20)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few.captured_queries) == len(many.captured_queries)
