"""The whole desk flow in a real browser: file, submit, return with a note, fix, resubmit, publish, read."""

import pytest
from django.contrib.auth.models import Group

from articles.models import Article
from tests.browser.conftest import login
from tests.factories import AuthorFactory, EditorFactory, SectionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def choose(page, select_id, text):
    """Pick an option in one of the admin's autocomplete (Select2) boxes."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.fill(".select2-container--open .select2-search__field", text)
    page.wait_for_selector(f".select2-results__option--highlighted:has-text('{text}')")
    page.keyboard.press("Enter")


def type_in_body(page, text):
    editable = page.locator(".ck-editor__editable").first
    editable.click()
    page.keyboard.press("End")
    page.keyboard.type(text)


def test_reporter_files_desk_returns_reporter_fixes_desk_publishes_reader_reads(chromium_browser, live_server):
    """A story goes from the reporter's keyboard to the public page through one return and a fix."""
    rita = UserFactory(username="rita", first_name="Rita", last_name="Reporter")
    rita.groups.add(Group.objects.get(name="Reporter"))
    AuthorFactory(name="Rita Reporter", user=rita)
    dana = UserFactory(username="dana", first_name="Dana", last_name="Desk")
    dana.groups.add(Group.objects.get(name="Desk editor"))
    EditorFactory(display_name="Dana Desk", user=dana)
    SectionFactory(name="News")
    SourceFactory(name="Newsroom Wire Service")

    # The reporter writes and submits.
    reporter = login(chromium_browser, live_server, "rita")
    reporter.goto(f"{live_server.url}/admin/articles/article/add/")
    reporter.fill("#id_headline", "Harbour reopens after storm")
    choose(reporter, "id_section", "News")
    choose(reporter, "id_source", "Newsroom")
    type_in_body(reporter, "Ships returned to the harbour on Monday.")
    choose(reporter, "id_byline-0-author", "Rita")
    reporter.click("input[name=_continue]")
    reporter.wait_for_selector("#workflow-panel")
    reporter.click("button[value=submit]")
    reporter.wait_for_selector(".messagelist .success")
    article = Article.objects.get(headline="Harbour reopens after storm")
    assert article.status == Article.Status.SUBMITTED
    assert "Ships returned to the harbour on Monday." in article.body

    # The desk returns it with a note.
    desk = login(chromium_browser, live_server, "dana")
    change_url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    desk.goto(change_url)
    desk.fill(".desk-action-return textarea[name=note_return]", "Say which harbour, and who reopened it.")
    desk.click("button[value=return]")
    desk.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT

    # The reporter reads the note, fixes the story and submits again.
    reporter.goto(change_url)
    assert "Say which harbour, and who reopened it." in reporter.inner_text("#return-note")
    type_in_body(reporter, " The port authority of Santos reopened it.")
    reporter.click("input[name=_continue]")
    reporter.wait_for_selector("#workflow-panel")
    reporter.click("button[value=submit]")
    reporter.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
    assert "port authority of Santos" in article.body

    # The desk publishes; the sign-off names the publishing editor.
    desk.goto(change_url)
    desk.click("button[value=publish]")
    desk.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED

    # A reader, signed in nowhere, reads the page.
    reader = chromium_browser.new_context().new_page()
    reader.goto(live_server.url + article.get_absolute_url())
    assert reader.inner_text("h1.headline") == "Harbour reopens after storm"
    body = reader.inner_text(".article-body")
    assert "Ships returned to the harbour on Monday." in body and "port authority of Santos" in body
    assert "Editor: Dana Desk" in reader.inner_text(".sign-off")
    assert "Rita Reporter" in reader.inner_text(".byline")
