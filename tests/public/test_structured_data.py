"""What search engines and social sites read from an article page."""

import json

import pytest
from lxml import html as lxml_html

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def head_of(client, article):
    return lxml_html.fromstring(client.get(article.get_absolute_url()).content)


def json_ld_of(document) -> dict:
    (script,) = document.xpath('//script[@type="application/ld+json"]')
    return json.loads(script.text)


def test_article_page_has_canonical_description_and_share_tags(client):
    """The page names its canonical address, a description, and OpenGraph and Twitter card tags."""
    article = ArticleFactory(published=True, summary="Short summary for shares.")
    doc = head_of(client, article)
    canonical = "http://127.0.0.1:8000" + article.get_absolute_url()
    assert doc.xpath('//link[@rel="canonical"]/@href') == [canonical]
    assert doc.xpath('//meta[@name="description"]/@content') == ["Short summary for shares."]
    assert doc.xpath('//meta[@property="og:title"]/@content') == [article.headline]
    assert doc.xpath('//meta[@property="og:url"]/@content') == [canonical]
    assert doc.xpath('//meta[@property="og:type"]/@content') == ["article"]
    assert doc.xpath('//meta[@property="og:image"]/@content')[0].endswith("img/logo.png")
    assert doc.xpath('//meta[@name="twitter:card"]/@content') == ["summary"]


def test_json_ld_news_article_has_the_fields(client):
    """The JSON-LD is a NewsArticle with headline, dates, authors, publisher logo, image, section and dateline."""
    world = SectionFactory(name="World", parent=SectionFactory(name="News"))
    article = ArticleFactory(
        published=True,
        section=world,
        dateline_place="ANKARA",
        authors=[AuthorFactory(name="Burak Akinci"), AuthorFactory(name="Li Wei")],
    )
    data = json_ld_of(head_of(client, article))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.headline
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] == article.updated_at.isoformat()
    assert [a["name"] for a in data["author"]] == ["Burak Akinci", "Li Wei"]
    assert data["publisher"]["name"] == "Newsroom"
    assert data["publisher"]["logo"]["url"].endswith("img/logo.png")
    assert data["image"]
    assert data["articleSection"] == "World"
    assert data["dateline"].startswith("ANKARA, ")
    assert data["mainEntityOfPage"]["@id"].endswith(article.get_absolute_url())


def test_headline_cannot_break_out_of_the_json_ld_script(client):
    """A headline containing </script> stays inside the JSON-LD as text."""
    headline = '</script><script>alert("x")</script> & <!-- "quotes"'
    article = ArticleFactory(published=True, headline=headline, summary="</script>")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    data = json_ld_of(lxml_html.fromstring(page))
    assert data["headline"] == headline


def test_logo_file_exists(client):
    """The publisher logo the JSON-LD names is a real static file."""
    from django.contrib.staticfiles import finders

    assert finders.find("img/logo.png")
