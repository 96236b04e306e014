"""The change form in Chromium: every transition button keeps the typed text, the autosave brings
back what a closed tab lost, leaving warns, Ctrl+S saves, and the editor looks like the page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.conftest import ARTIFACTS, login
from tests.factories import ArticleFactory, SectionFactory, SourceFactory, user_in_role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

S = Article.Status
HEADLINE = "Tram fares rise by a fifth in Lisbon"
ADDED = " It was 54 million euros, not 45 million."


def type_in_body(page, text):
    editable = page.locator(".ck-editor__editable").first
    editable.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def body_text(page) -> str:
    return page.locator(".ck-editor__editable").first.inner_text()


@pytest.fixture
def people():
    return {
        "reporter": user_in_role("Reporter", username="rita", name="Rita Reporter"),
        "chief": user_in_role("Chief editor", username="chen", name="Chen Chief"),
    }


def story_in(status, people):
    rita = people["reporter"]
    article = ArticleFactory(
        headline="Tram fares rise in Lisbon",
        body="<p>Fares rise on Monday.</p>",
        created_by=rita,
        authors=[rita.author_profile],
        published=status == S.PUBLISHED,
    )
    Article.objects.filter(pk=article.pk).update(status=status)
    return Article.objects.get(pk=article.pk)


# button -> (start state, who presses it, what else to fill, end state)
BUTTONS = {
    "submit": (S.DRAFT, "reporter", {}, S.SUBMITTED),
    "return": (S.SUBMITTED, "chief", {"textarea[name=note_return]": "Say who decided it."}, S.DRAFT),
    "publish": (S.SUBMITTED, "chief", {}, S.PUBLISHED),
    "schedule": (S.SUBMITTED, "chief", {"input[name=at]": "schedule"}, S.PUBLISHED),
    "correct": (S.PUBLISHED, "chief", {"textarea[name=note_correct]": "The sum was wrong."}, S.PUBLISHED),
    "withdraw": (S.PUBLISHED, "chief", {"textarea[name=note_withdraw]": "A court ordered it."}, S.WITHDRAWN),
}


@pytest.mark.parametrize("name", BUTTONS)
def test_each_transition_button_keeps_the_edit(chromium_browser, live_server, people, name):
    """Edit headline and body, press the button, reload: the edit is in the story and on its page."""
    start, who, fill, end = BUTTONS[name]
    article = story_in(start, people)
    page = login(chromium_browser, live_server, people[who].username)
    change_url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    page.goto(change_url)
    page.fill("#id_headline", HEADLINE)
    type_in_body(page, ADDED)
    for selector, value in fill.items():
        if value == "schedule":
            later = timezone.localtime() + datetime.timedelta(days=2)
            value = later.strftime("%Y-%m-%dT%H:%M")
        page.fill(selector, value)
    ARTIFACTS.mkdir(exist_ok=True)
    if name == "correct":
        page.screenshot(path=str(ARTIFACTS / "admin-change-form-buttons.png"))
    page.click(f"button[value={name}]")
    if name == "withdraw":
        assert "This story has been withdrawn" in page.inner_text("#readers-will-see")
        page.screenshot(path=str(ARTIFACTS / "admin-withdraw-confirm.png"))
        page.click("button[name=confirmed]")
    page.wait_for_selector(".messagelist .success")
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == end
    assert stored.headline == HEADLINE
    assert "54 million euros" in stored.body

    page.reload()
    if page.locator("#id_headline").count():
        assert page.input_value("#id_headline") == HEADLINE
        assert "54 million euros" in body_text(page)
    else:  # withdrawn: read-only, the body shown as text
        assert "54 million euros" in page.inner_text(".body-as-read")
    reader = page.context.new_page()
    if stored.status == S.WITHDRAWN:
        # Readers get the notice at the story's address; the desk's preview still has the text.
        reader.goto(live_server.url + stored.get_absolute_url())
        text = reader.inner_text("main")
        assert "This story has been withdrawn" in text and "A court ordered it." in text
    if stored.is_public:
        reader.goto(live_server.url + stored.get_absolute_url())
    else:
        reader.goto(live_server.url + reverse("articles:preview", args=[article.pk]))
    text = reader.inner_text("main")
    assert HEADLINE in text and "54 million euros" in text
    if name == "correct":
        assert "The sum was wrong." in text


@pytest.mark.parametrize("name", ["return", "correct", "withdraw"])
def test_a_refused_transition_keeps_the_edit_in_the_form(chromium_browser, live_server, people, name):
    """A button pressed without its note is refused with the reason; the typed text is still there."""
    start = BUTTONS[name][0]
    article = story_in(start, people)
    page = login(chromium_browser, live_server, "chen")
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    page.fill("#id_headline", HEADLINE)
    type_in_body(page, ADDED)
    page.click(f"button[value={name}]")
    if name == "withdraw":
        page.click("button[name=confirmed]")
    page.wait_for_selector(".errorlist")
    assert re.search(r"note|why", page.inner_text(".errorlist"), re.IGNORECASE)
    assert page.input_value("#id_headline") == HEADLINE
    assert "54 million euros" in body_text(page)
    stored = Article.objects.get(pk=article.pk)
    assert (stored.status, stored.headline) == (start, "Tram fares rise in Lisbon")


def test_a_closed_tab_is_restored_from_the_kept_copy(chromium_browser, live_server, people):
    article = story_in(S.DRAFT, people)
    page = login(chromium_browser, live_server, "rita")
    change_url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    page.goto(change_url)
    type_in_body(page, " Kept by the autosave.")
    # A locator wait, not wait_for_function: the admin's policy refuses the eval that polling uses.
    expect(page.locator("#autosave-status")).to_contain_text("kept", timeout=10000)
    page.close()  # no save, no beforeunload: as a crash or a closed tab
    assert "Kept by the autosave." not in Article.objects.get(pk=article.pk).body

    again = login(chromium_browser, live_server, "rita")
    again.goto(change_url)
    offer = again.inner_text("#unsaved-copy")
    assert "You have unsaved changes to this story, kept at" in offer
    again.click("#restore-unsaved")
    again.wait_for_selector(".ck-editor__editable")
    assert "Kept by the autosave." in body_text(again)
    again.click("input[name=_continue]")
    again.wait_for_selector(".messagelist .success")
    assert "Kept by the autosave." in Article.objects.get(pk=article.pk).body
    assert again.locator("#unsaved-copy").count() == 0


def test_leaving_with_unsaved_changes_asks_first(chromium_browser, live_server, people):
    article = story_in(S.DRAFT, people)
    page = login(chromium_browser, live_server, "rita")
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    type_in_body(page, " Not saved.")
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.type)
        dialog.accept()

    page.on("dialog", on_dialog)
    page.close(run_before_unload=True)
    page.wait_for_event("close", timeout=5000) if not page.is_closed() else None
    assert dialogs == ["beforeunload"]


def test_control_s_saves_and_keeps_editing(chromium_browser, live_server, people):
    article = story_in(S.DRAFT, people)
    page = login(chromium_browser, live_server, "rita")
    change_url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    page.goto(change_url)
    type_in_body(page, " Saved by keyboard.")
    with page.expect_navigation():
        page.keyboard.press("Control+s")
    page.wait_for_selector(".messagelist .success")
    assert page.url == change_url
    assert "Saved by keyboard." in Article.objects.get(pk=article.pk).body


def test_a_heading_in_the_editor_is_larger_than_a_paragraph(chromium_browser, live_server, people):
    SectionFactory(name="News")
    SourceFactory(name="Newsroom Wire Service")
    page = login(chromium_browser, live_server, "rita")
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    page.wait_for_selector(".ck-editor__editable")
    page.evaluate("window.editors.id_body.setData('<h2>Back on the hills</h2><p>Sheep graze again.</p>')")
    sizes = page.evaluate(
        """() => {
            const root = document.querySelector('.ck-editor__editable');
            const px = (el) => parseFloat(getComputedStyle(el).fontSize);
            return {h2: px(root.querySelector('h2')), p: px(root.querySelector('p')),
                    weight: getComputedStyle(root.querySelector('h2')).fontWeight};
        }"""
    )
    assert sizes["h2"] > sizes["p"] * 1.2, sizes
    assert int(sizes["weight"]) >= 600
    # The headline box fits a long headline, and says when it runs past what search engines show.
    page.fill("#id_headline", "Lisbon raises tram fares by a fifth as the city council approves its budget for 2027")
    assert "Search engines cut" in page.inner_text("#headline-count")
    assert page.eval_on_selector("#id_headline", "el => el.getBoundingClientRect().width") > 700
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "admin-add-form.png"), full_page=True)
