"""Making, storing and removing the files of the photo library.

Renditions are made once per new file or focal point, by the background task that
`articles.photos.services` queues, never while a reader or the desk waits. Every file goes through
the default storage (`STORAGES["default"]`), so the same code writes to a local folder in
development and to an S3-compatible bucket in production.

Rendition files have stable names (`photos/<key>/full-640.webp`): when the desk replaces a photo's
file, an <img> already placed in a story body keeps working and shows the new picture (a photo
replaced for legal reasons disappears everywhere). Files of a deleted photo are removed after the
transaction commits, so a rolled-back delete never leaves rows pointing at missing files; these
file-deleting receivers are the only ones here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from articles.models import Photo, Rendition
from articles.photos import encoding

logger = logging.getLogger(__name__)

CROP_LABELS = {encoding.FULL: "full", encoding.THUMB: "thumb"}
EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}


def rendition_name(photo: Photo, crop: str, width: int, fmt: str) -> str:
    """The storage name of one rendition: stable for a photo, crop, width and format."""
    return f"photos/{photo.key}/{CROP_LABELS[crop]}-{width}.{EXTENSIONS[fmt]}"


def _write(name: str, content: bytes) -> str:
    # Storages never overwrite: they pick another name. The stable name is the point, so the old
    # file goes first.
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(content))


def refresh_renditions(photo: Photo) -> list[Rendition]:
    """Make and store every rendition of the photo's current master and focal point."""
    with photo.image.open("rb") as master:
        data = master.read()
    made = encoding.make_renditions(data, focal=(photo.focal_x, photo.focal_y))
    existing = {(r.crop, r.width, r.format): r for r in photo.renditions.all()}
    kept: list[Rendition] = []
    for item in made:
        name = _write(rendition_name(photo, item.crop, item.width, item.format), item.content)
        row = existing.pop((item.crop, item.width, item.format), None) or Rendition(
            photo=photo, crop=item.crop, width=item.width, format=item.format
        )
        row.height, row.file.name = item.height, name
        row.save()
        kept.append(row)
    # Widths the new picture cannot fill any more: their rows go now, their files after commit.
    for obsolete in existing.values():
        obsolete.delete()
    # Later reads (the editor's JSON answer, a template) must see the new rows, not a stale prefetch.
    photo.__dict__.pop("_prefetched_objects_cache", None)
    return kept


def delete_files_on_commit(names: Iterable[str]) -> None:
    """Remove stored files once the current transaction commits (at once outside one)."""
    names = [n for n in names if n]
    if not names:
        return

    def remove() -> None:
        for name in names:
            try:
                default_storage.delete(name)
            except OSError:
                logger.warning("Could not delete the photo file %s", name, exc_info=True)

    transaction.on_commit(remove)


@receiver(post_delete, sender=Photo, dispatch_uid="photo_delete_master")
def delete_master(sender, instance: Photo, **kwargs) -> None:
    """A deleted photo's master file goes with it, and cached pages stop showing it."""
    delete_files_on_commit([instance.image.name])


@receiver(post_delete, sender=Rendition, dispatch_uid="rendition_delete_file")
def delete_rendition_file(sender, instance: Rendition, **kwargs) -> None:
    """A deleted rendition's file goes with it."""
    delete_files_on_commit([instance.file.name])
