"""The change form's transition buttons save what is typed and move the story, both or neither."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Correction
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

S = Article.Status


def story(reporter, status, **fields):
    article = ArticleFactory(
        headline="Tram fares rise in Lisbon",
        body="<p>Fares rise by 45 million euros.</p>",
        created_by=reporter,
        authors=[reporter.author_profile],
        published=status == S.PUBLISHED,
        **fields,
    )
    Article.objects.filter(pk=article.pk).update(status=status)
    return Article.objects.get(pk=article.pk)


def press(client, article, name, **extra):
    """Open the change form, edit headline and body, press the button `name`."""
    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    data = change_form_data(
        page, headline="Tram fares rise by a fifth", body="<p>Fares rise by 54 million euros.</p>", **extra
    )
    return client.post(reverse("admin:articles_article_transition", args=[article.pk, name]), data)


@pytest.mark.parametrize(
    ("name", "start", "end", "extra"),
    [
        ("submit", S.DRAFT, S.SUBMITTED, {}),
        ("return", S.SUBMITTED, S.DRAFT, {"note_return": "Say who raised them."}),
        ("publish", S.SUBMITTED, S.PUBLISHED, {}),
        ("schedule", S.SUBMITTED, S.PUBLISHED, {"at": "2099-01-08T14:00"}),
        ("correct", S.PUBLISHED, S.PUBLISHED, {"note_correct": "The sum is 54 million, not 45 million."}),
        ("withdraw", S.PUBLISHED, S.WITHDRAWN, {"note_withdraw": "Legal advice.", "confirmed": "1"}),
    ],
)
def test_each_button_saves_the_typed_text_with_the_transition(client, chief_editor, reporter, name, start, end, extra):
    article = story(reporter, start)
    client.force_login(reporter if name == "submit" else chief_editor)
    response = press(client, article, name, **extra)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == end
    assert stored.headline == "Tram fares rise by a fifth"
    assert stored.body == "<p>Fares rise by 54 million euros.</p>"


def test_a_correction_and_its_corrected_text_go_live_together(client, desk_editor, reporter):
    article = story(reporter, S.PUBLISHED)
    client.force_login(desk_editor)
    press(client, article, "correct", note_correct="It was 54 million euros.")
    public = client.get(Article.objects.get(pk=article.pk).get_absolute_url()).content.decode()
    assert "It was 54 million euros." in public
    assert "Fares rise by 54 million euros." in public
    assert "45 million" not in public


@pytest.mark.parametrize(
    ("name", "start", "extra", "reason"),
    [
        ("return", S.SUBMITTED, {}, "a note is required"),
        ("correct", S.PUBLISHED, {"note_correct": "  "}, "needs a public note"),
        ("schedule", S.SUBMITTED, {"at": "2026-02-30T10:00"}, "not a real date"),
        ("publish", S.SUBMITTED, {"byline-0-DELETE": "on"}, "Add at least one author"),
    ],
)
def test_a_refused_transition_keeps_the_typed_text_in_the_form(
    client, desk_editor, reporter, name, start, extra, reason
):
    article = story(reporter, start)
    before = (article.headline, article.body, article.revision)
    client.force_login(desk_editor)
    response = press(client, article, name, **extra)
    assert response.status_code == 200
    html = response.content.decode()
    assert reason in html
    assert 'value="Tram fares rise by a fifth"' in html
    assert "Fares rise by 54 million euros." in html
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.body, stored.revision, stored.status) == (*before, start)
    assert not stored.transitions.exists()


def test_a_form_error_refuses_the_transition_and_keeps_the_text(client, desk_editor, reporter):
    article = story(reporter, S.SUBMITTED)
    client.force_login(desk_editor)
    response = press(client, article, "publish", urgency="12")
    assert response.status_code == 200
    assert "Fares rise by 54 million euros." in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == S.SUBMITTED


def test_a_transition_from_a_stale_form_is_refused_as_a_conflict(client, desk_editor, reporter):
    article = story(reporter, S.SUBMITTED)
    client.force_login(desk_editor)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    Article.objects.get(pk=article.pk).save()  # someone else saves meanwhile
    data = change_form_data(page, body="<p>Fares rise by 54 million euros.</p>")
    response = client.post(reverse("admin:articles_article_transition", args=[article.pk, "publish"]), data)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == S.SUBMITTED


def test_withdraw_asks_first_naming_what_readers_will_see(client, chief_editor, reporter):
    article = story(reporter, S.PUBLISHED)
    client.force_login(chief_editor)
    response = press(client, article, "withdraw", note_withdraw="A court ordered it taken down.")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Withdrawing cannot be undone." in html
    assert "This story has been withdrawn" in html
    assert "A court ordered it taken down." in html
    # The typed text rides along in the confirmation, to be saved with the withdrawal.
    assert 'value="Tram fares rise by a fifth"' in html
    assert Article.objects.get(pk=article.pk).status == S.PUBLISHED
    assert not Correction.objects.exists()


def test_keep_editing_on_the_confirmation_returns_the_typed_form_unsaved(client, chief_editor, reporter):
    article = story(reporter, S.PUBLISHED)
    client.force_login(chief_editor)
    response = press(client, article, "withdraw", note_withdraw="Legal.", keep_editing="1")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not withdrawn" in html
    assert 'value="Tram fares rise by a fifth"' in html
    stored = Article.objects.get(pk=article.pk)
    assert (stored.status, stored.headline) == (S.PUBLISHED, "Tram fares rise in Lisbon")
