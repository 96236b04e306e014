"""History: every save is a version, with a readable diff and a restore that never touches status."""

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory


@pytest.fixture
def story_with_versions(desk_editor):
    article = ArticleFactory(published=True, headline="Original headline", body="<p>Original body text.</p>")
    article._history_user = desk_editor
    article.headline = "Edited headline"
    article.body = "<p>Edited body text.</p>"
    article.save()
    return article


@pytest.mark.django_db
def test_every_save_is_a_version(story_with_versions):
    """Creating and then editing a story leaves two versions, newest first."""
    versions = list(story_with_versions.history.all())
    assert [v.headline for v in versions] == ["Edited headline", "Original headline"]


@pytest.mark.django_db
def test_versions_page_shows_a_readable_diff(client, desk_editor, story_with_versions):
    """The versions page names who saved and shows removed and added words."""
    client.force_login(desk_editor)
    html = client.get(reverse("admin:articles_article_versions", args=[story_with_versions.pk])).content.decode()
    assert "Dana Desk" in html
    assert "<del>Original</del><ins>Edited</ins> headline" in html
    assert "<del>Original</del><ins>Edited</ins> body text." in html


@pytest.mark.django_db
def test_restore_brings_back_text_but_not_status(client, desk_editor, chief_editor, story_with_versions):
    """Restoring the first version of a published story brings back its text and leaves it published."""
    oldest = story_with_versions.history.order_by("history_id").first()
    # The status moved on after the version was saved: it must stay where it is now.
    client.force_login(desk_editor)
    url = reverse("admin:articles_article_restore", args=[story_with_versions.pk, oldest.history_id])
    response = client.post(url)
    assert response.status_code == 302
    story_with_versions.refresh_from_db()
    assert story_with_versions.headline == "Original headline"
    assert story_with_versions.body == "<p>Original body text.</p>"
    assert story_with_versions.status == Article.Status.PUBLISHED
    assert story_with_versions.history.first().history_user == desk_editor
    logged = story_with_versions.transitions.get()
    assert logged.user == desk_editor and logged.note.startswith("Restored the text of revision 1")


@pytest.mark.django_db
def test_restore_never_revives_an_old_status(desk_editor, reporter):
    """A story returned to draft, restored to its submitted version's text, stays a draft."""
    article = ArticleFactory(created_by=reporter, authors=[reporter.author_profile], headline="First go")
    workflow.submit(article, user=reporter)
    submitted_version = article.history.first()
    workflow.return_to_author(article, user=desk_editor, note="Shorter please.")
    workflow.restore_version(article, user=desk_editor, version_id=submitted_version.history_id)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


@pytest.mark.django_db
def test_reporter_cannot_restore(client, reporter, story_with_versions):
    """A reporter sees no restore button and a forged restore is refused."""
    oldest = story_with_versions.history.order_by("history_id").first()
    client.force_login(reporter)
    html = client.get(reverse("admin:articles_article_versions", args=[story_with_versions.pk])).content.decode()
    assert "Restore this version" not in html
    client.post(reverse("admin:articles_article_restore", args=[story_with_versions.pk, oldest.history_id]))
    story_with_versions.refresh_from_db()
    assert story_with_versions.headline == "Edited headline"


@pytest.mark.django_db
def test_restore_refuses_another_articles_version(desk_editor, story_with_versions):
    """A version id from another story is refused with a reason."""
    other = ArticleFactory(published=True)
    with pytest.raises(workflow.WorkflowError):
        workflow.restore_version(story_with_versions, user=desk_editor, version_id=other.history.first().history_id)


@pytest.mark.django_db
def test_versions_page_shows_state_changes_and_skips_formatting(client, desk_editor, reporter):
    """Publishing shows as Draft → Published; a save that only re-wraps the text shows no body change."""
    article = ArticleFactory(created_by=reporter, authors=[reporter.author_profile], body="<p>One.</p><p>Two.</p>")
    article.body = "<p>One.</p>\n<p>Two.</p>"
    article.save()
    workflow.submit(article, user=reporter)
    workflow.publish(article, user=desk_editor)
    client.force_login(desk_editor)
    html = client.get(reverse("admin:articles_article_versions", args=[article.pk])).content.decode()
    assert "<del>Submitted</del> → <ins>Published</ins>" in html
    assert "Saved without changes to the story" in html, "the re-wrapped body is not a change"


def test_long_unchanged_text_is_shortened_in_diffs():
    """A one-word fix in a long story shows the change with a little context, not the whole story."""
    from articles.admin.diffs import word_diff

    long = " ".join(f"word{n}" for n in range(200))
    pieces = word_diff(f"<p>{long} teh end</p>", f"<p>{long} the end</p>")
    assert ("del", "teh") in pieces and ("ins", "the") in pieces
    assert sum(len(text) for _, text in pieces) < 300


@pytest.mark.django_db
def test_versions_page_shows_a_corrections_public_note(client, desk_editor):
    """The version a correction made says so, with the note readers see under the story."""
    story = ArticleFactory(published=True, headline="Fares rise")
    workflow.correct(story, user=desk_editor, note="The rise is 5%, not 50%.")
    client.force_login(desk_editor)
    html = client.get(reverse("admin:articles_article_versions", args=[story.pk])).content.decode()
    newest = html.split('class="module desk-version"', 2)[1]
    assert "Public correction:" in newest and "The rise is 5%, not 50%." in newest
    assert html.count("The rise is 5%, not 50%.") == 1
