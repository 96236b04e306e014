"""The desk overview: my drafts, waiting (oldest first), embargoed, published today, returned to me."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from tests.factories import ArticleFactory


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
