"""Changing the photo library: every way a photo is added or changed goes through these functions.

Each one validates the photo, saves it inside a transaction and queues the `make_renditions`
background task when the picture or its focal point changed. Resizing and encoding never run in
the request: with the database task backend the queued task is a row written in the same
transaction as the photo, so it exists exactly when the photo does, and a worker
(`manage.py db_worker`, started by `make demo`) makes the files once the transaction commits.
Until then pages and the editor show the cleaned master file. A replaced master file is removed
after the commit.
"""

from __future__ import annotations

import datetime
import logging

from django.core.files import File
from django.db import transaction
from django.dispatch import Signal
from django_tasks import task

from articles.models import Photo, Source
from articles.photos.renditions import delete_files_on_commit, refresh_renditions

logger = logging.getLogger(__name__)

# Sent with `photo=` once a photo's renditions are stored, so cached pages showing it are renewed.
renditions_made = Signal()

PICTURE_FIELDS = frozenset({"image", "focal_x", "focal_y"})


@task()
def make_renditions(photo_id: int) -> int:
    """Make the renditions of a photo's current master and focal point; the number stored.

    A photo deleted meanwhile needs none. A task queued before a later change still does the
    right thing: it reads the photo as it is now.
    """
    photo = Photo.objects.filter(pk=photo_id).prefetch_related("renditions").first()
    if photo is None or not photo.image:
        return 0
    with transaction.atomic():
        made = refresh_renditions(photo)
    renditions_made.send(sender=Photo, photo=photo)
    return len(made)


@transaction.atomic
def save_photo(photo: Photo, *, previous_image: str = "", picture_changed: bool = True) -> Photo:
    """Validate and save a photo; new renditions are queued when its picture or focal point changed.

    `previous_image` names the master file the photo had before, removed after the commit when
    it was replaced.
    """
    photo.full_clean()
    photo.save()
    if previous_image and previous_image != photo.image.name:
        delete_files_on_commit([previous_image])
    if picture_changed:
        make_renditions.enqueue(photo.pk)
    return photo


def create_photo(
    *,
    image: File,
    caption: str = "",
    credit: str = "",
    alt_text: str = "",
    source: Source | None = None,
    date_taken: datetime.date | None = None,
    place: str = "",
    focal_x: float = 0.5,
    focal_y: float = 0.5,
) -> Photo:
    """Add a checked picture to the library with its caption and credit."""
    photo = Photo(
        caption=caption,
        credit=credit,
        alt_text=alt_text,
        source=source,
        date_taken=date_taken,
        place=place,
        focal_x=focal_x,
        focal_y=focal_y,
    )
    photo.image = image
    return save_photo(photo)


def replace_image(photo: Photo, *, image: File) -> Photo:
    """Give a photo a new picture; stories showing it show the new one once its renditions exist."""
    previous = photo.image.name
    photo.image = image
    return save_photo(photo, previous_image=previous)


def set_focal_point(photo: Photo, *, x: float, y: float) -> Photo:
    """Move the point the cropped thumbnails keep in view (0–1 across and down)."""
    photo.focal_x, photo.focal_y = x, y
    return save_photo(photo)
