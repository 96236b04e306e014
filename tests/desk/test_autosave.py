"""The unsaved copy: kept per person and story, offered back on reopening, gone once saved, never public."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article, UnsavedCopy
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(reporter):
    return ArticleFactory(
        headline="Bridge closes for repairs", body="<p>The bridge closes on Monday.</p>", created_by=reporter,
        authors=[reporter.author_profile],
    )  # fmt: skip


def keep(client, article, **fields):
    data = {"base_revision": article.revision, **fields}
    return client.post(reverse("admin:articles_article_autosave", args=[article.pk]), data)


def test_a_kept_copy_is_offered_with_its_time_and_restored_into_the_form(client, reporter, draft):
    client.force_login(reporter)
    answer = keep(client, draft, headline="Bridge closes for a month", body="<p>Closed until June.</p>")
    assert answer.json()["kept"] is True
    copy = UnsavedCopy.objects.get()
    assert copy.fields["body"] == "<p>Closed until June.</p>"
    assert Article.objects.get(pk=draft.pk).body == "<p>The bridge closes on Monday.</p>", "not a save"

    change_url = reverse("admin:articles_article_change", args=[draft.pk])
    page = client.get(change_url).content.decode()
    assert "You have unsaved changes to this story, kept at" in page
    assert answer.json()["at"] in page

    restored = client.get(change_url + "?restore=1")
    form = restored.context["adminform"].form
    assert form["headline"].value() == "Bridge closes for a month"
    assert form["body"].value() == "<p>Closed until June.</p>"
    assert "Save to keep them" in restored.content.decode()


def test_saving_the_story_deletes_the_copy(client, reporter, draft):
    client.force_login(reporter)
    keep(client, draft, body="<p>Closed until June.</p>")
    change_url = reverse("admin:articles_article_change", args=[draft.pk])
    page = client.get(change_url + "?restore=1")
    response = client.post(change_url, change_form_data(page, _continue="1"))
    assert response.status_code == 302
    assert Article.objects.get(pk=draft.pk).body == "<p>Closed until June.</p>"
    assert not UnsavedCopy.objects.exists()


def test_one_copy_per_person_and_story_each_sees_only_their_own(reporter, desk_editor, draft):
    rita, dana = Client(), Client()
    rita.force_login(reporter)
    dana.force_login(desk_editor)
    keep(rita, draft, body="<p>Rita's first.</p>")
    keep(rita, draft, body="<p>Rita's second.</p>")
    keep(dana, draft, body="<p>Dana's.</p>")
    assert UnsavedCopy.objects.count() == 2
    assert UnsavedCopy.objects.get(user=reporter).fields["body"] == "<p>Rita's second.</p>"
    page = dana.get(reverse("admin:articles_article_change", args=[draft.pk]) + "?restore=1")
    assert page.context["adminform"].form["body"].value() == "<p>Dana's.</p>"


def test_discarding_removes_the_copy(client, reporter, draft):
    client.force_login(reporter)
    keep(client, draft, body="<p>Closed until June.</p>")
    response = client.post(reverse("admin:articles_article_autosave", args=[draft.pk]), {"discard": "1"})
    assert response.status_code == 302
    assert not UnsavedCopy.objects.exists()


def test_someone_who_may_not_edit_keeps_no_copy(client, other_reporter, draft):
    """Another reporter cannot even open the draft, let alone keep text for it."""
    client.force_login(other_reporter)
    assert keep(client, draft, body="<p>Not mine.</p>").status_code == 404
    assert not UnsavedCopy.objects.exists()


def test_the_preview_button_shows_the_unsaved_text_and_saves_nothing(client, reporter, draft):
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_article_live_preview", args=[draft.pk]),
        {"headline": "Bridge closes for a month", "body": "<p>Closed until June.</p><script>x()</script>"},
    )
    html = response.content.decode()
    assert "Bridge closes for a month" in html
    assert "Closed until June." in html
    assert "x()" not in html
    assert "not saved yet" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert Article.objects.get(pk=draft.pk).headline == "Bridge closes for repairs"


def test_a_read_only_body_shows_text_not_markup(client, reporter, draft):
    """After submitting, the reporter reads the story as text, not `<h2>…</h2>` tags."""
    Article.objects.filter(pk=draft.pk).update(
        status=Article.Status.SUBMITTED, body="<h2>Back on the hills</h2><p>Sheep.</p>"
    )
    client.force_login(reporter)
    html = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert '<div class="body-as-read"><h2>Back on the hills</h2><p>Sheep.</p></div>' in html
    assert "&lt;h2&gt;" not in html
