"""Preview for staff and share links for reviewers: never cached, never indexed, one article only."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import ShareLink
from tests.factories import ArticleFactory, ShareLinkFactory


@pytest.fixture
def draft(reporter):
    return ArticleFactory(
        headline="Unpublished scoop", created_by=reporter, authors=[reporter.author_profile], editors_note="secret"
    )


@pytest.mark.django_db
def test_staff_preview_shows_banner_and_is_never_cached(client, desk_editor, draft):
    """A desk editor sees the draft as readers would, under a 'Preview — not published' banner."""
    client.force_login(desk_editor)
    response = client.get(reverse("articles:preview", args=[draft.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview — not published" in html and "Unpublished scoop" in html
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "secret" not in html


@pytest.mark.django_db
def test_preview_is_404_for_anonymous_readers(client, draft):
    """A reader without a login gets a plain 404, as if there were nothing there."""
    assert client.get(reverse("articles:preview", args=[draft.pk])).status_code == 404


@pytest.mark.django_db
def test_reporter_previews_own_story_but_not_others(client, reporter, other_reporter, draft):
    """Rita previews her draft; Oscar, another reporter, gets a 404 for it."""
    client.force_login(reporter)
    assert client.get(reverse("articles:preview", args=[draft.pk])).status_code == 200
    client.force_login(other_reporter)
    assert client.get(reverse("articles:preview", args=[draft.pk])).status_code == 404


@pytest.mark.django_db
def test_share_link_shows_that_article_to_anyone_noindex(client, desk_editor, draft):
    """A lawyer without an account opens the link and reads that one draft; robots are told to stay out."""
    client.force_login(desk_editor)
    client.post(reverse("admin:articles_article_share", args=[draft.pk]), {"label": "Our lawyer", "hours": "48"})
    link = ShareLink.objects.get(article=draft)
    assert abs(link.expires_at - (timezone.now() + datetime.timedelta(hours=48))) < datetime.timedelta(minutes=1)
    client.logout()
    response = client.get(link.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unpublished scoop" in html and "Preview — not published" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_share_link_expires(client, draft):
    """After 48 hours the link is a 404."""
    link = ShareLinkFactory(article=draft)
    assert client.get(link.get_absolute_url()).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49)):
        assert client.get(link.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_share_link_can_be_revoked(client, desk_editor, draft):
    """Once the desk revokes it the link no longer works."""
    link = ShareLinkFactory(article=draft)
    client.force_login(desk_editor)
    client.post(reverse("admin:articles_article_share_revoke", args=[draft.pk, link.pk]))
    client.logout()
    assert client.get(link.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_forged_share_token_is_refused(client, draft):
    """A token with a guessed id but no valid signature opens nothing."""
    link = ShareLinkFactory(article=draft)
    forged = f"{link.pk}:forged-signature"
    assert client.get(reverse("articles:share", args=[forged])).status_code == 404


@pytest.mark.django_db
def test_share_link_shows_only_its_article(client, draft):
    """The link for one draft says nothing of another."""
    ArticleFactory(headline="Another secret draft")
    link = ShareLinkFactory(article=draft)
    html = client.get(link.get_absolute_url()).content.decode()
    assert "Another secret draft" not in html


@pytest.mark.django_db
def test_reporter_cannot_make_share_links(client, reporter, draft):
    """Only the desk makes share links."""
    client.force_login(reporter)
    response = client.post(reverse("admin:articles_article_share", args=[draft.pk]), {"label": "x"})
    assert response.status_code == 403
    assert not ShareLink.objects.exists()


@pytest.mark.django_db
def test_share_link_stops_when_the_story_is_withdrawn(client, chief_editor):
    """A killed story no longer opens through a reviewer's link."""
    from articles import workflow

    story = ArticleFactory(published=True)
    link = ShareLinkFactory(article=story)
    workflow.withdraw(story, user=chief_editor, note="Legal.")
    assert client.get(link.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.usefixtures("no_page_cache")
def test_share_page_query_count_is_fixed(client, draft, django_assert_num_queries):
    """A reviewer's page costs the same few queries whatever the story."""
    link = ShareLinkFactory(article=draft)
    # Queries: 1 the share link; 2 the article with section, source and editor; 3 its byline;
    # 4 its corrections; 5 the breadcrumb sections; 6 the navigation sections.
    with django_assert_num_queries(6):
        assert client.get(link.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_share_link_to_a_public_story_says_plainly_that_it_is_public(client):
    """A reviewer's link to a story that went public says so, with no "not published" banner."""
    story = ArticleFactory(published=True, headline="Out in the open")
    html = client.get(ShareLinkFactory(article=story).get_absolute_url()).content.decode()
    banner = html.split('class="preview-banner"', 1)[1].split("</div>", 1)[0]
    assert "This story is public now: readers see it at its address." in banner
    assert "not published" not in banner


@pytest.mark.django_db
def test_share_link_under_embargo_is_still_a_preview(client):
    """Until its embargo ends the story is not public, and the banner says so."""
    story = ArticleFactory(embargoed=True)
    html = client.get(ShareLinkFactory(article=story).get_absolute_url()).content.decode()
    assert "Preview — not published" in html and "public now" not in html
