"""Benchmark: the desk's article list in the admin with 100,000 articles in PostgreSQL.

Run with `make bench-admin` (BENCH_DATABASE_URL names the database; it is created when missing and
filled once). Prints, for each variant of the list (filters, search, deep page, roles), the number
of queries, whether any query counted the whole table, and the median time of several requests
through Django's test client, as the desk's browser would make them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")


def ensure_database(url: str) -> None:
    """Create the benchmark database if it does not exist yet."""
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    admin_dsn = f"host={config['HOST']} port={config['PORT'] or 5432} user={config['USER']} dbname=postgres"
    if config.get("PASSWORD"):
        admin_dsn += f" password={config['PASSWORD']}"
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{config["NAME"]}"')


# One INSERT ... SELECT over generate_series: 100,000 rows in a few seconds, no Python loop.
FILL_ARTICLES = """
INSERT INTO articles_article (
    headline, slug, section_id, source_id, summary, body, status, published_at, published_on, updated_at,
    language, created_at, modified_at, slugline, urgency, editors_note, revision, dateline_place, created_by_id
)
SELECT
    (ARRAY['Minister','Talks','Quake','Election','Market','Storm','Court','Summit','Strike','Bridge'])
        [1 + mod(i, 10)]
      || ' ' || (ARRAY['opens','collapse','hits','rallies','falls','delays','rules','ends','spreads','reopens'])
        [1 + mod(i / 10, 10)]
      || ' in ' || (ARRAY['Ankara','Beijing','Lisbon','Maseru','Nairobi','Lima','Oslo','Hanoi','Quito','Accra'])
        [1 + mod(i / 100, 10)]
      || ' ' || i,
    'story-' || i,
    (%(sections)s::bigint[])[1 + mod(i, %(n_sections)s)],
    %(source)s,
    'Summary of story ' || i,
    '<p>Body of story ' || i || '.</p>',
    s.status,
    CASE WHEN s.status IN ('published', 'withdrawn') THEN now() - (i || ' minutes')::interval END,
    CASE WHEN s.status IN ('published', 'withdrawn') THEN (now() - (i || ' minutes')::interval)::date END,
    CASE WHEN s.status IN ('published', 'withdrawn') THEN now() - (i || ' minutes')::interval END,
    'en',
    now() - (i || ' minutes')::interval,
    now() - (i || ' minutes')::interval,
    'SLUG-' || (i %% 500),
    1 + i %% 9,
    CASE WHEN i %% 20 = 0 THEN 'Check with the bureau' ELSE '' END,
    1,
    'LISBON',
    %(creator)s
