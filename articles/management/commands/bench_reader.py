"""bench_reader: print each public page's query count, size and render time, cached and not."""

import functools
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from articles.models import Article, Author


def _count_query(log: list[str], execute, sql, params, many, context):
    log.append(sql)
    return execute(sql, params, many, context)


class Command(BaseCommand):
    help = "Measure the reader pages on the current database (run load_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Requests per page and mode (default 20).")

    def handle(self, *args, **options):
        article = Article.objects.published().select_related("section").first()
        author = Author.objects.filter(articles__isnull=False).first()
        if article is None or author is None:
            raise CommandError("No published article: run `manage.py load_demo` first.")
        day = article.published_on
        pages = {
            "home": reverse("articles:home"),
            "section": article.section.get_absolute_url(),
            "day archive": reverse(
                "articles:section-day",
                kwargs={"section_path": article.section.path, "day": day},
            ),
            "article": article.get_absolute_url(),
            "author": author.get_absolute_url(),
            "search": reverse("articles:search") + "?q=port",
            "rss": reverse("feeds:rss"),
            "sitemap": reverse("sitemaps:index"),
        }
        host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "127.0.0.1"
        client = Client(SERVER_NAME=host)
        repeat = options["repeat"]
        self.stdout.write(f"{'page':<12} {'queries':>7} {'bytes':>7} {'uncached ms':>12} {'cached ms':>10}")
        for name, url in pages.items():
            with override_settings(NEWSROOM={**settings.NEWSROOM, "PAGE_CACHE_SECONDS": 0}):
                client.get(url)  # warm up templates and connections
                queries: list[str] = []
                with connection.execute_wrapper(functools.partial(_count_query, queries)):
                    response = client.get(url)
                uncached = self._median(client, url, repeat)
            cache.clear()
            client.get(url)
            cached = self._median(client, url, repeat)
            self.stdout.write(
                f"{name:<12} {len(queries):>7} {len(response.content):>7} {uncached:>12.2f} {cached:>10.2f}"
            )
        css = Path(str(finders.find("css/site.css"))).stat().st_size
        js = Path(str(finders.find("js/article.js"))).stat().st_size
        html = len(client.get(pages["article"]).content)
        self.stdout.write(f"article page weight: html {html} + css {css} + js {js} = {html + css + js} bytes")

    @staticmethod
    def _median(client: Client, url: str, repeat: int) -> float:
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        return statistics.median(timings)
