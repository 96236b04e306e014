"""The demo's lead photos appear in each story's history, like any edit the desk makes."""

import pytest

from articles.models import Article


@pytest.mark.django_db
def test_demo_lead_photos_are_in_history(demo_data):
    """Each demo story's latest version shows the lead photo it carries, with no new public update time."""
    with_photo = list(Article.objects.filter(lead_photo__isnull=False))
    assert with_photo
    for article in with_photo:
        latest = article.history.order_by("-history_date", "-history_id").first()
        assert latest is not None and latest.lead_photo_id == article.lead_photo_id, article.headline
        assert latest.updated_at == article.updated_at
