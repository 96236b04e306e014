"""Desk fields: slugline, urgency and the editor's note in the admin; breaking strip on the home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_editors_note_is_never_shown_to_readers(client):
    """Readers never see the desk's note or the slugline."""
    story = ArticleFactory(published=True, slugline="TURKEY-CHINA-EV", editors_note="Check the figures with Ankara")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Check the figures with Ankara" not in html
    assert "TURKEY-CHINA-EV" not in html
    assert "Check the figures" not in client.get(reverse("articles:home")).content.decode()


@pytest.mark.django_db
def test_desk_fields_are_list_columns_and_filters(client, desk_editor):
    """The desk's list shows slugline and urgency (the note stays in the form) and filters by urgency and note."""
    ArticleFactory(headline="Flash story", slugline="QUAKE-FLASH", urgency=1, editors_note="Call the bureau")
    ArticleFactory(headline="Routine story", slugline="ROUTINE", urgency=6)
    client.force_login(desk_editor)
    url = reverse("admin:articles_article_changelist")
    html = client.get(url).content.decode()
    assert "QUAKE-FLASH" in html and "Call the bureau" not in html
    flash_only = client.get(url, {"urgency": "breaking"}).content.decode()
    assert "Flash story" in flash_only and "Routine story" not in flash_only
    noted = client.get(url, {"has_note": "yes"}).content.decode()
    assert "Flash story" in noted and "Routine story" not in noted
    by_slugline = client.get(url, {"q": "quake-flash"}).content.decode()
    assert "Flash story" in by_slugline and "Routine story" not in by_slugline


@pytest.mark.django_db
def test_urgency_outside_one_to_nine_is_refused(client, desk_editor):
    """The form refuses an urgency of 0 or 10 (IPTC urgency is 1 to 9)."""
    story = ArticleFactory()
    client.force_login(desk_editor)
    response = client.get(reverse("admin:articles_article_change", args=[story.pk]))
    form = response.context["adminform"].form
    data = {**form.initial, "urgency": 10}
    form = type(form)(data=data, instance=story)
    assert "urgency" in form.errors


@pytest.mark.django_db
@pytest.mark.usefixtures("no_page_cache")
def test_breaking_strip_shows_recent_urgent_stories(client, django_assert_num_queries):
    """The home page's breaking strip lists urgency 1–2 stories of the last six hours only."""
    now = timezone.now()
    ArticleFactory(published=True, headline="Flash: quake hits", urgency=1)
    ArticleFactory(published=True, headline="Urgent: talks collapse", urgency=2)
    ArticleFactory(published=True, headline="Routine: council meets", urgency=5)
    ArticleFactory(
        published=True,
        headline="Old flash",
        urgency=1,
        published_at=now - datetime.timedelta(hours=7),
        updated_at=now - datetime.timedelta(hours=7),
    )
    # Queries: 1 the lead story; 2 the sections (the top ones also the navigation); 3 the ids of
    # the latest stories of every section; 4 those stories; 5 the breaking stories.
    with django_assert_num_queries(5):
        html = client.get(reverse("articles:home")).content.decode()
    strip = html.split('class="breaking"', 1)[1].split("</aside>", 1)[0]
    assert "Flash: quake hits" in strip and "Urgent: talks collapse" in strip
    assert "Routine: council meets" not in strip and "Old flash" not in strip


@pytest.mark.django_db
def test_no_breaking_strip_without_breaking_news(client):
    """With no urgent story the strip is not there at all."""
    ArticleFactory(published=True, urgency=5)
    assert 'class="breaking"' not in client.get(reverse("articles:home")).content.decode()
