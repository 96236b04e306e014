"""The demo content comes with photos drawn by the project, attached once."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Photo


@pytest.mark.django_db
def test_demo_stories_have_credited_photos():
    """Every demo story shows a drawn lead photo credited (Newsroom/Demo), with renditions."""
    call_command("load_demo", stdout=io.StringIO())
    stories = list(Article.objects.published().select_related("lead_photo"))
    assert stories and all(s.lead_photo is not None for s in stories)
    for story in stories:
        photo = story.lead_photo
        assert photo.credit == "Newsroom/Demo"
        assert photo.caption and photo.alt_text
        assert photo.width == 1280
        assert photo.renditions.count() == 12


@pytest.mark.django_db
def test_demo_photos_load_once():
    """Running the demo again adds no photos and keeps each story's photo."""
    call_command("load_demo", stdout=io.StringIO())
    before = dict(Article.objects.values_list("pk", "lead_photo_id"))
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo photos: 0 attached." in out.getvalue()
    assert Photo.objects.count() == len(before)
    assert dict(Article.objects.values_list("pk", "lead_photo_id")) == before


@pytest.mark.django_db
def test_demo_story_without_photo_gets_it_back():
    """A demo story whose photo was deleted gets its photo again on the next run."""
    call_command("load_demo", stdout=io.StringIO())
    Photo.objects.first().delete()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo photos: 1 attached." in out.getvalue()
    assert not Article.objects.filter(lead_photo__isnull=True).exists()