FROM generate_series(1, %(rows)s) AS i
CROSS JOIN LATERAL (
    SELECT CASE WHEN i %% 100 < 85 THEN 'published' WHEN i %% 100 < 90 THEN 'submitted'
                WHEN i %% 100 < 97 THEN 'draft' ELSE 'withdrawn' END AS status
) AS s
"""


def fill(rows: int) -> None:
    """Make sections, a source, users and `rows` articles with bylines, once."""
    from django.contrib.auth.models import Group, User
    from django.db import connection

    from articles.models import Article, Author, Section, Source

    if Article.objects.count() >= rows:
        return
    Article.objects.all().delete()
    news = Section.objects.get_or_create(parent=None, slug="news", defaults={"name": "News"})[0]
    sections = [news] + [
        Section.objects.get_or_create(parent=news, slug=slug, defaults={"name": slug.title()})[0]
        for slug in ("world", "china", "business", "sports", "culture", "science", "opinion")
    ]
    source = Source.objects.get_or_create(name="Bench Wire", defaults={"short_name": "BW"})[0]
    reporter = User.objects.get_or_create(username="bench-reporter", defaults={"is_staff": True})[0]
    reporter.groups.add(Group.objects.get(name="Reporter"))
    author = Author.objects.get_or_create(user=reporter, defaults={"name": "Bench Reporter"})[0]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            FILL_ARTICLES,
            {
                "sections": [s.pk for s in sections],
                "n_sections": len(sections),
                "source": source.pk,
                "rows": rows,
                "creator": None,
            },
        )
        # Every 50th story is the bench reporter's, so the reporter's list has its own stories.
        cursor.execute(
            "INSERT INTO articles_articleauthor (article_id, author_id, position) "
            "SELECT id, %s, 0 FROM articles_article WHERE id %% 50 = 0",
            [author.pk],
        )
        cursor.execute("ANALYZE articles_article")
        cursor.execute("ANALYZE articles_articleauthor")
    print(f"filled {rows:,} articles in {time.perf_counter() - started:.1f} s")


def measure(client, url: str, repeat: int, verbose: bool = False) -> tuple[int, bool, float, int]:
    """Queries, whether any counted the whole table, median milliseconds, status code."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches: templates, the planner
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    if verbose:
        for q in ctx.captured_queries:
            print(f"    {float(q['time']) * 1000:7.1f} ms  {q['sql'][:150]}")
    full_count = any(
        "COUNT(*)" in q["sql"].upper() and " WHERE " not in q["sql"].upper() and "articles_article" in q["sql"]
        for q in ctx.captured_queries
    )
    return len(ctx.captured_queries), full_count, statistics.median(timings), response.status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--explain", action="store_true", help="print the plan of the search query")
    parser.add_argument("--verbose", action="store_true", help="print each query with its time")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="measure Django's defaults instead: exact counts, the full-table count, a date hierarchy",
    )
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL (or BENCH_DATABASE_URL for make) to a PostgreSQL database.")
    ensure_database(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    call_command("migrate", verbosity=0)
    fill(args.rows)
    if args.baseline:
        from django.contrib import admin as django_admin

        from articles.models import Article as ArticleModel

        article_admin = django_admin.site._registry[ArticleModel]
        article_admin.get_paginator = django_admin.ModelAdmin.get_paginator.__get__(article_admin)
        article_admin.show_full_result_count = True
        article_admin.date_hierarchy = "published_at"

    from django.contrib.auth.models import Group, User

    from articles.models import Article, Section

    chief = User.objects.get_or_create(username="bench-chief", defaults={"is_staff": True})[0]
    chief.groups.add(Group.objects.get(name="Chief editor"))
    reporter = User.objects.get(username="bench-reporter")
    world = Section.objects.get(path="news/world")
    base = reverse("admin:articles_article_changelist")
    variants = [
        ("unfiltered, page 1", chief, base),
        ("unfiltered, page 400", chief, f"{base}?p=400"),
        ("status = published", chief, f"{base}?status__exact=published"),
        ("status = submitted", chief, f"{base}?status__exact=submitted"),
        ("section = World", chief, f"{base}?section__id__exact={world.pk}"),
        ("status + section", chief, f"{base}?status__exact=published&section__id__exact={world.pk}"),
        ("search headline 'Quake'", chief, f"{base}?q=Quake"),
        ("search headline 'Maseru 4242'", chief, f"{base}?q=Maseru+4242"),
        ("search + status + section", chief, f"{base}?q=Storm&status__exact=published&section__id__exact={world.pk}"),
        ("urgency 1-2 filter", chief, f"{base}?urgency=breaking"),
        ("reporter's list (own + published)", reporter, base),
        ("desk overview", chief, reverse("admin:articles_article_desk")),
    ]
    total = Article.objects.count()
    mode = "Django's defaults (baseline)" if args.baseline else "as configured"
    print(f"\nArticle changelist, {total:,} articles, PostgreSQL, {mode}")
    print(f"median of {args.repeat} requests through Django's test client, after one warm-up request")
    print(f"{'variant':<40} {'queries':>7} {'full COUNT(*)':>14} {'ms':>8}  status")
    client = Client()
    for label, user, url in variants:
        client.force_login(user)
        queries, full_count, ms, status = measure(client, url, args.repeat, args.verbose)
        print(f"{label:<40} {queries:>7} {'yes' if full_count else 'no':>14} {ms:>8.1f}  {status}")

    if args.explain:
        from django.db import connection

        qs = Article.objects.filter(headline__icontains="Maseru 4242").order_by("-published_at", "-created_at", "-pk")
        sql, params = qs[:100].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + sql, params)
            print("\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
