"""The article list as the desk's queue: its columns, submitted stories first, the three searches."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles import workflow
from tests.desk.test_admin_scale import changelist_queries
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_changelist")


def listed(response) -> list[str]:
    """The headlines in the list's rows, top to bottom."""
    return [article.headline for article in response.context["cl"].result_list]


def headers(response) -> list[str]:
    html = response.content.decode()
    head = html.split('<table id="result_list">', 1)[1].split("</thead>", 1)[0]
    cells = [cell.split("</", 1)[0].rsplit(">", 1)[-1].strip() for cell in head.split('<div class="text">')[1:]]
    return [cell for cell in cells if cell]  # the first is the select-all box


def test_the_list_shows_the_queue_columns_only(client, desk_editor, reporter):
    """Headline, slugline, urgency, status, section, byline and waiting since; no note, no page link."""
    story = ArticleFactory(
        headline="Tram fares rise in Lisbon",
        slugline="LISBON-TRAM-FARES",
        editors_note="Check the fare table",
        authors=[AuthorFactory(name="Ana Lopes"), AuthorFactory(name="Rui Costa")],
        created_by=reporter,
    )
    submitted_at = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=30)
    with time_machine.travel(submitted_at, tick=False):
        workflow.submit(story, user=reporter)
    client.force_login(desk_editor)
    response = client.get(URL)
    assert headers(response) == [
        "Headline", "Slugline", "Urgency", "Status", "Section", "Byline", "Waiting since / published at (UTC)",
    ]  # fmt: skip
    html = response.content.decode()
    assert "Ana Lopes and Rui Costa" in html
    assert "LISBON-TRAM-FARES" in html
    assert date_format(timezone.localtime(submitted_at), "SHORT_DATETIME_FORMAT") in html
    assert "Check the fare table" not in html


def test_a_published_story_shows_its_publication_time(client, desk_editor):
    """In the same column a published story shows when it went public."""
    story = ArticleFactory(published=True)
    client.force_login(desk_editor)
    html = client.get(URL).content.decode()
    assert date_format(timezone.localtime(story.published_at), "SHORT_DATETIME_FORMAT") in html


def test_submitted_stories_come_first_longest_waiting_on_top(client, desk_editor, reporter):
    """The desk's default order: what waits for it, oldest submission first, then the rest."""
    now = timezone.now()
    ArticleFactory(headline="Published an hour ago", published=True)
    ArticleFactory(headline="A draft")
    late = ArticleFactory(headline="Filed late", created_by=reporter)
    early = ArticleFactory(headline="Filed early", created_by=reporter)
    with time_machine.travel(now - datetime.timedelta(hours=3)):
        workflow.submit(early, user=reporter)
    with time_machine.travel(now - datetime.timedelta(hours=1)):
        workflow.submit(late, user=reporter)
    client.force_login(desk_editor)
    order = listed(client.get(URL))
    assert order[:2] == ["Filed early", "Filed late"]
    assert set(order[2:]) == {"Published an hour ago", "A draft"}


def test_search_finds_a_slugline_by_its_start(client, desk_editor):
    """LISBON-TRAM finds LISBON-TRAM-FARES, in any case; a slugline's middle is not its start."""
    ArticleFactory(headline="Fares rise", slugline="LISBON-TRAM-FARES")
    ArticleFactory(headline="Metro closes", slugline="PORTO-METRO")
    ArticleFactory(headline="Bus strike", slugline="OLD-LISBON-TRAM")
    client.force_login(desk_editor)
    assert listed(client.get(URL, {"q": "LISBON-TRAM"})) == ["Fares rise"]
    assert listed(client.get(URL, {"q": "lisbon-tram"})) == ["Fares rise"]


def test_search_finds_a_headline_by_any_word(client, desk_editor):
    """Any part of the headline finds the story."""
    ArticleFactory(headline="Tram fares rise in Lisbon")
    ArticleFactory(headline="Porto metro closes")
    client.force_login(desk_editor)
    assert listed(client.get(URL, {"q": "fares"})) == ["Tram fares rise in Lisbon"]


def test_search_finds_a_story_by_a_name_in_its_byline(client, desk_editor):
    """A reporter's name finds their stories, once each even with two matching names."""
    ana, anabela = AuthorFactory(name="Ana Lopes"), AuthorFactory(name="Anabela Lopes")
    ArticleFactory(headline="By Ana and Anabela", authors=[ana, anabela])
    ArticleFactory(headline="By Rui", authors=[AuthorFactory(name="Rui Costa")])
    client.force_login(desk_editor)
    assert listed(client.get(URL, {"q": "lopes"})) == ["By Ana and Anabela"]


@pytest.mark.parametrize("params", ["", "?q=lopes", "?q=LISBON-TRAM", "?status__exact=submitted"])
def test_the_queue_costs_the_same_queries_for_more_rows(client, chief_editor, reporter, params):
    """Three stories or forty, with bylines and submissions, the list runs the same queries."""
    url = URL + params

    def add(n):
        for i in range(n):
            article = ArticleFactory(
                slugline=f"LISBON-TRAM-{i}",
                created_by=reporter,
                authors=[AuthorFactory(name=f"Ana Lopes {i}"), AuthorFactory()],
                section=SectionFactory(name=f"Desk {i % 4}"),
            )
            workflow.submit(article, user=reporter)
        ArticleFactory.create_batch(n, published=True)

    client.force_login(chief_editor)
    add(3)
    client.get(url)
    few = changelist_queries(client, url)
    add(40)
    many = changelist_queries(client, url)
    assert len(few) == len(many), "\n".join(many)
