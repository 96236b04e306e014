"""The photo services: every change goes through them, and renditions are made by a background task."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Photo
from articles.photos import checks as images
from articles.photos import services
from tests import photo_samples
from tests.factories import ArticleFactory, PhotoFactory, UserFactory


def checked_file(size=(1200, 800), colour=(200, 40, 40)) -> ContentFile:
    picture = photo_samples.picture(size)
    picture.paste(colour, (0, 0, size[0], size[1] // 2))
    checked = images.check_bytes(photo_samples.encode(picture, "JPEG"), name="p.jpg")
    return ContentFile(checked.content, name="p.jpg")


@pytest.fixture
def desk(client, db):
    client.force_login(UserFactory(username="photo-desk", is_superuser=True))
    return client


def test_a_new_photo_queues_its_renditions_and_the_worker_makes_them(db, queued_tasks):
    """Adding a photo encodes nothing in the caller: one task is queued, and the worker stores the files."""
    photo = services.create_photo(image=checked_file(), caption="Harbour at dawn", credit="Newsroom/Ana Lima")
    assert not photo.renditions.exists()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "articles.photos.services.make_renditions"
    assert queued.args_kwargs["args"] == [photo.pk]
    # Until the worker has run, the photo's pictures are its cleaned master.
    assert photo.best_url(1024) == photo.image.url
    assert queued_tasks() == 1
    names = [r.file.name for r in photo.renditions.all()]
    assert len(names) == 12
    assert all(default_storage.exists(name) for name in names)
    assert photo.best_url(640).endswith(f"photos/{photo.key}/full-640.jpg")


def test_a_rolled_back_photo_leaves_no_task_behind(db, queued_tasks):
    """The queued task is written in the photo's own transaction: no photo, no task."""
    with pytest.raises(RuntimeError), transaction.atomic():
        services.create_photo(image=checked_file(), caption="Never kept")
        raise RuntimeError("the upload was cancelled")
    assert not Photo.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_photo_deleted_before_the_worker_runs_needs_nothing(db, queued_tasks):
    photo = services.create_photo(image=checked_file(), caption="Withdrawn at once")
    photo.delete()
    assert services.make_renditions.call(photo.pk) == 0


def test_invalid_values_are_refused_and_nothing_is_queued(db, queued_tasks):
    """A focal point outside the picture is refused by validation, not stored."""
    photo = services.create_photo(image=checked_file(), caption="Harbour")
    DBTaskResult.objects.all().delete()
    with pytest.raises(ValidationError) as refused:
        services.set_focal_point(photo, x=1.5, y=0.5)
    assert "focal_x" in refused.value.message_dict
    photo.refresh_from_db()
    assert (photo.focal_x, photo.focal_y) == (0.5, 0.5)
    assert not DBTaskResult.objects.exists()


def test_replacing_the_picture_keeps_the_file_names_and_removes_the_old_master(db, django_capture_on_commit_callbacks):
    """A replaced picture: same rendition names (bodies keep working), new content, old master gone."""
    photo = PhotoFactory(image=checked_file(colour=(200, 40, 40)))
    old_master = photo.image.name
    names = sorted(r.file.name for r in photo.renditions.all())
    before = default_storage.open(f"photos/{photo.key}/full-640.jpg").read()
    with django_capture_on_commit_callbacks(execute=True):
        services.replace_image(photo, image=checked_file(colour=(30, 30, 220)))
    assert sorted(r.file.name for r in Photo.objects.get(pk=photo.pk).renditions.all()) == names
    assert default_storage.open(f"photos/{photo.key}/full-640.jpg").read() != before
    assert not default_storage.exists(old_master)
    assert default_storage.exists(photo.image.name)


def test_a_caption_change_in_the_admin_does_not_encode_again(desk):
    """Saving the photo form with a new caption only keeps every rendition file as it was."""
    photo = PhotoFactory()
    before = {r.pk: r.file.name for r in photo.renditions.all()}
    mtimes = {n: default_storage.get_modified_time(n) for n in before.values()}
    response = desk.post(
        reverse("admin:articles_photo_change", args=[photo.pk]),
        {
            "caption": "A new caption",
            "credit": photo.credit,
            "alt_text": photo.alt_text,
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    photo.refresh_from_db()
    assert photo.caption == "A new caption"
    assert {r.pk: r.file.name for r in photo.renditions.all()} == before
    assert {n: default_storage.get_modified_time(n) for n in before.values()} == mtimes


def test_a_focal_point_change_in_the_admin_queues_new_crops(desk, queued_tasks):
    photo = services.create_photo(image=checked_file(), caption="Harbour")
    assert queued_tasks() == 1
    response = desk.post(
        reverse("admin:articles_photo_change", args=[photo.pk]),
        {"caption": "Harbour", "credit": "", "alt_text": "", "focal_x": "0.2", "focal_y": "0.3"},
    )
    assert response.status_code == 302
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_the_editor_upload_answers_with_the_master_until_renditions_exist(desk, queued_tasks):
    """A picture dropped into a story shows at once (its cleaned master); the worker adds the sizes."""
    upload = SimpleUploadedFile("drop.jpg", checked_file().read(), "image/jpeg")
    answer = desk.post(reverse("photo_editor_upload"), {"upload": upload}).json()
    photo = Photo.objects.get(pk=answer["photo"])
    assert answer["url"] == photo.image.url
    assert answer["urls"] == {"default": photo.image.url}


def test_new_renditions_renew_the_cached_pages_that_show_the_photo(
    client, db, queued_tasks, django_capture_on_commit_callbacks
):
    """The page cached while only the master existed shows the renditions once the worker has run."""
    photo = services.create_photo(image=checked_file(), caption="Harbour", alt_text="Boats in a harbour")
    article = ArticleFactory(published=True, lead_photo=photo)
    assert f"photos/{photo.key}/full-" not in client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert queued_tasks() == 1
    assert f"photos/{photo.key}/full-" in client.get(article.get_absolute_url()).content.decode()


def test_photos_have_no_save_or_load_side_effects(db):
    """A bare save() encodes nothing: only the services queue work."""
    photo = PhotoFactory()
    before = {r.pk: r.file.name for r in photo.renditions.all()}
    photo.focal_x = 0.1
    photo.save()
    assert {r.pk: r.file.name for r in photo.renditions.all()} == before
    assert photo.renditions.get(crop="3:2", width=320, format="jpeg").file.name in before.values()
