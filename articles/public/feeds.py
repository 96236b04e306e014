"""RSS 2.0 and Atom feeds of the latest stories, site-wide and per section."""

from __future__ import annotations

from html import escape

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleAuthor, Section
from articles.plaintext import strip_control_characters
from newsroom.links import absolute_url

FEED_LENGTH = 30


def _without_controls(value):
    """Text (or a list of texts) without the control characters XML 1.0 does not allow."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return [_without_controls(v) for v in value]
    return value


class ControlFreeFeed(SyndicationFeed):
    """A feed whose text is cleaned of control characters on output, whatever the database holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_without_controls, args), **{k: _without_controls(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_without_controls, args), **{k: _without_controls(v) for k, v in kwargs.items()})


class PlainTextRss(ControlFreeFeed, Rss201rev2Feed):
    """RSS 2.0 whose titles and descriptions are our plain text, escaped as HTML.

    Readers render an RSS description (and often a title) as HTML, so a summary or headline is
    written as the HTML that shows exactly its text: markup in it is read, never run.
    """

    def __init__(self, title, link, description, *args, **kwargs):
        super().__init__(escape(str(title)), link, escape(str(description)), *args, **kwargs)

    def add_item(self, title, link, description, *args, **kwargs):
        super().add_item(escape(str(title)), link, escape(str(description or "")), *args, **kwargs)


class PlainTextAtom(ControlFreeFeed, Atom1Feed):
    """Atom whose summaries are sent as `type="text"` (titles and subtitles are text already)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


def feed_items(queryset):
    """The newest public stories with what a feed entry shows, in a fixed number of queries."""
    return (
        queryset.select_related("section", "source")
        .prefetch_related(
            Prefetch("byline", queryset=ArticleAuthor.objects.select_related("author").order_by("position")),
            "tags",
        )
        .order_by("-published_at", "-pk")[:FEED_LENGTH]
    )


class StoriesFeed(Feed):
    """What every story feed's entries carry: headline, summary, byline, categories and both dates."""

    feed_type: type[SyndicationFeed] = PlainTextRss

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_link(self, item: Article) -> str:
        return absolute_url(item.get_absolute_url())

    def item_author_name(self, item: Article) -> str:
        return item.byline_text() or item.source.name

    def item_categories(self, item: Article) -> list[str]:
        return [item.section.name, *sorted(tag.name for tag in item.tags.all())]

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at or item.published_at


class LatestStoriesFeed(StoriesFeed):
    """The site's latest stories as RSS 2.0."""

    description = _("The latest stories from the newsroom.")

    def title(self) -> str:
        return settings.NEWSROOM["SITE_NAME"]

    def link(self) -> str:
        return absolute_url(reverse("articles:home"))

    def feed_url(self) -> str:
        return absolute_url(reverse("feeds:rss"))

    def items(self):
        return feed_items(Article.objects.published())


class LatestStoriesAtomFeed(LatestStoriesFeed):
    """The site's latest stories as Atom."""

    feed_type = PlainTextAtom
    subtitle = LatestStoriesFeed.description

    def feed_url(self) -> str:
        return absolute_url(reverse("feeds:atom"))


class SectionFeed(StoriesFeed):
    """A section's latest stories (and its subsections') as RSS 2.0."""

    def get_object(self, request, section_path: str) -> Section:
        return get_object_or_404(Section, path=section_path)

    def title(self, obj: Section) -> str:
        return f"{obj.name} · {settings.NEWSROOM['SITE_NAME']}"

    def description(self, obj: Section) -> str:
        return obj.description or str(_("The latest stories from the newsroom."))

    def link(self, obj: Section) -> str:
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj: Section) -> str:
        return absolute_url(reverse("feeds:section-rss", kwargs={"section_path": obj.path}))

    def items(self, obj: Section):
        return feed_items(Article.objects.published().in_section_tree(obj))


class SectionAtomFeed(SectionFeed):
    """A section's latest stories as Atom."""

    feed_type = PlainTextAtom

    def subtitle(self, obj: Section) -> str:
        return self.description(obj)

    def feed_url(self, obj: Section) -> str:
        return absolute_url(reverse("feeds:section-atom", kwargs={"section_path": obj.path}))
