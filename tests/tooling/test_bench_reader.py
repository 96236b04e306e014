"""The reader benchmark command runs and prints its figures."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_bench_reader_prints_queries_bytes_and_times(demo_data):
    """`manage.py bench_reader` prints a line per page and the article page weight."""
    out = StringIO()
    call_command("bench_reader", repeat=1, stdout=out)
    text = out.getvalue()
    for page in ("home", "section", "article", "author", "search", "rss", "sitemap"):
        assert f"\n{page}" in text
    assert "article page weight:" in text


def test_bench_reader_needs_content():
    """On an empty site the benchmark says to load the demo first."""
    with pytest.raises(CommandError, match="load_demo"):
        call_command("bench_reader", repeat=1, stdout=StringIO())
