"""Indexes for the desk's article list at scale (PostgreSQL only; SQLite scans, which is fine there)."""

from django.db import migrations

# The admin's search is `headline__icontains`, which PostgreSQL runs as UPPER(headline::text)
# LIKE UPPER('%word%'); only a trigram index on that same expression can serve it.
CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS article_headline_trgm_idx ON articles_article "
    "USING gin (UPPER(headline::text) gin_trgm_ops)",
    # The search's "=slugline" term is UPPER(slugline) = UPPER('WORD'): an index on that expression.
    "CREATE INDEX IF NOT EXISTS article_slugline_upper_idx ON articles_article (UPPER(slugline::text))",
    # The changelist's default order (newest first, ties by creation then id) read straight off an index.
    "CREATE INDEX IF NOT EXISTS article_changelist_order_idx ON articles_article "
    "(published_at DESC, created_at DESC, id DESC)",
]
DROP = [
    "DROP INDEX IF EXISTS article_headline_trgm_idx",
    "DROP INDEX IF EXISTS article_changelist_order_idx",
    "DROP INDEX IF EXISTS article_slugline_upper_idx",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in CREATE:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in DROP:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_editorial_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
