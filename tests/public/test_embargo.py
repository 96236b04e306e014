"""Embargo: a story published for a later time is invisible everywhere until then, then appears."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory


def _day(article: Article) -> dict:
    day = timezone.localdate(article.published_at)
    return {"day": day}


# Every kind of public address that shows the story once it is public, as a function of the
# story. A new kind of reader page adds a line here: the test then proves the embargo holds there.
PUBLIC_URLS = {
    "home": lambda a: reverse("articles:home"),
    "section": lambda a: a.section.get_absolute_url(),
    "parent section": lambda a: a.section.parent.get_absolute_url(),
    "section day": lambda a: reverse("articles:section-day", kwargs={"section_path": a.section.path, **_day(a)}),
    "article": lambda a: a.get_absolute_url(),
    "author": lambda a: a.byline_authors()[0].get_absolute_url(),
    "source": lambda a: a.source.get_absolute_url(),
    "search": lambda a: reverse("articles:search") + "?q=budget+figures",
    "rss": lambda a: reverse("feeds:rss"),
    "atom": lambda a: reverse("feeds:atom"),
    "section rss": lambda a: reverse("feeds:section-rss", kwargs={"section_path": a.section.path}),
    "section atom": lambda a: reverse("feeds:section-atom", kwargs={"section_path": a.section.path}),
    "sitemap": lambda a: reverse("sitemaps:index"),
    "news sitemap": lambda a: reverse("sitemaps:news"),
}


def shows(text: str, article: Article) -> bool:
    """Does a page, feed or sitemap show the story: its headline, or its address as a link or <loc>?"""
    url = article.get_absolute_url()
    return "Embargoed budget figures" in text or f'href="{url}"' in text or f"{url}</loc>" in text


@pytest.fixture
def embargoed(desk_editor, reporter):
    """A story submitted by Rita and embargoed by Dana for one hour from now."""
    from tests.factories import SectionFactory

    world = SectionFactory(name="World", parent=SectionFactory(name="News"))
    article = ArticleFactory(
        headline="Embargoed budget figures",
        section=world,
        created_by=reporter,
        authors=[reporter.author_profile],
        urgency=1,
    )
    workflow.submit(article, user=reporter)
    workflow.publish(article, user=desk_editor, at=timezone.now() + datetime.timedelta(hours=1))
    return Article.objects.select_related("section__parent").get(pk=article.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_URLS)
def test_embargoed_story_is_absent_until_its_time(client, embargoed, name):
    """Before the embargo lifts the story is nowhere; an hour later it is there, with no job run."""
    url = PUBLIC_URLS[name](embargoed)
    before = client.get(url)
    assert before.status_code in (200, 404), url
    assert not shows(before.content.decode(), embargoed), url

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, minutes=1)):
        after = client.get(url)
        assert after.status_code == 200, url
        assert shows(after.content.decode(), embargoed), url


@pytest.mark.django_db
def test_embargoed_story_is_on_no_public_page(client, embargoed):
    """Every public page the site has for its current data (the reader tests' list) leaves it out."""
    from tests.reader_helpers import public_urls

    urls = public_urls()
    assert len(urls) > 10
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not shows(response.content.decode(), embargoed), url


@pytest.mark.django_db
def test_embargoed_story_is_not_in_published(embargoed):
    """The one definition of public leaves out a story under embargo."""
    assert not Article.objects.published().filter(pk=embargoed.pk).exists()
    assert embargoed.status == Article.Status.PUBLISHED


@pytest.mark.django_db
def test_embargo_is_not_breaking_news_before_its_time(client, embargoed):
    """A flash under embargo does not leak through the breaking strip."""
    assert 'class="breaking"' not in client.get(reverse("articles:home")).content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, minutes=1)):
        assert 'class="breaking"' in client.get(reverse("articles:home")).content.decode()


@pytest.mark.django_db
def test_embargo_in_the_past_is_refused(desk_editor, reporter):
    """The desk cannot 'embargo' to a time already gone."""
    article = ArticleFactory(created_by=reporter, authors=[reporter.author_profile])
    workflow.submit(article, user=reporter)
    with pytest.raises(workflow.WorkflowError, match="past"):
        workflow.publish(article, user=desk_editor, at=timezone.now() - datetime.timedelta(hours=1))


@pytest.mark.django_db
def test_schedule_button_takes_a_local_time(client, desk_editor, reporter, settings):
    """The change form's 'Publish at' field reads the time in the newsroom's zone."""
    settings.TIME_ZONE = "Asia/Shanghai"
    article = ArticleFactory(created_by=reporter, authors=[reporter.author_profile])
    workflow.submit(article, user=reporter)
    client.force_login(desk_editor)
    url = reverse("admin:articles_article_transition", args=[article.pk, "schedule"])
    client.post(url, {"at": "2099-03-01T08:00"})
    article.refresh_from_db()
    assert article.published_at == datetime.datetime(2099, 3, 1, 0, 0, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_desk_can_lift_an_embargo_early(client, embargoed, desk_editor):
    """'Publish now' on an embargoed story makes it public at once, and the log says so."""
    assert "publish" in workflow.available_transitions(desk_editor, embargoed)
    workflow.publish(embargoed, user=desk_editor)
    assert client.get(embargoed.get_absolute_url()).status_code == 200
    assert embargoed.transitions.first().from_status == Article.Status.PUBLISHED


@pytest.mark.django_db
def test_desk_can_move_an_embargo(embargoed, desk_editor, reporter):
    """Scheduling again moves the release time; a reporter cannot."""
    later = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(PermissionDenied):
        workflow.publish(embargoed, user=reporter, at=later)
    workflow.publish(embargoed, user=desk_editor, at=later)
    embargoed.refresh_from_db()
    assert embargoed.published_at == later and embargoed.updated_at == later


@pytest.mark.django_db
def test_a_public_story_cannot_be_published_again(desk_editor):
    """Once public, publishing again is refused (that would move its date)."""
    story = ArticleFactory(published=True)
    with pytest.raises(workflow.WorkflowError):
        workflow.publish(story, user=desk_editor)
