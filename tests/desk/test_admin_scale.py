"""The desk's article list at scale: fixed queries, no count of the whole table (see make bench-admin)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin import paginator as paginator_module
from articles.admin.paginator import EstimatedCountPaginator
from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory


def changelist_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    ["", "?status__exact=published", "?q=story", "?status__exact=published&q=story&urgency=routine", "?p=1"],
)
def test_changelist_queries_do_not_grow_with_rows(client, chief_editor, params):
    """Five stories or sixty, the list costs the same number of queries."""
    url = reverse("admin:articles_article_changelist") + params
    client.force_login(chief_editor)
    ArticleFactory.create_batch(5, published=True)
    client.get(url)
    few = len(changelist_queries(client, url))
    ArticleFactory.create_batch(55, published=True, section=SectionFactory(name="World"))
    many = len(changelist_queries(client, url))
    assert few == many


@pytest.mark.django_db
def test_no_full_count_on_large_tables(client, chief_editor, monkeypatch):
    """With the table 'large', PostgreSQL lists without COUNT(*); SQLite, small by nature, counts."""
    ArticleFactory.create_batch(3, published=True)
    monkeypatch.setattr(paginator_module, "EXACT_BELOW", 0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_article")
    client.force_login(chief_editor)
    queries = changelist_queries(client, reverse("admin:articles_article_changelist"))
    counts = [q for q in queries if "COUNT(" in q.upper() and "articles_article" in q]
    if connection.vendor == "postgresql":
        assert counts == [], counts
        assert any("reltuples" in q for q in queries)
    else:
        assert len(counts) == 1


@pytest.mark.django_db
def test_estimating_paginator_counts_small_results_exactly(db):
    """A small filtered result is counted exactly on every database."""
    ArticleFactory.create_batch(3, published=True)
    ArticleFactory()
    pages = EstimatedCountPaginator(Article.objects.filter(status="published").order_by("pk"), 100)
    assert pages.count == 3


@pytest.mark.django_db
def test_every_article_admin_page_loads(client, chief_editor):
    """Each of the desk's admin pages answers 200 for the chief editor (catches misspelt options)."""
    article = ArticleFactory(published=True)
    client.force_login(chief_editor)
    names = [
        ("admin:index", []),
        ("admin:articles_article_changelist", []),
        ("admin:articles_article_add", []),
        ("admin:articles_article_change", [article.pk]),
        ("admin:articles_article_versions", [article.pk]),
        ("admin:articles_article_desk", []),
        ("admin:articles_article_import", []),
        ("admin:articles_section_changelist", []),
        ("admin:articles_source_changelist", []),
        ("admin:articles_author_changelist", []),
        ("admin:articles_editor_changelist", []),
        ("admin:auth_user_changelist", []),
    ]
    for name, args in names:
        assert client.get(reverse(name, args=args)).status_code == 200, name
