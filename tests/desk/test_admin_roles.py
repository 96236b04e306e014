"""Roles in the admin: the groups exist, reporters see and edit only what the matrix allows."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_roles_exist_with_their_permissions():
    """The migration made the three groups; only the chief may withdraw, only the desk may publish."""
    perms = {g.name: {p.codename for p in g.permissions.all()} for g in Group.objects.all()}
    assert {"Reporter", "Desk editor", "Chief editor"} <= perms.keys()
    assert "publish_article" not in perms["Reporter"]
    assert "publish_article" in perms["Desk editor"] and "withdraw_article" not in perms["Desk editor"]
    assert {"publish_article", "withdraw_article", "change_section", "change_user"} <= perms["Chief editor"]


@pytest.mark.django_db
def test_reporter_list_shows_own_and_published_only(client, reporter, other_reporter, own_draft):
    """Rita sees her draft and published stories, not Oscar's draft."""
    ArticleFactory(headline="Oscar's draft", created_by=other_reporter, authors=[other_reporter.author_profile])
    ArticleFactory(headline="Already out", published=True)
    client.force_login(reporter)
    html = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert own_draft.headline in html and "Already out" in html
    assert "Oscar's draft" not in html


@pytest.mark.django_db
def test_reporter_finds_stories_where_only_the_byline_names_them(client, reporter, desk_editor):
    """A draft the desk created with Rita in the byline is hers too."""
    ArticleFactory(headline="Desk-made, Rita's byline", created_by=desk_editor, authors=[reporter.author_profile])
    client.force_login(reporter)
    assert "Desk-made, Rita" in client.get(reverse("admin:articles_article_changelist")).content.decode()


@pytest.mark.django_db
def test_reporter_edits_own_draft(client, reporter, own_draft):
    """Rita can save her own draft."""
    client.force_login(reporter)
    url = reverse("admin:articles_article_change", args=[own_draft.pk])
    assert client.post(url, change_form_data(client.get(url), headline="Better headline")).status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.headline == "Better headline"


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["submitted", "published"])
def test_reporter_cannot_edit_own_story_once_submitted(client, reporter, own_draft, state):
    """Once submitted (or published) Rita's story is read-only to her: the server refuses a save."""
    Article.objects.filter(pk=own_draft.pk).update(
        status=state, published_at=own_draft.created_at if state == "published" else None
    )
    client.force_login(reporter)
    url = reverse("admin:articles_article_change", args=[own_draft.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(url, {"headline": "Sneaky"}).status_code == 403


@pytest.mark.django_db
def test_reporter_cannot_edit_others_published_story(client, reporter):
    """A published story by someone else is visible but not editable to a reporter."""
    story = ArticleFactory(published=True)
    client.force_login(reporter)
    url = reverse("admin:articles_article_change", args=[story.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"headline": "Sneaky"}).status_code == 403


@pytest.mark.django_db
def test_reporter_cannot_open_others_draft(client, reporter, other_reporter):
    """Oscar's draft is not in Rita's admin at all."""
    story = ArticleFactory(created_by=other_reporter, authors=[other_reporter.author_profile])
    client.force_login(reporter)
    response = client.get(reverse("admin:articles_article_change", args=[story.pk]))
    assert response.status_code == 302  # the admin's "does not exist" redirect to the index


@pytest.mark.django_db
def test_new_story_belongs_to_its_reporter(client, reporter):
    """A story Rita adds is created_by Rita, a draft, and hers to submit."""
    from tests.factories import SectionFactory, SourceFactory

    section, source = SectionFactory(), SourceFactory()
    client.force_login(reporter)
    data = {
        "headline": "Fresh copy", "section": section.pk, "source": source.pk, "body": "<p>Text.</p>",
        "urgency": 5, "language": "en",
        "byline-TOTAL_FORMS": 1, "byline-INITIAL_FORMS": 0, "byline-MIN_NUM_FORMS": 0, "byline-MAX_NUM_FORMS": 1000,
        "byline-0-author": reporter.author_profile.pk, "byline-0-position": 0,
    }  # fmt: skip
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(headline="Fresh copy")
    assert article.created_by == reporter and article.status == Article.Status.DRAFT
    workflow.submit(article, user=reporter)


@pytest.mark.django_db
def test_bulk_publish_reports_refusals(client, desk_editor, reporter):
    """Publishing a selection publishes the submitted ones and explains each refusal."""
    ready = ArticleFactory(headline="Ready", created_by=reporter)
    gone = ArticleFactory(headline="Taken down", created_by=reporter, withdrawn=True)
    Article.objects.filter(pk=ready.pk).update(status=Article.Status.SUBMITTED)
    client.force_login(desk_editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk, gone.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "Cannot publish “Taken down”: it is withdrawn." in html
    ready.refresh_from_db()
    gone.refresh_from_db()
    assert ready.status == Article.Status.PUBLISHED and gone.status == Article.Status.WITHDRAWN


@pytest.mark.django_db
def test_bulk_return_uses_the_note(client, desk_editor, reporter):
    """Returning a selection sends each story back with the note typed in the action bar."""
    story = ArticleFactory(created_by=reporter)
    Article.objects.filter(pk=story.pk).update(status=Article.Status.SUBMITTED)
    client.force_login(desk_editor)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "return_selected", "_selected_action": [story.pk], "note": "Needs photos."},
    )
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    assert story.transitions.get().note == "Needs photos."


@pytest.mark.django_db
def test_reporter_has_no_publish_action(client, reporter):
    """The bulk publish action is not offered to reporters."""
    client.force_login(reporter)
    html = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "publish_selected" not in html and "return_selected" not in html


@pytest.mark.django_db
def test_bulk_delete_keeps_published_stories(client, chief_editor):
    """The chief's bulk delete removes drafts, but a selection with a published story is refused whole."""
    draft, live = ArticleFactory(), ArticleFactory(published=True)
    client.force_login(chief_editor)
    url = reverse("admin:articles_article_changelist")
    refused = client.post(url, {"action": "delete_selected", "_selected_action": [draft.pk, live.pk], "post": "yes"})
    assert refused.status_code == 403
    assert Article.objects.count() == 2
    client.post(url, {"action": "delete_selected", "_selected_action": [draft.pk], "post": "yes"})
    assert list(Article.objects.values_list("pk", flat=True)) == [live.pk]
