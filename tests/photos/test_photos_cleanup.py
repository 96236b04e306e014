"""Cleanup: deleting a photo or replacing its file leaves no stray files behind."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from articles.models import Article, Photo, Rendition
from tests import photo_samples
from tests.factories import ArticleFactory, PhotoFactory, UserFactory


def stored(photo: Photo) -> list[str]:
    return [photo.image.name, *(r.file.name for r in photo.renditions.all())]


@pytest.mark.django_db
def test_deleting_a_photo_removes_its_files(django_capture_on_commit_callbacks):
    """Once the delete is committed, the master and every rendition file are gone."""
    photo = PhotoFactory()
    names = stored(photo)
    assert len(names) == 11 and all(default_storage.exists(n) for n in names)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert not any(default_storage.exists(n) for n in names)
    assert not Rendition.objects.exists()


@pytest.mark.django_db
def test_files_stay_until_the_delete_commits(django_capture_on_commit_callbacks):
    """Files are removed only after commit, so a rolled-back delete never leaves rows without files."""
    photo = PhotoFactory()
    names = stored(photo)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo.delete()
    assert callbacks
    assert all(default_storage.exists(n) for n in names)


@pytest.mark.django_db
def test_replacing_the_file_replaces_renditions(client, django_capture_on_commit_callbacks):
    """Uploading a smaller picture over a photo removes the old master and the widths it no longer fills."""
    client.force_login(UserFactory(username="replace-desk", is_superuser=True))
    response = client.post(
        reverse("admin:articles_photo_add"),
        {"image": photo_samples.upload("big.jpg", photo_samples.jpeg_with_gps((2000, 1000))), "focal_x": "0.5",
         "focal_y": "0.5"},
    )  # fmt: skip
    assert response.status_code == 302
    photo = Photo.objects.get()
    old_names = stored(photo)
    assert photo.best_rendition(2000).width == 1600
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:articles_photo_change", args=[photo.pk]),
            {"image": photo_samples.upload("small.png", photo_samples.encode(photo_samples.picture((500, 300)), "PNG")),
             "caption": "Replaced", "credit": "X", "focal_x": "0.5", "focal_y": "0.5"},
        )  # fmt: skip
    assert response.status_code == 302
    photo.refresh_from_db()
    new_names = stored(photo)
    assert photo.image.name.endswith(".png") and (photo.width, photo.height) == (500, 300)
    assert sorted({r.width for r in photo.rendition_list("")}) == [320, 500]
    assert all(default_storage.exists(n) for n in new_names)
    # The old master and the 640/1024/1600 renditions are gone; the 320s were rewritten in place.
    gone = set(old_names) - set(new_names)
    assert old_names[0] in gone and len(gone) >= 7
    assert not any(default_storage.exists(n) for n in gone)


@pytest.mark.django_db
def test_lead_photo_delete_unsets_it():
    """A story whose lead photo is deleted keeps its place, without a photo."""
    article = ArticleFactory(lead_photo=PhotoFactory())
    Photo.objects.all().delete()
    assert Article.objects.get(pk=article.pk).lead_photo_id is None


@pytest.mark.django_db
def test_admin_will_not_delete_a_photo_placed_in_a_story(client):
    """The admin refuses to delete a photo still placed in a story's text and names the story."""
    client.force_login(UserFactory(username="delete-desk", is_superuser=True))
    photo = PhotoFactory()
    article = ArticleFactory(headline="Harbour wall repaired", body=f'<p><img src="{photo.best_url()}" alt=""></p>')
    url = reverse("admin:articles_photo_delete", args=[photo.pk])
    page = client.get(url).content.decode()
    assert "Harbour wall repaired" in page
    assert reverse("admin:articles_article_change", args=[article.pk]) in page
    client.post(url, {"post": "yes"})
    assert Photo.objects.filter(pk=photo.pk).exists()


@pytest.mark.django_db
def test_admin_deletes_an_unplaced_photo(client, django_capture_on_commit_callbacks):
    """A photo used only as a lead photo can be deleted in the admin; its files go with it."""
    client.force_login(UserFactory(username="delete-desk2", is_superuser=True))
    photo = PhotoFactory()
    ArticleFactory(lead_photo=photo)
    names = stored(photo)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:articles_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Photo.objects.exists()
    assert not any(default_storage.exists(n) for n in names)


@pytest.mark.django_db
def test_caption_change_renews_cached_pages(client, django_capture_on_commit_callbacks):
    """A corrected caption shows on the cached article page at once."""
    photo = PhotoFactory(caption="Wrong name in caption")
    article = ArticleFactory(published=True, lead_photo=photo)
    assert "Wrong name in caption" in client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        photo.caption = "Right name in caption"
        photo.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Right name in caption" in html


@pytest.mark.django_db
def test_deleted_photo_leaves_cached_pages(client, django_capture_on_commit_callbacks):
    """A deleted lead photo disappears from the cached article page at once."""
    photo = PhotoFactory(caption="Photo to withdraw")
    article = ArticleFactory(published=True, lead_photo=photo)
    assert "Photo to withdraw" in client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert "Photo to withdraw" not in client.get(article.get_absolute_url()).content.decode()
