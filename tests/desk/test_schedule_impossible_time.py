"""Scheduling with a date that does not exist gives the desk a clear error, not a server error."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["2026-02-30T10:00", "2026-11-26T25:00"])
def test_impossible_embargo_time_is_refused_clearly(client, desk_editor, reporter, value):
    """30 February or 25 o'clock: the desk is told the time is not real and the story stays submitted."""
    article = ArticleFactory(created_by=reporter, authors=[reporter.author_profile])
    workflow.submit(article, user=reporter)
    client.force_login(desk_editor)
    response = client.post(reverse("admin:articles_article_transition", args=[article.pk, "schedule"]), {"at": value})
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("not a real date and time" in t and value in t for t in texts), texts
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
