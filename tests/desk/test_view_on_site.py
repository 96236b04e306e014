"""The article admin's "View on site" opens a page that exists: the preview until the story is public."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _view_on_site(client, article) -> str:
    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    marker = 'class="viewsitelink"'
    assert marker in html
    start = html.rindex('href="', 0, html.index(marker)) + len('href="')
    return html[start : html.index('"', start)]


@pytest.mark.parametrize("trait", ["draft", "embargoed"])
def test_view_on_site_for_unpublished_story_opens_preview(client, desk_editor, trait):
    """For a draft or embargoed story, "View on site" opens the staff preview, which answers 200."""
    article = ArticleFactory(**({trait: True} if trait != "draft" else {}))
    client.force_login(desk_editor)
    url = _view_on_site(client, article)
    assert url == reverse("articles:preview", args=[article.pk])
    assert client.get(url).status_code == 200


def test_view_on_site_for_public_story_opens_its_page(client, desk_editor):
    """For a published story, "View on site" opens the public page."""
    article = ArticleFactory(published=True)
    client.force_login(desk_editor)
    url = _view_on_site(client, article)
    assert url == article.get_absolute_url()
    assert client.get(url).status_code == 200
