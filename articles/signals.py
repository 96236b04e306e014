"""Every signal receiver of the newsroom, in one place.

The one path that retires cached public pages: the workflow's own signals (published, corrected,
withdrawn, restored, edited; sent after the commit) and any saved or deleted row that a public page
shows (sections in the navigation, sources on the meta line, authors in bylines, editors in the
sign-off, photos, bylines and tags) all end in `purge_public_pages`, and nothing else calls it.
Listeners of wave 2 (the front layer, the subscribers' feed) hang off the same signals.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleAuthor, Author, Editor, Photo, Section, Source
from articles.photos import services as photo_services
from articles.plaintext import strip_control_characters
from articles.public import front
from articles.public.cache import purge_public_pages
from articles.workflow import signals as workflow_signals

logger = logging.getLogger(__name__)


def _purge() -> None:
    # A cache outage must not fail the change that caused the purge: it is logged, and cached
    # pages then expire by themselves.
    try:
        purge_public_pages()
    except Exception:
        logger.exception("Could not retire the cached public pages")


def _purge_on_commit() -> None:
    transaction.on_commit(_purge)


# --- The workflow: already committed when these arrive ---------------------------------------


@receiver(workflow_signals.article_published, dispatch_uid="purge_on_publish")
@receiver(workflow_signals.article_corrected, dispatch_uid="purge_on_correct")
@receiver(workflow_signals.article_withdrawn, dispatch_uid="purge_on_withdraw")
def purge_on_transition(sender: type[Article], article: Article, **kwargs: Any) -> None:
    """A publication, a correction or a withdrawal shows on every page that lists or carries the story."""
    _purge()


@receiver(workflow_signals.article_restored, dispatch_uid="purge_on_restore")
@receiver(workflow_signals.article_edited, dispatch_uid="purge_on_edit")
def purge_on_new_text(sender: type[Article], article: Article, **kwargs: Any) -> None:
    """New text on a story readers can see (a desk fix, a restored version) shows at the next request."""
    if article.status == Article.Status.PUBLISHED:
        _purge()


@receiver(workflow_signals.article_published, dispatch_uid="front_on_publish")
@receiver(workflow_signals.article_corrected, dispatch_uid="front_on_correct")
@receiver(workflow_signals.article_withdrawn, dispatch_uid="front_on_withdraw")
@receiver(workflow_signals.article_restored, dispatch_uid="front_on_restore")
@receiver(workflow_signals.article_edited, dispatch_uid="front_on_edit")
def refresh_front_layer(sender: type[Article], article: Article, **kwargs: Any) -> None:
    """The front server's copies of the story's pages are fetched again (and when its embargo lifts)."""
    if article.status in (Article.Status.PUBLISHED, Article.Status.WITHDRAWN):
        front.refresh_pages_of(article)


# --- Rows that public pages show --------------------------------------------------------------


@receiver(pre_save, sender=Tag, dispatch_uid="tag_name_without_controls")
def tag_name_without_controls(sender: Any, instance: Tag, **kwargs: Any) -> None:
    """Keywords are text the pages and feeds show: stored without control characters, as ours are."""
    instance.name = strip_control_characters(instance.name)


@receiver(post_save, sender=Section, dispatch_uid="purge_on_section_save")
@receiver(post_delete, sender=Section, dispatch_uid="purge_on_section_delete")
@receiver(post_save, sender=Source, dispatch_uid="purge_on_source_save")
@receiver(post_save, sender=Author, dispatch_uid="purge_on_author_save")
@receiver(post_save, sender=Editor, dispatch_uid="purge_on_editor_save")
@receiver(post_delete, sender=Editor, dispatch_uid="purge_on_editor_delete")
@receiver(post_save, sender=Tag, dispatch_uid="purge_on_tag_save")
def purge_on_shown_row(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Sections (the navigation), sources, people and tag names appear on many pages at once.

    Sources and authors cannot be deleted while a story names them (PROTECT), and a deleted tag
    takes its taggings with it (their own receiver), so only their saves are connected here.
    """
    if raw:
        return  # loading fixtures: nothing is cached from this database yet
    _purge_on_commit()


@receiver(post_save, sender=ArticleAuthor, dispatch_uid="purge_on_byline_save")
@receiver(post_delete, sender=ArticleAuthor, dispatch_uid="purge_on_byline_delete")
@receiver(post_save, sender=TaggedItem, dispatch_uid="purge_on_tagging_save")
@receiver(post_delete, sender=TaggedItem, dispatch_uid="purge_on_tagging_delete")
def purge_on_story_part(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """A byline or tag changed on a story readers can see."""
    if raw:
        return
    article_id = instance.article_id if isinstance(instance, ArticleAuthor) else instance.object_id
    if Article.objects.published_or_embargoed().filter(pk=article_id).exists():
        _purge_on_commit()


@receiver(post_save, sender=Photo, dispatch_uid="purge_on_photo_save")
def purge_on_photo_save(sender: type[Photo], instance: Photo, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """A changed caption, credit, crop or file must show on cached pages that carry the photo."""
    if raw or created:
        return  # a new photo is on no page yet
    if Article.objects.using_photo(instance).exists():
        _purge_on_commit()


@receiver(photo_services.renditions_made, dispatch_uid="purge_on_renditions_made")
def purge_on_renditions_made(sender: type[Photo], photo: Photo, **kwargs: Any) -> None:
    """New renditions (a new picture or focal point) replace the master on pages that carry it."""
    if Article.objects.using_photo(photo).exists():
        _purge_on_commit()


@receiver(post_delete, sender=Photo, dispatch_uid="purge_on_photo_delete")
def purge_on_photo_delete(sender: type[Photo], instance: Photo, **kwargs: Any) -> None:
    """A deleted photo disappears from the pages that showed it."""
    # Its stories were unlinked by SET_NULL before this signal, so which pages showed it is no
    # longer known; deleting a photo is rare enough to renew every page.
    _purge_on_commit()
