"""The interface in English by default and in Simplified Chinese on request."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(
        published=True,
        section=SectionFactory(name="News"),
        published_at=datetime.datetime(2024, 1, 8, 9, tzinfo=datetime.UTC),
    )


def test_english_is_the_default(client, article):
    """With no preference the interface is English and dates are written out (January 8, 2024)."""
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Skip to content" in html
    assert "Updated:" in html
    assert "January 8, 2024" in html


def test_browser_language_chooses_chinese(client, article):
    """A browser asking for Chinese gets the Chinese interface and Chinese dates."""
    html = client.get(article.get_absolute_url(), headers={"Accept-Language": "zh-CN,zh;q=0.9"}).content.decode()
    assert "跳到正文" in html
    assert "更新：" in html
    assert "2024年1月8日" in html


def test_language_link_remembers_the_choice(client, article):
    """The footer's language link sets the reader's choice and returns to the same page."""
    url = article.get_absolute_url()
    html = client.get(url).content.decode()
    assert f'href="{reverse("articles:language")}?language=zh-hans&amp;next=' in html
    response = client.get(reverse("articles:language"), {"language": "zh-hans", "next": url})
    assert response.status_code == 302
    assert response.headers["Location"] == url
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    assert "最新新闻" in client.get("/").content.decode()


def test_language_link_refuses_other_sites(client):
    """The language link never redirects to another site."""
    response = client.get(reverse("articles:language"), {"language": "zh-hans", "next": "https://evil.example/"})
    assert response.headers["Location"] == "/"


def test_page_language_follows_the_article(client):
    """A Chinese story's page is marked lang="zh-hans" even in the English interface."""
    story = ArticleFactory(published=True, language="zh-hans", headline="港口潮汐电站投入运行")
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<html lang="zh-hans">' in html


def test_chinese_catalogue_is_compiled():
    """The Simplified Chinese catalogue ships compiled, with the interface strings translated."""
    from django.utils import translation

    assert (settings.BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.mo").exists()
    with translation.override("zh-hans"):
        assert translation.gettext("Latest news") == "最新新闻"
        assert translation.gettext("Search") == "搜索"
