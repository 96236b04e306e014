"""Photos on the public pages: responsive <picture> markup, caption and credit, fixed query counts."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.usefixtures("no_page_cache")


@pytest.fixture
def ten_photo_stories(db) -> list[Article]:
    """Ten published stories in one section, each with its own lead photo."""
    section = SectionFactory(name="World", slug="world")
    return [ArticleFactory(published=True, section=section, lead_photo=PhotoFactory()) for _ in range(10)]


def test_article_page_shows_lead_photo_with_caption_and_credit(client, db):
    """The lead photo sits above the text with a WebP source, JPEG srcset, sizes and width/height."""
    photo = PhotoFactory(caption="Turbines are lowered into the river.", credit="Xinhua/Zhao Chen")
    article = ArticleFactory(published=True, lead_photo=photo)
    html = client.get(article.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="photo lead-photo">.*?</figure>', html, re.S).group(0)
    assert '<source type="image/webp" srcset="' in figure
    assert f"/media/photos/{photo.key}/full-320.webp 320w" in figure
    assert f"/media/photos/{photo.key}/full-700.jpg 700w" in figure
    assert 'sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)"' in figure
    assert 'width="700" height="466"' in figure
    assert f'alt="{photo.alt_text}"' in figure
    assert "Turbines are lowered into the river." in figure
    assert '<span class="photo-credit">(Xinhua/Zhao Chen)</span>' in figure
    assert html.index("lead-photo") < html.index("article-body")


def test_caption_is_escaped(client, db):
    """A caption with markup is printed as text, never run."""
    article = ArticleFactory(published=True, lead_photo=PhotoFactory(caption="<script>x()</script>"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<script>x()" not in html


def test_list_thumbnail_is_a_focal_point_crop(client, ten_photo_stories):
    """Section lists show each lead photo as a 3:2 crop with srcset, width and height."""
    html = client.get(ten_photo_stories[0].section.get_absolute_url()).content.decode()
    first = ten_photo_stories[0].lead_photo
    assert f"/media/photos/{first.key}/thumb-320.webp 320w" in html
    assert f"/media/photos/{first.key}/thumb-640.jpg 640w" in html
    assert 'width="320" height="213"' in html
    assert html.count('class="story-thumb"') == 10


def test_home_lead_story_shows_its_photo_full_frame(client, ten_photo_stories):
    """The home page's lead story shows its whole photo; the section blocks show thumbnails."""
    html = client.get(reverse("articles:home")).content.decode()
    lead = ten_photo_stories[-1].lead_photo
    assert f"/media/photos/{lead.key}/full-640.webp 640w" in html
    assert html.count('class="lead-story-photo"') == 1
    assert html.count('class="story-thumb"') >= 1


def test_home_page_query_count_with_ten_photos(client, ten_photo_stories, django_assert_num_queries):
    """The home page costs the same queries with ten photographed stories."""
    # 1 the lead story with its section and photo, 2 its renditions, 3 the sections (the top-level
    # ones also the navigation), 4 the ids of the latest stories per section, 5 those stories with
    # their photos, 6 their renditions, 7 the breaking-news strip.
    with django_assert_num_queries(7):
        response = client.get(reverse("articles:home"))
    html = response.content.decode()
    assert html.count("<picture>") == 1 + html.count('class="story-thumb"')


def test_section_page_query_count_with_ten_photos(client, ten_photo_stories, django_assert_num_queries):
    """A section page costs the same queries with ten photographed stories."""
    section = ten_photo_stories[0].section
    # 1 the section, 2 the count for the paginator, 3 the stories with sections and lead photos,
    # 4 the renditions, 5 the breadcrumb lineage, 6 the navigation.
    with django_assert_num_queries(6):
        response = client.get(section.get_absolute_url())
    assert response.content.decode().count("<picture>") == 10


def test_article_page_query_count_with_ten_photos(client, db, django_assert_num_queries):
    """An article with a lead photo and ten photos in its text costs a fixed number of queries."""
    photos = [PhotoFactory() for _ in range(10)]
    body = "".join(
        f'<figure class="image"><img src="{p.best_url(1024)}" srcset="{p.srcset()}" sizes="100vw" '
        f'width="{p.width}" height="{p.height}" alt="x"></figure><p>Paragraph.</p>'
        for p in photos
    )
    article = ArticleFactory(published=True, lead_photo=photos[0], body=body)
    # 1 the last-modified lookup, 2 the article with section, source, editor and lead photo, 3 the
    # byline, 4 the lead photo's renditions, 5 the corrections, 6 the tags, 7 the breadcrumb lineage,
    # 8 the navigation. Body images cost nothing.
    with django_assert_num_queries(8):
        response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert html.count("<img") == 11
    assert html.count('srcset="/media/photos/') >= 11


def test_article_keeps_rendering_after_its_photo_is_deleted(client, db):
    """Deleting a lead photo leaves the story online, without a photo."""
    article = ArticleFactory(published=True, lead_photo=PhotoFactory())
    article.lead_photo.delete()
    article.refresh_from_db()
    assert article.lead_photo is None
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "lead-photo" not in response.content.decode()
    assert client.get(reverse("articles:home")).status_code == 200


def test_body_images_survive_sanitizing(db):
    """An image placed by the editor keeps src, srcset, sizes, width and height after the body is cleaned."""
    photo = PhotoFactory()
    article = ArticleFactory(
        body=f'<figure class="image"><img src="{photo.best_url()}" srcset="{photo.srcset()}" sizes="100vw" '
        f'width="700" height="466" alt="Harbour" onerror="alert(1)"></figure>'
    )
    article.refresh_from_db()
    for attribute in ("src=", "srcset=", 'sizes="100vw"', 'width="700"', 'height="466"', 'alt="Harbour"'):
        assert attribute in article.body
    assert "onerror" not in article.body


def test_lead_photo_is_the_share_image(client, db, settings):
    """OpenGraph and JSON-LD name the lead photo's JPEG rendition as the story's image."""
    import json

    photo = PhotoFactory()
    article = ArticleFactory(published=True, lead_photo=photo)
    html = client.get(article.get_absolute_url()).content.decode()
    expected = settings.NEWSROOM["BASE_URL"] + photo.best_url(1200)
    assert f'<meta property="og:image" content="{expected}">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["image"] == [expected]
