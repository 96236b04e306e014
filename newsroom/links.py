"""Absolute addresses: the one place that joins the site's public address (NEWSROOM_BASE_URL) to a path.

Canonical links, Open Graph, JSON-LD, feeds, sitemaps, robots.txt, e-mail, share links and command
output all use it, so they agree with each other whatever host a request came in on.
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """An absolute address on the public site for a path (an already absolute URL is returned as is)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.NEWSROOM["BASE_URL"] + path
