"""Sections are in every public page's navigation: a changed section retires the cached pages."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Section
from articles.public.cache import purge_public_pages


@receiver(post_save, sender=Section, dispatch_uid="section_saved_purge_pages")
@receiver(post_delete, sender=Section, dispatch_uid="section_deleted_purge_pages")
def purge_pages_on_section_change(sender: type[Section], instance: Section, raw: bool = False, **kwargs: Any) -> None:
    """A cached page must never show a navigation that a fresh one would not."""
    if raw:
        return  # loading fixtures: nothing is cached from this database yet
    transaction.on_commit(purge_public_pages, robust=True)
