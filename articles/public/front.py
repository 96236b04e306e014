"""The front layer: keeping nginx's copies of the pages a story is on up to date.

nginx (deploy/nginx/newsroom.conf.template) serves anonymous pages from its own cache and asks the
app again after one second (`X-Accel-Expires`, set by `public.cache`). That alone would leave a
just-withdrawn story on a page nobody has asked for since, and such a copy is what nginx serves
when the app is down. So after each publish, correction, withdrawal, restore or edit of a public
story, and at the moment an embargo lifts, the `refresh_front_pages` task fetches every page the
story is on through nginx with the refresh token: nginx gets them from the app and keeps the new
copies at once, in each language. With no front server configured (`NEWSROOM_FRONT_URL` empty,
as in development) nothing is queued.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from articles.models import Article

logger = logging.getLogger(__name__)

# The languages nginx keeps copies in (its map of Accept-Language).
LANGUAGES = ("en", "zh-hans")


def pages_showing(article: Article) -> list[str]:
    """The addresses of every page this story appears on (or, withdrawn, appeared on)."""
    paths = ["/", article.get_absolute_url(), reverse("feeds:rss"), reverse("feeds:atom")]
    for section in article.section.lineage():
        paths += [
            section.get_absolute_url(),
            reverse("feeds:section-rss", kwargs={"section_path": section.path}),
            reverse("feeds:section-atom", kwargs={"section_path": section.path}),
        ]
    if article.published_on:
        paths.append(
            reverse("articles:section-day", kwargs={"section_path": article.section.path, "day": article.published_on})
        )
    if article.source_id:
        paths.append(article.source.get_absolute_url())
    paths += [author.get_absolute_url() for author in article.authors.all()]
    paths += [reverse("articles:tag", kwargs={"slug": tag.slug}) for tag in article.tags.all()]
    paths += [reverse("sitemaps:index"), reverse("sitemaps:news")]
    return list(dict.fromkeys(paths))


@task()
def refresh_front_pages(paths: list[str]) -> int:
    """Fetch each page through the front server so it keeps the app's current answer; how many did."""
    front = settings.NEWSROOM_FRONT_URL
    if not front:
        return 0
    host = urlsplit(settings.NEWSROOM["BASE_URL"]).netloc or urlsplit(front).netloc
    refreshed = 0
    for path in paths:
        for language in LANGUAGES:
            request = urllib.request.Request(  # noqa: S310  (our own front server, from settings)
                front.rstrip("/") + path,
                headers={
                    "Host": host,
                    "Accept-Language": language,
                    "X-Newsroom-Refresh": settings.NEWSROOM_FRONT_TOKEN,
                },
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                    response.read()
                refreshed += 1
            except urllib.error.HTTPError as error:
                # 404 and 410 are answers too: nginx keeps them, which is the point after a withdrawal.
                refreshed += 1 if error.code in (404, 410) else 0
            except OSError:
                logger.warning("The front server did not answer for %s", path, exc_info=True)
    return refreshed


def refresh_pages_of(article: Article) -> None:
    """After the commit, queue the refresh of the story's pages (and again when its embargo lifts)."""
    if not settings.NEWSROOM_FRONT_URL:
        return
    paths = pages_showing(article)
    when = article.published_at

    def enqueue() -> None:
        refresh_front_pages.enqueue(paths)
        embargoed = article.status == Article.Status.PUBLISHED and when and when > timezone.now()
        if embargoed and refresh_front_pages.get_backend().supports_defer:
            refresh_front_pages.using(run_after=when).enqueue(paths)

    transaction.on_commit(enqueue)
