"""Readers can enlarge and shrink the article text, and the size is kept on the next page."""

import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BODY_SIZE = "() => parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize)"


def test_font_buttons_change_and_remember_the_size(live_server, page, seed_path):
    """Larger grows the body text, smaller shrinks it, and a reload keeps the choice."""
    call_command("import_wire", str(seed_path), "--publish")
    url = live_server.url + Article.objects.get().get_absolute_url()
    page.goto(url)
    larger = page.get_by_role("button", name="Larger text")
    smaller = page.get_by_role("button", name="Smaller text")
    start = page.evaluate(BODY_SIZE)

    larger.click()
    bigger = page.evaluate(BODY_SIZE)
    assert bigger > start

    page.reload()
    assert page.evaluate(BODY_SIZE) == bigger, "the chosen size is kept after a reload"

    smaller.click()
    smaller.click()
    assert page.evaluate(BODY_SIZE) < start
