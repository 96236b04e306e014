"""Values every public template may use."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def site(request: HttpRequest) -> dict:
    """The site's name and its top-level sections for the navigation (one query, only if used)."""
    from articles.models import Section

    return {
        "site_name": settings.NEWSROOM["SITE_NAME"],
        "nav_sections": SimpleLazyObject(
            lambda: list(Section.objects.filter(parent__isnull=True).order_by("position", "name").only("name", "path"))
        ),
    }
