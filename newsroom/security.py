"""Content-Security-Policy for the two halves of the site, and the address a sign-in comes from.

Readers get a strict policy: scripts, styles, fonts and images from our own address only (and the
media address when photos live on another host), no inline script, no plugins, no framing. JSON-LD
is a data block, not a script a browser runs, so it needs no exception. The desk's admin keeps
scripts to our own files too, but allows inline styles and `data:`/`blob:` images, which CKEditor 5
and the admin's widgets set as they work.
"""

from __future__ import annotations

from typing import Any

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def _with_media(sources: list[str], media_origin: str) -> list[str]:
    return [*sources, media_origin] if media_origin else sources


def public_policy(media_origin: str = "") -> dict[str, Any]:
    """The readers' policy (also the default for anything outside the admin)."""
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _with_media([SELF, "data:"], media_origin),
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def desk_policy(media_origin: str = "") -> dict[str, Any]:
    """The admin's policy: our scripts only; inline styles and data/blob images for the editor."""
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": _with_media([SELF, "data:", "blob:"], media_origin),
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


DESK_PREFIXES = ("/admin/", "/ckeditor5/")


class NewsroomCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the desk's policy for the admin's addresses."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith(DESK_PREFIXES):
            parts.config = desk_policy(settings.NEWSROOM_MEDIA_ORIGIN)
        return parts


def client_address(request: HttpRequest) -> str:
    """The address a request comes from, as counted for sign-in lockouts.

    Behind `NEWSROOM_PROXY_COUNT` proxies (nginx in front), each appends the address it received
    from to X-Forwarded-For, so the client's own is that many places from the end; what a client
    writes in the header itself comes before it and is ignored. With no proxy, the header is not
    trusted at all.
    """
    proxies = settings.NEWSROOM_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
