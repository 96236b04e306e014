"""The article page stays light: HTML, CSS and JS together under 60 KB (images aside)."""

import re

import pytest
from django.contrib.staticfiles import finders

from articles.models import Article

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024


def page_weight(client, url: str) -> dict[str, int]:
    """Bytes of the page's HTML and of every stylesheet and script it links from static files."""
    html = client.get(url).content
    sizes = {"html": len(html)}
    for asset in re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        path = finders.find(asset.decode())
        assert path, asset
        with open(path, "rb") as f:
            sizes[asset.decode()] = len(f.read())
    return sizes


def test_article_page_weighs_under_budget(client, demo_data):
    """The longest demo article's page, with its CSS and JS, weighs under 60 KB."""
    longest = max(Article.objects.published(), key=lambda a: len(a.body))
    sizes = page_weight(client, longest.get_absolute_url())
    assert "css/site.css" in sizes
    assert "js/article.js" in sizes
    assert sum(sizes.values()) < BUDGET, sizes
