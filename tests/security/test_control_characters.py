"""Control characters never reach a page: text is stored without them, and feeds and sitemaps stay XML."""

import pytest
from django.urls import reverse
from lxml import etree

from articles.models import Article, Author, Photo, Section, Source
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

DIRTY = "Electric cars\x0b arrive\x0c in Ankara\x1b[31m today\x07"
CLEAN = "Electric cars arrive in Ankara[31m today"

XML_PAGES = [
    ("feeds:rss", {}),
    ("feeds:atom", {}),
    ("feeds:section-rss", {"section_path": "news"}),
    ("feeds:section-atom", {"section_path": "news"}),
    ("sitemaps:news", {}),
    ("sitemaps:index", {}),
]


@pytest.fixture
def chief(client):
    client.force_login(UserFactory(username="chief", is_superuser=True))
    return client


def test_a_headline_saved_in_the_admin_is_stored_without_control_characters(chief):
    """A headline and summary pasted with control characters are saved as the visible text only."""
    section, source = SectionFactory(), SourceFactory()
    data = {
        "headline": DIRTY,
        "section": section.pk,
        "source": source.pk,
        "summary": "Line one\x0b\tand\nline two\x1b",
        "body": "<p>Ships\x0b are back.</p>",
        "dateline_place": "ANKARA\x1b",
        "dateline_date": "2025-03-02",
        "editor": "",
        "language": "en",
        "byline-TOTAL_FORMS": "0",
        "byline-INITIAL_FORMS": "0",
    }
    response = chief.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.headline == CLEAN
    assert article.summary == "Line one\tand\nline two"
    assert article.body == "<p>Ships are back.</p>"
    assert article.dateline_place == "ANKARA"


def test_wire_copy_with_control_characters_is_imported_clean(chief):
    """Agency copy with a stray vertical tab and escape in its headline gives a draft whose text is clean."""
    copy = (
        f"{DIRTY}\n"
        "Updated: January 8, 2024  Source: Xinhua\x0b News Agency\n"
        "ANKARA, Jan. 5 (Xinhua) -- Turkish officials said\x1b on Friday that the first electric cars made in "
        "the country will reach buyers this spring, with charging stations on the main highways.\n"
        "The ministry said production would double next year as the second plant opens near Bursa.\n"
        "Dealers in Istanbul, Izmir and Ankara have taken orders since December, the ministry added, and the "
        "first deliveries are planned for the week after the holiday, when the new showrooms open.\n"
        "Analysts expect the price to fall once the battery plant, built with foreign partners, starts work.\n"
        "Editor: Li\x0c Shimeng\n"
    )
    response = chief.post(reverse("admin:articles_article_import"), {"text": copy})
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert article.headline == CLEAN
    assert article.source.name == "Xinhua News Agency"
    assert "\x1b" not in article.body and "officials said on Friday" in article.body
    assert article.editor is not None and article.editor.display_name == "Li Shimeng"


def test_the_other_text_the_pages_show_is_stored_clean():
    """Sections, sources, authors and photo captions lose their control characters when saved."""
    section = SectionFactory(name="World\x0b", description="All\x1b the world")
    source = SourceFactory(name="Harbour\x0c Press", short_name="HP\x1b")
    author = AuthorFactory(name="Ana\x0b Souza")
    photo = PhotoFactory(caption="Cranes\x1b at dawn", credit="HP\x0b/Ana", alt_text="Two cranes\x0c")
    assert Section.objects.get(pk=section.pk).name == "World"
    assert Section.objects.get(pk=section.pk).description == "All the world"
    assert Source.objects.values_list("name", "short_name").get(pk=source.pk) == ("Harbour Press", "HP")
    assert Author.objects.get(pk=author.pk).name == "Ana Souza"
    assert Photo.objects.values_list("caption", "credit", "alt_text").get(pk=photo.pk) == (
        "Cranes at dawn",
        "HP/Ana",
        "Two cranes",
    )


def test_a_keyword_is_stored_without_control_characters():
    """A tag typed with a control character is saved as the visible word."""
    from taggit.models import Tag

    ArticleFactory(published=True).tags.add("Ener\x1bgy")
    assert list(Tag.objects.values_list("name", flat=True)) == ["Energy"]


@pytest.mark.parametrize(("name", "kwargs"), XML_PAGES)
def test_feeds_and_sitemaps_stay_xml_with_control_characters_in_the_database(client, name, kwargs):
    """Text forced into the database with control characters still gives well-formed feeds and sitemaps."""
    section = SectionFactory(name="News")
    article = ArticleFactory(published=True, section=section, authors=[AuthorFactory(name="Ana Souza")])
    article.tags.add("Energy")
    Article.objects.filter(pk=article.pk).update(headline=DIRTY, summary="Sum\x0bmary\x1b")
    Section.objects.filter(pk=section.pk).update(name="News\x0c", description="Desc\x1bription")
    Author.objects.update(name="Ana\x0b Souza")
    from taggit.models import Tag

    Tag.objects.update(name="Ener\x1bgy")
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    root = etree.fromstring(response.content)  # raises on a character XML does not allow
    text = "".join(root.itertext())
    if name != "sitemaps:index":
        assert CLEAN in text
    assert not any(ch in text for ch in "\x0b\x0c\x1b\x07")
