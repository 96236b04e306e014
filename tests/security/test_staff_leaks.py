"""Staff screens show a person only the stories they may see: view-on-site, a photo's "used in", versions."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, UserFactory

pytestmark = pytest.mark.django_db


def shortcut(article: Article) -> str:
    content_type = ContentType.objects.get_for_model(Article)
    return reverse("admin:view_on_site", args=[content_type.pk, article.pk])


@pytest.fixture
def stories(other_reporter):
    """Another reporter's draft, an embargoed story and a published one."""
    return {
        "draft": ArticleFactory(headline="Secret merger talks", created_by=other_reporter,
                                authors=[other_reporter.author_profile]),
        "embargoed": ArticleFactory(embargoed=True, headline="Budget figures under embargo"),
        "published": ArticleFactory(published=True, headline="Harbour reopens"),
    }  # fmt: skip


@pytest.fixture
def photo_clerk(db):
    """A staff member with no rights over stories (the photo desk's intern)."""
    from django.contrib.auth.models import Permission

    user = UserFactory(username="intern")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_photo", "change_photo"]))
    return user


def test_view_on_site_answers_404_for_a_story_the_person_may_not_see(client, reporter, stories):
    """A reporter asking the shortcut for another reporter's draft gets 404, not its address."""
    client.force_login(reporter)
    response = client.get(shortcut(stories["draft"]))
    assert response.status_code == 404
    assert stories["draft"].slug not in response.content.decode()


def test_view_on_site_for_staff_without_story_rights_shows_only_public_stories(client, photo_clerk, stories):
    """Staff without article rights get 404 for drafts and embargoed stories, the page for public ones."""
    client.force_login(photo_clerk)
    assert client.get(shortcut(stories["draft"])).status_code == 404
    assert client.get(shortcut(stories["embargoed"])).status_code == 404
    response = client.get(shortcut(stories["published"]))
    assert response.status_code == 302
    assert response["Location"].endswith(stories["published"].get_absolute_url())


def test_view_on_site_still_opens_what_the_person_may_see(client, reporter, desk_editor, stories):
    """The desk's shortcut opens the preview of an unpublished story; a reporter's opens their own draft."""
    client.force_login(desk_editor)
    response = client.get(shortcut(stories["draft"]))
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("articles:preview", args=[stories["draft"].pk]))
    own = ArticleFactory(created_by=reporter, authors=[reporter.author_profile])
    client.force_login(reporter)
    response = client.get(shortcut(own))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_the_photo_page_names_only_stories_the_viewer_may_see(client, reporter, desk_editor, stories):
    """A reporter's view of a photo lists the published story using it, not another reporter's draft."""
    photo = PhotoFactory()
    for story in stories.values():
        Article.objects.filter(pk=story.pk).update(lead_photo=photo)
    url = reverse("admin:articles_photo_change", args=[photo.pk])
    client.force_login(reporter)
    html = client.get(url).content.decode()
    assert "Harbour reopens" in html
    assert "Secret merger talks" not in html
    client.force_login(desk_editor)
    html = client.get(url).content.decode()
    assert "Harbour reopens" in html and "Secret merger talks" in html


def test_the_photo_page_names_no_story_for_staff_without_story_rights(client, photo_clerk, stories):
    """Staff without article rights see only public stories in "used in"."""
    photo = PhotoFactory()
    for story in stories.values():
        Article.objects.filter(pk=story.pk).update(lead_photo=photo)
    client.force_login(photo_clerk)
    html = client.get(reverse("admin:articles_photo_change", args=[photo.pk])).content.decode()
    assert "Harbour reopens" in html
    assert "Secret merger talks" not in html and "Budget figures under embargo" not in html


def test_the_versions_page_needs_the_history_permission(client, reporter, desk_editor):
    """Without permission to view history the versions page answers 403 and the form has no Versions link."""
    own = ArticleFactory(created_by=reporter, authors=[reporter.author_profile], headline="My draft")
    url = reverse("admin:articles_article_versions", args=[own.pk])
    client.force_login(reporter)
    assert client.get(url).status_code == 403
    assert url not in client.get(reverse("admin:articles_article_change", args=[own.pk])).content.decode()
    client.force_login(desk_editor)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("admin:articles_article_change", args=[own.pk])).content.decode()
