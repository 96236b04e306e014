"""sitemap.xml, the Google News sitemap and robots.txt."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent.parent / "schemas" / "sitemap.xsd")))
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def fetch_xml(client, name: str):
    response = client.get(reverse(name))
    assert response.status_code == 200
    return etree.fromstring(response.content)


def test_sitemap_lists_sections_and_articles_with_lastmod(client):
    """sitemap.xml validates against the sitemaps.org schema and lists sections and stories."""
    world = SectionFactory(name="World", parent=SectionFactory(name="News"))
    article = ArticleFactory(published=True, section=world)
    root = fetch_xml(client, "sitemaps:index")
    SCHEMA.assertValid(root)
    locs = {url.findtext(f"{SM}loc"): url.findtext(f"{SM}lastmod") for url in root.iter(f"{SM}url")}
    assert locs["http://127.0.0.1:8000/news/"] is not None
    assert locs["http://127.0.0.1:8000/news/world/"] is not None
    assert locs[f"http://127.0.0.1:8000{article.get_absolute_url()}"].startswith(str(article.published_on))


def test_empty_sitemaps_are_valid(client):
    """With no content sitemap.xml is valid (it lists the home page) and the news sitemap is empty."""
    root = fetch_xml(client, "sitemaps:index")
    SCHEMA.assertValid(root)
    assert [u.findtext(f"{SM}loc") for u in root.iter(f"{SM}url")] == ["http://127.0.0.1:8000/"]
    # The schema wants at least one <url>; with no recent story the news sitemap is a well-formed
    # empty <urlset>, as Google documents for a site with nothing new.
    news = fetch_xml(client, "sitemaps:news")
    assert news.tag == f"{SM}urlset"
    assert len(news) == 0


def test_news_sitemap_lists_the_last_two_days(client):
    """The news sitemap lists recent stories with publication, language, date and title, and no older ones."""
    recent = ArticleFactory(published=True, headline="Fresh <news> & views", language="zh-hans")
    ArticleFactory(published=True, published_at=timezone.now() - datetime.timedelta(days=3))
    root = fetch_xml(client, "sitemaps:news")
    (url,) = root.iter(f"{SM}url")
    assert url.findtext(f"{SM}loc") == f"http://127.0.0.1:8000{recent.get_absolute_url()}"
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Newsroom"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "zh-cn"
    assert news.findtext(f"{NEWS}title") == "Fresh <news> & views"
    published = datetime.datetime.fromisoformat(news.findtext(f"{NEWS}publication_date"))
    assert published == recent.published_at.replace(microsecond=0) or published == recent.published_at
    # No offline schema for news: exists, so validate the urlset/url structure without it.
    for element in list(root.iter(f"{NEWS}news")):
        element.getparent().remove(element)
    SCHEMA.assertValid(root)


def test_robots_names_both_sitemaps(client):
    """robots.txt names sitemap.xml and the news sitemap and keeps crawlers out of the admin."""
    text = client.get(reverse("robots")).content.decode()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text
    assert "Sitemap: http://127.0.0.1:8000/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text
