"""The reader's pages: home, sections, day archives, authors and sources."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, SourceFactory
from tests.reader_helpers import public_urls

pytestmark = pytest.mark.django_db


def test_every_page_renders_with_demo_data(client, demo_data):
    """With the demo content loaded, every public page answers 200."""
    urls = public_urls()
    assert len(urls) > 30
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url


def test_every_page_renders_with_no_data(client):
    """On an empty site the home page, search, feeds, sitemaps and robots.txt still answer 200."""
    urls = public_urls()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "No stories have been published yet." in client.get("/").content.decode()


def test_home_shows_lead_story_then_each_section(client):
    """The newest story leads the home page; each section then lists its own latest stories."""
    news = SectionFactory(name="News")
    world = SectionFactory(name="World", parent=news)
    business = SectionFactory(name="Business")
    now = timezone.now()
    lead = ArticleFactory(published=True, section=business, headline="Markets rally", published_at=now)
    older = ArticleFactory(
        published=True, section=world, headline="Summit opens", published_at=now - datetime.timedelta(hours=3)
    )
    biz_older = ArticleFactory(
        published=True, section=business, headline="Rates hold", published_at=now - datetime.timedelta(hours=5)
    )
    response = client.get("/")
    assert response.context["lead"] == lead
    blocks = {section.name: stories for section, stories in response.context["section_blocks"]}
    assert blocks == {"News": [older], "Business": [biz_older]}
    html = response.content.decode()
    assert html.index("Markets rally") < html.index("Summit opens")
    assert html.count("<h1") == 1


def test_home_limits_stories_per_section(client, settings):
    """A busy section shows only its newest few stories on the home page."""
    settings.NEWSROOM = {**settings.NEWSROOM, "HOME_STORIES_PER_SECTION": 2}
    section = SectionFactory(name="News")
    now = timezone.now()
    stories = [
        ArticleFactory(published=True, section=section, published_at=now - datetime.timedelta(hours=i))
        for i in range(5)
    ]
    response = client.get("/")
    (_, shown), *_ = response.context["section_blocks"]
    assert shown == stories[1:3]


def test_lists_show_headline_summary_time_and_section(client):
    """Every story in a list shows its headline (a link), summary, time and section."""
    section = SectionFactory(name="Science")
    article = ArticleFactory(published=True, section=section, summary="Comet seen over the bay.")
    day = article.published_on
    urls = [
        section.get_absolute_url(),
        reverse(
            "articles:section-day",
            kwargs={"section_path": "science", "day": day},
        ),
        article.byline_authors()[0].get_absolute_url(),
        article.source.get_absolute_url(),
        reverse("articles:search") + "?q=story",
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert f'href="{article.get_absolute_url()}"' in html, url
        assert "Comet seen over the bay." in html, url
        assert f'datetime="{article.published_at.isoformat()}"' in html, url
        assert 'href="/science/">Science</a>' in html, url


def test_section_page_has_breadcrumb_with_current_page(client):
    """A nested section's breadcrumb reads Home > News > World, with World marked current."""
    world = SectionFactory(name="World", parent=SectionFactory(name="News"))
    html = client.get(world.get_absolute_url()).content.decode()
    assert '<a href="/">Home</a>' in html
    assert '<a href="/news/">News</a>' in html
    assert '<a href="/news/world/" aria-current="page">World</a>' in html


def test_section_page_paginates(client, settings):
    """A section with more stories than a page links to the older ones."""
    section = SectionFactory(name="News")
    for _ in range(25):
        ArticleFactory(published=True, section=section)
    first = client.get("/news/")
    assert len(first.context["articles"]) == 20
    assert 'rel="next" href="?page=2"' in first.content.decode()
    assert len(client.get("/news/?page=2").context["articles"]) == 5


def test_day_archive_lists_that_days_stories_of_the_section_tree(client):
    """/news/2024/01/08/ lists stories of News and its subsections published that day only."""
    news = SectionFactory(name="News")
    world = SectionFactory(name="World", parent=news)
    when = datetime.datetime(2024, 1, 8, 10, tzinfo=datetime.UTC)
    on_day = ArticleFactory(published=True, section=world, published_at=when)
    ArticleFactory(published=True, section=news, published_at=when - datetime.timedelta(days=1))
    ArticleFactory(published=True, section=SectionFactory(name="Sports"), published_at=when)
    response = client.get("/news/2024/01/08/")
    assert list(response.context["articles"]) == [on_day]
    assert "January 8, 2024" in response.content.decode()


def test_day_archive_with_impossible_date_is_not_found(client):
    """A date that does not exist (Feb. 30) is a 404, not an error."""
    SectionFactory(name="News")
    assert client.get("/news/2024/02/30/").status_code == 404


def test_author_page_shows_bio_and_stories(client):
    """An author's page shows the biography and the stories in their byline."""
    author = AuthorFactory(name="Inès Valcourt", bio="Lisbon correspondent since 2019.")
    mine = ArticleFactory(published=True, authors=[author])
    ArticleFactory(published=True)
    response = client.get(author.get_absolute_url())
    assert list(response.context["articles"]) == [mine]
    assert "Lisbon correspondent since 2019." in response.content.decode()


def test_source_page_lists_the_sources_stories(client):
    """A source's page lists the stories it supplied."""
    agency = SourceFactory(name="Harbour Press Agency", short_name="HPA")
    theirs = ArticleFactory(published=True, source=agency)
    ArticleFactory(published=True)
    response = client.get(agency.get_absolute_url())
    assert list(response.context["articles"]) == [theirs]
    assert "<h1" in response.content.decode()


def test_article_page_links_byline_and_source(client):
    """The article's byline names link to the author pages and the source to its page."""
    author = AuthorFactory(name="Burak Akinci")
    article = ArticleFactory(published=True, authors=[author])
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<a href="{author.get_absolute_url()}" rel="author">Burak Akinci</a>' in html
    assert f'href="{article.source.get_absolute_url()}"' in html


def test_unknown_author_or_source_is_not_found(client):
    """A made-up author or source address is a 404."""
    assert client.get("/authors/nobody/").status_code == 404
    assert client.get("/sources/999/").status_code == 404


def test_every_html_page_has_one_h1_and_the_landmarks(client, demo_data):
    """Each page has exactly one main heading, a skip link and header, nav, main and footer landmarks."""
    for url in public_urls():
        response = client.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        assert html.count("<h1") == 1, url
        assert 'class="skip-link" href="#content"' in html, url
        for landmark in ("<header", "<nav", '<main id="content"', "<footer"):
            assert landmark in html, (url, landmark)


@pytest.mark.django_db
def test_a_section_page_lists_its_feeds_once(client):
    """The section's RSS and Atom links appear once on the page, named for the section."""
    world = SectionFactory(name="World")
    ArticleFactory(published=True, section=world)
    html = client.get(world.get_absolute_url()).content.decode()
    body = html.split("<body>", 1)[1]
    assert body.count(f'href="{reverse("feeds:section-rss", kwargs={"section_path": "world"})}"') == 1
    assert body.count(f'href="{reverse("feeds:section-atom", kwargs={"section_path": "world"})}"') == 1
    assert body.count(">RSS feed<") == 1
    assert "Feeds of World:" in body


@pytest.mark.django_db
def test_favicon_ico_is_served(client):
    """/favicon.ico leads to a real icon file, and pages name it."""
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.ico")
    icon = finders.find("favicon.ico")
    assert icon is not None
    with open(icon, "rb") as data:
        assert data.read(4) == b"\x00\x00\x01\x00"  # an ICO file's signature
    assert 'rel="icon"' in client.get(reverse("articles:home")).content.decode()
