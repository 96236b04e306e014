"""Every time the desk types or reads names the newsroom's zone (TIME_ZONE), e.g. Europe/Lisbon."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lisbon(settings):
    settings.TIME_ZONE = "Europe/Lisbon"


def test_the_embargo_box_and_status_name_the_zone(client, desk_editor, reporter):
    """The Schedule box says which zone to type in; an embargoed story says until when, where."""
    waiting = ArticleFactory(created_by=reporter, authors=[reporter.author_profile])
    workflow.submit(waiting, user=reporter)
    client.force_login(desk_editor)
    form = client.get(reverse("admin:articles_article_change", args=[waiting.pk])).content.decode()
    assert "Publish at (embargo, Europe/Lisbon time)" in form
    assert "When (Europe/Lisbon)" in form  # the transition log

    workflow.publish(waiting, user=desk_editor, at=timezone.now() + datetime.timedelta(days=1))
    form = client.get(reverse("admin:articles_article_change", args=[waiting.pk])).content.decode()
    release = timezone.localtime(waiting.published_at).strftime("%H:%M")
    status = form.split('class="desk-status"', 1)[1].split("</p>", 1)[0]
    assert "embargoed until" in status and release in status and "(Europe/Lisbon)" in status
    publication = form.split("field-published_at_in_zone", 1)[1].split("</div>\n</div>", 1)[0]
    assert "Published at (Europe/Lisbon)" in publication and release in publication


def test_the_list_and_the_overview_name_the_zone(client, desk_editor, reporter):
    """The list's time column and each overview queue's time column name the zone."""
    ArticleFactory(published=True)
    workflow.submit(ArticleFactory(created_by=reporter), user=reporter)
    client.force_login(desk_editor)
    assert (
        "Waiting since / published at (Europe/Lisbon)"
        in client.get(reverse("admin:articles_article_changelist")).content.decode()
    )
    overview = client.get(reverse("admin:articles_article_desk")).content.decode()
    assert "Waiting since (Europe/Lisbon)" in overview and "Published at (Europe/Lisbon)" in overview
