"""With the Content-Security-Policy enforced, CKEditor loads, edits and saves, and readers' pages run
without a single violation in Chromium's console."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article
from tests.browser.conftest import login
from tests.browser.test_desk_form import type_in_body
from tests.factories import ArticleFactory, SectionFactory, SourceFactory, user_in_role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def watch_violations(page) -> list[str]:
    """Chromium's console messages about the policy (each blocked script, style or image is one)."""
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None)
    return seen


def test_the_editor_works_under_the_policy(chromium_browser, live_server):
    chief = user_in_role("Chief editor", username="chen", name="Chen Chief")
    article = ArticleFactory(
        headline="Harbour wall repaired",
        body="<p>Work ends on Monday.</p>",
        section=SectionFactory(),
        source=SourceFactory(),
        created_by=chief,
    )
    page = login(chromium_browser, live_server, "chen")
    violations = watch_violations(page)
    response = page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".ck-editor__editable")
    # The editor's own toolbar and styles are there: it drew itself under the policy.
    assert page.locator(".ck-toolbar").count() >= 1
    type_in_body(page, " Traffic returns on Tuesday.")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert "Traffic returns on Tuesday." in Article.objects.get(pk=article.pk).body
    assert violations == []


def test_reader_pages_run_without_violations(chromium_browser, live_server):
    article = ArticleFactory(published=True, headline="Harbour wall repaired")
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations = watch_violations(page)
    for url in ("/", article.get_absolute_url(), "/search/?q=harbour"):
        page.goto(live_server.url + url)
        page.wait_for_load_state("load")
    # The font-size buttons are our script: it runs under the policy.
    page.goto(live_server.url + article.get_absolute_url())
    size = "parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize)"
    before = page.evaluate(size)
    page.click("button.font-larger")
    assert page.evaluate(size) > before
    assert violations == [], violations
    context.close()
