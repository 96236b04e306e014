"""`workflow.save_edit`: the one way a story's text is saved, by the admin, the buttons and the importer."""

from __future__ import annotations

import dataclasses

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles import workflow
from articles.models import Article
from articles.wire import importer
from articles.wire.text import WireStory
from articles.workflow import signals
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, user_in_role

pytestmark = pytest.mark.django_db


@dataclasses.dataclass
class PhotoCarryingStory(WireStory):
    """Copy from a feed that places one of the library's photos in the text."""

    photo_url: str = ""

    def body_html(self) -> str:
        return f'<p>Cranes moved again.</p><figure class="image"><img src="{self.photo_url}" alt="Port"></figure>'


def test_an_imported_body_gets_its_photos_completed():
    """The importer saves through save_edit, so a library photo in the copy gets srcset, width and height."""
    photo = PhotoFactory()
    story = PhotoCarryingStory(
        headline="Port cranes back at work",
        paragraphs=["Cranes moved again."],
        agency_short_name="HPA",
        photo_url=photo.best_url(1024),
    )
    article = importer.import_story(story, section=SectionFactory(), user=workflow.SYSTEM)
    body = Article.objects.get(pk=article.pk).body
    assert f'srcset="{photo.srcset()}"' in body
    assert 'width="700" height="466"' in body


def test_save_edit_sanitizes_and_sends_article_edited(django_capture_on_commit_callbacks):
    """Script is dropped from the body and the page cache hears of the edit once it is committed."""
    article = ArticleFactory(published=True)
    heard = []

    def receiver(**kwargs):
        heard.append(kwargs["article"].pk)

    signals.article_edited.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            workflow.save_edit(
                article,
                user=workflow.SYSTEM,
                data={"body": "<p>Fixed</p><script>alert(1)</script>"},
                base_revision=article.revision,
            )
    finally:
        signals.article_edited.disconnect(receiver)
    stored = Article.objects.get(pk=article.pk)
    assert stored.body == "<p>Fixed</p>"
    assert heard == [article.pk]


def test_a_stale_base_revision_is_refused_and_nothing_is_written():
    """Someone saved after this editor opened the story: their save is refused, the story unchanged."""
    article = ArticleFactory(status="submitted", headline="First headline", body="<p>First</p>")
    opened_at = article.revision
    other = Article.objects.get(pk=article.pk)
    workflow.save_edit(other, user=workflow.SYSTEM, data={"headline": "Their headline"}, base_revision=opened_at)
    with pytest.raises(workflow.EditConflictError) as refused:
        workflow.save_edit(
            article, user=workflow.SYSTEM, data={"body": "<p>Mine</p>", "headline": "Mine"}, base_revision=opened_at
        )
    assert "after you opened it" in str(refused.value)
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.body, stored.revision) == ("Their headline", "<p>First</p>", opened_at + 1)


def test_an_invalid_edit_names_the_field_and_writes_nothing():
    article = ArticleFactory(headline="Kept")
    with pytest.raises(ValidationError) as refused:
        workflow.save_edit(article, user=workflow.SYSTEM, data={"headline": "x" * 400}, base_revision=None)
    assert "headline" in refused.value.message_dict
    assert Article.objects.get(pk=article.pk).headline == "Kept"


def test_a_reporter_cannot_edit_a_submitted_story():
    reporter = user_in_role("Reporter")
    article = ArticleFactory(status="submitted", created_by=reporter)
    with pytest.raises(PermissionDenied):
        workflow.save_edit(article, user=reporter, data={"headline": "Late change"}, base_revision=article.revision)


@pytest.mark.parametrize("who", [{"user": None}, {}], ids=["user=None", "no user"])
def test_save_edit_without_an_actor_raises_and_changes_nothing(who):
    article = ArticleFactory(headline="Untouched")
    revision = article.revision
    with pytest.raises(TypeError):
        workflow.save_edit(article, data={"headline": "Changed"}, base_revision=revision, **who)
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.revision) == ("Untouched", revision)
