"""Finding 8's smaller parts: uploads refused before their body is read; listing pages follow published()."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

FORTY_MB = 40 * 1024 * 1024


class CountingBody:
    """A request body of `size` bytes that records how much of it the server reads."""

    def __init__(self, size: int):
        self.size, self.read_bytes = size, 0

    def read(self, n: int = -1) -> bytes:
        left = self.size - self.read_bytes
        n = left if n is None or n < 0 else min(n, left)
        self.read_bytes += n
        return b"x" * n

    def readline(self, n: int = -1) -> bytes:
        return self.read(n if n and n > 0 else 64 * 1024)


def post_huge(client: Client):
    """40 MB posted with a CSRF cookie, as a browser that visited the site sends it."""
    client.cookies["csrftoken"] = "a" * 32
    body = CountingBody(FORTY_MB)
    response = client.generic(
        "POST",
        reverse("photo_editor_upload"),
        data=b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(FORTY_MB),
        **{"wsgi.input": body},
    )
    return response, body


def test_an_anonymous_40_mb_upload_is_refused_before_its_body_is_read():
    """A stranger's 40 MB post to the editor's upload address gets 403 with not one byte of it read."""
    response, body = post_huge(Client(enforce_csrf_checks=True))  # as in production: CSRF checked
    assert body.read_bytes == 0
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Only newsroom staff may upload images."


def test_a_staff_upload_over_the_limit_is_refused_before_its_body_is_read():
    """Staff posting more than the photo size limit get 413 and a message, before the body is read."""
    staff = Client(enforce_csrf_checks=True)
    staff.force_login(UserFactory(username="desk", is_superuser=True))
    response, body = post_huge(staff)
    assert body.read_bytes == 0
    assert response.status_code == 413
    assert "limited to" in response.json()["error"]["message"]


def test_a_staff_upload_still_needs_the_csrf_token(reporter):
    """With the checks moved ahead, a signed-in upload without the CSRF token is still refused."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)
    response = client.post(reverse("photo_editor_upload"), {"upload": ""})
    assert response.status_code == 403


@pytest.fixture
def embargoed_only():
    """An author, a source and a tag whose only story is under embargo."""
    author = AuthorFactory(name="Embargo Reporter")
    source = SourceFactory(name="Embargo Agency", short_name="EA")
    article = ArticleFactory(embargoed=True, source=source, authors=[author], headline="Budget figures")
    article.tags.add("Budget")
    return author, source, article


def test_pages_whose_only_story_is_embargoed_answer_404(client, embargoed_only):
    """During the embargo the author's, source's and tag's pages are not found."""
    author, source, _article = embargoed_only
    for url in (author.get_absolute_url(), f"/sources/{source.pk}/", "/tags/budget/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Budget figures" not in response.content.decode()


def test_the_pages_appear_when_the_embargo_ends(client, embargoed_only, time_machine):
    """When the embargo time passes the same pages answer 200 with the story."""
    author, source, article = embargoed_only
    time_machine.move_to(article.published_at + datetime.timedelta(minutes=1))
    assert article.published_at <= timezone.now()
    for url in (author.get_absolute_url(), f"/sources/{source.pk}/", "/tags/budget/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Budget figures" in response.content.decode()


def test_an_author_with_only_drafts_has_no_page(client):
    """An author whose stories are all drafts has no public page."""
    author = AuthorFactory(name="Draft Only")
    ArticleFactory(authors=[author])
    assert client.get(author.get_absolute_url()).status_code == 404
