"""Photos placed in a story's text become responsive images when the story is saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Photo
from articles.photos import services as photo_services
from articles.photos.body_html import responsive_body_images
from tests.factories import PhotoFactory, SectionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_save_completes_library_images(client):
    """A story saved with the editor's <img> gets the photo's srcset, sizes, width and height."""
    client.force_login(UserFactory(username="body-desk", is_superuser=True))
    photo = PhotoFactory()
    body = f'<p>Text.</p><figure class="image"><img src="{photo.best_url(1024)}" alt="Harbour"></figure>'
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "headline": "Harbour wall repaired",
            "section": SectionFactory().pk,
            "source": SourceFactory().pk,
            "body": body,
            "language": "en",
            "byline-TOTAL_FORMS": "0",
            "byline-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    saved = Article.objects.get().body
    assert f'srcset="{photo.srcset()}"' in saved
    assert 'sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)"' in saved
    assert 'width="700" height="466"' in saved
    assert 'alt="Harbour"' in saved


def test_stale_layout_attributes_are_replaced():
    """Old width, height and srcset on a library image are replaced by the current ones."""
    photo = PhotoFactory()
    html = f'<img src="/media/photos/{photo.key}/full-640.jpg" width="1" height="1" srcset="x 1w" alt="">'
    out = responsive_body_images(html)
    assert 'width="640" height="426"' in out
    assert "x 1w" not in out
    assert out.count("srcset=") == 1


def test_other_images_are_left_alone(django_assert_num_queries):
    """Images from elsewhere, or of a deleted photo, are kept as they are (no queries for no library images)."""
    outside = '<img src="https://example.org/a.jpg" alt="">'
    with django_assert_num_queries(0):
        assert responsive_body_images(outside) == outside
    gone = '<img src="/media/photos/0123456789abcdef/full-640.jpg" alt="">'
    assert responsive_body_images(gone) == gone


def test_a_placed_master_becomes_the_rendition_once_renditions_exist(queued_tasks):
    """A picture placed before the worker ran keeps its master address until a save finds renditions."""
    photo = photo_services.create_photo(image=PhotoFactory.build().image, caption="Harbour")
    placed = f'<p>Text.</p><img src="{photo.image.url}" alt="Harbour">'
    assert responsive_body_images(placed) == placed
    queued_tasks()
    photo = Photo.objects.with_renditions().get(pk=photo.pk)
    completed = responsive_body_images(placed)
    assert f'src="{photo.best_url(1024)}"' in completed
    assert photo.image.url not in completed
    assert f'srcset="{photo.srcset()}"' in completed
