"""The interface in English by default and in Simplified Chinese on request."""

import datetime
import json

import pytest
from django.conf import settings
from django.urls import reverse
from lxml import html as lxml_html

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


def test_page_language_is_the_interface_and_the_article_its_own(client):
    """A Chinese story in the English interface: the page is lang="en", the story lang="zh-hans"."""
    story = ArticleFactory(published=True, language="zh-hans", headline="港口潮汐电站投入运行")
    page = lxml_html.fromstring(client.get(story.get_absolute_url()).content)
    assert page.get("lang") == "en"
    (article,) = page.xpath("//article")
    assert article.get("lang") == "zh-hans"
    (script,) = page.xpath('//script[@type="application/ld+json"]')
    assert json.loads(script.text)["inLanguage"] == "zh-hans"


def test_chinese_interface_on_an_english_story_marks_both_languages(client, article):
    """In the Chinese interface an English story's page is lang="zh-hans" and its article lang="en"."""
    response = client.get(article.get_absolute_url(), headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    page = lxml_html.fromstring(response.content)
    assert page.get("lang") == "zh-hans"
    assert "跳到正文" in response.content.decode()
    (element,) = page.xpath("//article")
    assert element.get("lang") == "en"
    (script,) = page.xpath('//script[@type="application/ld+json"]')
    assert json.loads(script.text)["inLanguage"] == "en"


def test_withdrawn_notice_marks_the_old_headline_language(client, chief_editor):
    """A withdrawn Chinese story's notice page is in the interface language, its old headline lang="zh-hans"."""
    from articles import workflow

    story = ArticleFactory(published=True, language="zh-hans", headline="港口潮汐电站投入运行")
    workflow.withdraw(story, user=chief_editor, note="Withdrawn.")
    page = lxml_html.fromstring(client.get(story.get_absolute_url()).content)
    assert page.get("lang") == "en"
    (headline,) = page.xpath('//p[@class="withdrawn-headline"]')
    assert headline.get("lang") == "zh-hans"


def test_chinese_catalogue_is_compiled():
    """The Simplified Chinese catalogue ships compiled, with the interface strings translated."""
    from django.utils import translation

    assert (settings.BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.mo").exists()
    with translation.override("zh-hans"):
        assert translation.gettext("Latest news") == "最新新闻"
        assert translation.gettext("Search") == "搜索"
