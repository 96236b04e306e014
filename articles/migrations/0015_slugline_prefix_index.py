"""The list's slugline search is by the start of the slugline (PostgreSQL only; SQLite scans)."""

from django.db import migrations

# `slugline__istartswith` runs as UPPER(slugline::text) LIKE UPPER('WORD%'); a b-tree with the
# pattern operator class on that expression serves a prefix LIKE in any collation.
CREATE = (
    "CREATE INDEX IF NOT EXISTS article_slugline_prefix_idx ON articles_article "
    "(UPPER(slugline::text) text_pattern_ops)"
)
DROP = "DROP INDEX IF EXISTS article_slugline_prefix_idx"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_discarded_drafts")]

    operations = [migrations.RunPython(forwards, backwards)]
