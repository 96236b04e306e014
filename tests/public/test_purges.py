"""Every change that shows on a public page reaches an already cached page at the next request.

Each test fills the page cache, makes one change, and asks again at once, well inside the cache
time (300 s): only the purge path (`articles/signals.py`) can make the change visible, so removing
any of its receivers fails a test here.
"""

import pytest
from taggit.models import Tag

from articles import workflow
from articles.models import ArticleAuthor
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(settings):
    assert settings.NEWSROOM.get("PAGE_CACHE_SECONDS", 300) >= 60
    article = ArticleFactory(
        published=True,
        section=SectionFactory(name="News"),
        headline="Harbour reopens after storm",
        body="<p>The harbour reopened on Monday.</p>",
    )
    article.tags.add("Ports")
    return article


@pytest.fixture
def cached(client):
    """Fetch a page twice (the second from the cache) and return its text."""

    def fetch(url: str) -> str:
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200, url
        return response.content.decode()

    return fetch


def _page_after(client, url: str) -> str:
    return client.get(url).content.decode()


def test_publishing_shows_on_the_cached_home_page(client, story, cached, django_capture_on_commit_callbacks):
    """A story the desk publishes is on the cached home page at the next request."""
    assert "Ferry strike ends" not in cached("/")
    draft = ArticleFactory(section=story.section, headline="Ferry strike ends", status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(draft, user=workflow.SYSTEM)
    assert "Ferry strike ends" in _page_after(client, "/")


def test_a_correction_shows_on_the_cached_article(client, story, cached, django_capture_on_commit_callbacks):
    """A correction's public note is on the cached article page at the next request."""
    url = story.get_absolute_url()
    assert "The date of the reopening was wrong." not in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.correct(story, user=workflow.SYSTEM, note="The date of the reopening was wrong.")
    assert "The date of the reopening was wrong." in _page_after(client, url)


def test_a_withdrawal_takes_the_story_off_cached_pages(client, story, cached, django_capture_on_commit_callbacks):
    """A withdrawn story leaves the cached home page and its address answers 410 at once."""
    assert "Harbour reopens after storm" in cached("/")
    cached(story.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(story, user=workflow.SYSTEM, note="Legal advice.")
    assert "Harbour reopens after storm" not in _page_after(client, "/")
    assert client.get(story.get_absolute_url()).status_code == 410


def test_a_restored_version_shows_on_the_cached_article(
    client, story, cached, desk_editor, django_capture_on_commit_callbacks
):
    """Bringing back an earlier text of a public story shows that text at the next request."""
    url = story.get_absolute_url()
    first_version = workflow.history_of(story).order_by("history_id").first()
    story.body = "<p>A later text about the harbour.</p>"
    story.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.correct(story, user=workflow.SYSTEM, note="Text replaced.")
    assert "A later text about the harbour." in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.restore_version(story, user=desk_editor, version_id=first_version.history_id)
    page = _page_after(client, url)
    assert "The harbour reopened on Monday." in page
    assert "A later text about the harbour." not in page


def test_renaming_the_source_shows_on_the_cached_article(client, story, cached, django_capture_on_commit_callbacks):
    """The meta line's 'Source:' follows a renamed source at the next request."""
    url = story.get_absolute_url()
    assert "Harbour Wire Service" not in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        story.source.name = "Harbour Wire Service"
        story.source.save()
    assert "Harbour Wire Service" in _page_after(client, url)


def test_renaming_an_author_shows_on_the_cached_article(client, story, cached, django_capture_on_commit_callbacks):
    """The byline follows a renamed author at the next request."""
    url = story.get_absolute_url()
    author = story.byline.get().author
    assert "Marta Quayside" not in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        author.name = "Marta Quayside"
        author.save()
    assert "Marta Quayside" in _page_after(client, url)


def test_renaming_the_editor_shows_on_the_cached_article(client, story, cached, django_capture_on_commit_callbacks):
    """The 'Editor:' sign-off follows a renamed editor at the next request."""
    url = story.get_absolute_url()
    assert "Editor: Li Harbourside" not in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        story.editor.display_name = "Li Harbourside"
        story.editor.save()
    assert "Editor: Li Harbourside" in _page_after(client, url)


def test_renaming_the_section_shows_on_the_cached_article(client, story, cached, django_capture_on_commit_callbacks):
    """The breadcrumb and navigation follow a renamed section at the next request."""
    url = story.get_absolute_url()
    assert "Harbour News" not in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        story.section.name = "Harbour News"
        story.section.save()
    assert "Harbour News" in _page_after(client, url)


def test_renaming_a_tag_shows_on_the_cached_article(client, story, cached, django_capture_on_commit_callbacks):
    """A renamed tag shows under the article at the next request."""
    url = story.get_absolute_url()
    assert "Seaports" not in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        tag = Tag.objects.get(name="Ports")
        tag.name = "Seaports"
        tag.save()
    assert "Seaports" in _page_after(client, url)


def test_tagging_a_public_story_shows_on_the_cached_article(client, story, cached, django_capture_on_commit_callbacks):
    """A tag added to or removed from a public story shows at the next request."""
    url = story.get_absolute_url()
    Tag.objects.create(name="Shipping")
    assert "Shipping" not in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        story.tags.add("Shipping")
    assert "Shipping" in _page_after(client, url)
    cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        story.tags.remove("Shipping")
    assert "Shipping" not in _page_after(client, url)


def test_a_byline_change_shows_on_the_cached_article(client, story, cached, django_capture_on_commit_callbacks):
    """An author added to or removed from a public story's byline shows at the next request."""
    url = story.get_absolute_url()
    assert "Tomas Jetty" not in cached(url)
    newcomer = AuthorFactory(name="Tomas Jetty")
    cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        entry = ArticleAuthor.objects.create(article=story, author=newcomer, position=1)
    assert "Tomas Jetty" in _page_after(client, url)
    cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        entry.delete()
    assert "Tomas Jetty" not in _page_after(client, url)


def test_a_lead_photo_caption_change_shows_on_the_cached_article(
    client, story, cached, django_capture_on_commit_callbacks
):
    """A new caption of the story's lead photo shows at the next request; a deleted photo disappears."""
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory(caption="Boats wait at the quay.")
        story.lead_photo = photo
        story.save()
        workflow.correct(story, user=workflow.SYSTEM, note="Photo added.")
    url = story.get_absolute_url()
    assert "Boats wait at the quay." in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        photo.caption = "The first ferry leaves the quay."
        photo.save()
    assert "The first ferry leaves the quay." in _page_after(client, url)
    cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert "The first ferry leaves the quay." not in _page_after(client, url)


def test_deleting_an_editor_removes_the_sign_off(client, story, cached, django_capture_on_commit_callbacks):
    """A deleted editor's name leaves the cached article's sign-off at the next request."""
    url = story.get_absolute_url()
    name = story.editor.display_name
    assert f"Editor: {name}" in cached(url)
    with django_capture_on_commit_callbacks(execute=True):
        story.editor.delete()
    assert f"Editor: {name}" not in _page_after(client, url)


def test_deleting_an_empty_section_leaves_the_cached_navigation(
    client, story, cached, django_capture_on_commit_callbacks
):
    """A section deleted before it had stories leaves the navigation of cached pages."""
    empty = SectionFactory(name="Lighthouses")
    assert "Lighthouses" in cached("/")
    with django_capture_on_commit_callbacks(execute=True):
        empty.delete()
    assert "Lighthouses" not in _page_after(client, "/")


def test_a_desk_fix_to_a_public_story_shows_on_the_cached_article(
    client, story, cached, desk_editor, django_capture_on_commit_callbacks
):
    """A headline fixed in the change form of a published story shows at the next request."""
    from django.test import Client
    from django.urls import reverse

    from tests.admin_forms import change_form_data

    url = story.get_absolute_url()
    assert "Harbour reopens after the storm" not in cached(url)
    desk = Client()
    desk.force_login(desk_editor)
    change_url = reverse("admin:articles_article_change", args=[story.pk])
    data = change_form_data(desk.get(change_url), headline="Harbour reopens after the storm")
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(change_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Harbour reopens after the storm" in _page_after(client, url)
