"""The desk's article list in Chromium: the whole queue fits a 1280 px window, long headlines and all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles import workflow
from tests.browser.conftest import ARTIFACTS, login
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, user_in_role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LONG = (
    "Lisbon city council approves a fifth more for tram fares after a night-long session on the "
    "municipal budget for 2027, with the opposition walking out before the vote"
)


@pytest.fixture
def queue():
    rita = user_in_role("Reporter", username="rita", name="Rita Reporter")
    dana = user_in_role("Desk editor", username="dana", name="Dana Desk")
    for n in range(6):
        article = ArticleFactory(
            headline=f"{LONG} ({n})",
            slugline=f"LISBON-TRAM-FARES-BUDGET-{n}",
            created_by=rita,
            authors=[rita.author_profile, AuthorFactory(name="Maria Fernanda Albuquerque de Sousa")],
            section=SectionFactory(name="Portugal and the Lusophone world"),
        )
        workflow.submit(article, user=rita)
    ArticleFactory.create_batch(4, headline=LONG, published=True)
    return {"rita": rita, "dana": dana}


def test_the_article_list_fits_a_1280_pixel_window(chromium_browser, live_server, queue):
    """No sideways scrolling: the page is no wider than the window, and every column is in view."""
    page = login(chromium_browser, live_server, "dana", viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("admin:articles_article_changelist"))
    page.wait_for_selector("#result_list")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    right = page.eval_on_selector("#result_list th.column-waiting_since", "el => el.getBoundingClientRect().right")
    assert right <= 1280
    assert "Rita Reporter and Maria Fernanda Albuquerque de Sousa" in page.inner_text("#result_list")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "admin-article-list.png"))


def test_the_desk_overview_shows_who_waits_and_who_took_it(chromium_browser, live_server, queue):
    """The overview's waiting queue names the byline and the waiting time; Take marks the story as Dana's."""
    page = login(chromium_browser, live_server, "dana", viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("admin:articles_article_desk"))
    page.locator(".desk-take button").first.click()
    page.wait_for_selector(".messagelist .success")
    page.goto(live_server.url + reverse("admin:articles_article_desk"))
    waiting = page.inner_text(".desk-queue:has-text('Waiting for the desk')")
    assert "taken by Dana Desk at" in waiting
    assert "Rita Reporter and Maria Fernanda Albuquerque de Sousa" in waiting
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "admin-desk-overview.png"))
