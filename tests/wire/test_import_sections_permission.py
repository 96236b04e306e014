"""Only people who manage sections create one through a wire import; sections purge cached pages."""

import pytest
from django.urls import reverse

from articles.models import Article, Section
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

COPY = """Home > {section} > Contents

Harbour cranes return to work after storm

Source: Harbour Press Agency

SANTOS, March 2 (HPA) -- Cranes at the container port resumed work on Monday.
"""


def test_reporter_cannot_create_section_by_breadcrumb(client, reporter):
    """A reporter's copy naming an unknown section is refused with advice, and nothing is created."""
    client.force_login(reporter)
    text = COPY.format(section="Totally Fake Section")
    response = client.post(reverse("admin:articles_article_import"), {"text": text})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert "Totally Fake Section" in errors and "ask the chief editor" in errors
    assert not Section.objects.filter(name="Totally Fake Section").exists()
    assert not Article.objects.exists()


def test_reporter_imports_into_existing_section(client, reporter):
    """A breadcrumb naming an existing section, or a section picked in the form, still works for a reporter."""
    SectionFactory(name="News")
    client.force_login(reporter)
    response = client.post(reverse("admin:articles_article_import"), {"text": COPY.format(section="News")})
    assert response.status_code == 302
    assert Article.objects.get().section.path == "news"
    sport = SectionFactory(name="Sport")
    text = COPY.format(section="Totally Fake Section").replace("Harbour cranes", "Harbour ferries")
    response = client.post(reverse("admin:articles_article_import"), {"text": text, "section": sport.pk})
    assert response.status_code == 302
    assert Article.objects.get(headline__startswith="Harbour ferries").section == sport


def test_chief_editor_creates_section_by_breadcrumb(client, chief_editor):
    """The chief editor may let an import create the section the copy names."""
    client.force_login(chief_editor)
    response = client.post(reverse("admin:articles_article_import"), {"text": COPY.format(section="Harbours")})
    assert response.status_code == 302
    assert Section.objects.filter(name="Harbours", parent=None).exists()


def test_renamed_section_shows_on_cached_pages(client, django_capture_on_commit_callbacks):
    """After a section is renamed, a page cached before shows the new name in its navigation."""
    story = ArticleFactory(published=True, section=SectionFactory(name="Harbours"))
    assert "Harbours" in client.get(story.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        section = Section.objects.get(pk=story.section_id)
        section.name = "Ports and harbours"
        section.save()
    assert "Ports and harbours" in client.get(story.get_absolute_url()).content.decode()


def test_deleted_section_leaves_cached_pages(client, django_capture_on_commit_callbacks):
    """After an empty section is deleted, no cached page still links to it."""
    ArticleFactory(published=True)
    SectionFactory(name="Closing desk")
    assert "Closing desk" in client.get(reverse("articles:home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Section.objects.get(name="Closing desk").delete()
    assert "Closing desk" not in client.get(reverse("articles:home")).content.decode()
