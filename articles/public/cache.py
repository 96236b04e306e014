"""The public page cache: whole anonymous pages, keyed by a site-wide generation.

Every page's cache key contains the current generation, so one `purge_public_pages()` (a new
generation) retires every cached page at once: a published, corrected or withdrawn story shows on
the home page, its sections, feeds and sitemaps on the next request. An embargo lifting is a
change nobody triggers, so the generation also records when the next embargoed story goes live
and renews itself at that moment.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

GENERATION_KEY = "newsroom:pages:generation"
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")

logger = logging.getLogger(__name__)


def _next_embargo_end() -> float | None:
    """When the next scheduled story goes live (a Unix time), or None when none is waiting."""
    from articles.models import Article

    upcoming = Article.objects.embargoed().order_by("published_at").values_list("published_at", flat=True).first()
    return upcoming.timestamp() if upcoming else None


def purge_public_pages() -> int:
    """Retire every cached public page by starting a new generation; returns the new one."""
    generation = time.time_ns()
    cache.set(GENERATION_KEY, (generation, _next_embargo_end()), timeout=None)
    return generation


def current_generation() -> int:
    """The generation cached pages must carry; renews itself when an embargo lifts."""
    stored = cache.get(GENERATION_KEY)
    if stored is None:
        return purge_public_pages()
    generation, valid_until = stored
    if valid_until is not None and time.time() >= valid_until:
        return purge_public_pages()
    return generation


def page_settings() -> dict:
    """How long pages stay in our cache and what the CDN and browsers are told."""
    return {
        "SECONDS": settings.NEWSROOM.get("PAGE_CACHE_SECONDS", 300),
        "MAX_AGE": settings.NEWSROOM.get("PAGE_MAX_AGE", 60),
        "S_MAXAGE": settings.NEWSROOM.get("PAGE_S_MAXAGE", 120),
        "FRONT_SECONDS": settings.NEWSROOM.get("FRONT_CACHE_SECONDS", 1),
    }


def _is_cacheable_query(request: HttpRequest) -> bool:
    """Whether the query string is empty or only a page number: any other one is served uncached."""
    # Otherwise every made-up query string (/?a=1, /?a=2...) would store a copy of the page.
    if not request.GET:
        return True
    pages = request.GET.getlist("page")
    return list(request.GET) == ["page"] and len(pages) == 1 and PAGE_NUMBER.fullmatch(pages[0]) is not None


def _page_key(request: HttpRequest, generation: int) -> str:
    # Built from the path and the page number alone, so "/?" or "/?page=2&" share one entry.
    page = request.GET.get("page")
    address = f"{request.path}?page={page}" if page else request.path
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"newsroom:page:{generation}:{translation.get_language()}:{digest}"


def _is_anonymous(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def public_page(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Serve a public view from the page cache to anonymous readers; staff always see it fresh."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        config = page_settings()
        if request.method not in ("GET", "HEAD") or not _is_anonymous(request):
            response = view(request, *args, **kwargs)
            # Signed-in people see drafts' neighbours and their own state: never share their pages.
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if not config["SECONDS"] or not _is_cacheable_query(request):
            response = view(request, *args, **kwargs)
            _mark_public(response, config)
            return response
        try:
            key = _page_key(request, current_generation())
            cached = cache.get(key)
        except Exception:
            # A cache outage (Redis down) must not take the site with it: serve the page uncached.
            logger.warning("Page cache unavailable; serving %s uncached", request.path, exc_info=True)
            response = view(request, *args, **kwargs)
            _mark_public(response, config)
            return response
        if cached is not None:
            response = _rebuild(cached)
            conditional = get_conditional_response(
                request,
                etag=response.headers.get("ETag"),
                last_modified=_last_modified(response),
                response=response,
            )
            return conditional if conditional is not None else response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        _mark_public(response, config)
        if isinstance(response, HttpResponse) and response.status_code == 200 and not response.cookies:
            try:
                cache.set(key, _freeze(response), config["SECONDS"])
            except Exception:
                logger.warning("Page cache unavailable; %s not stored", request.path, exc_info=True)
        return response

    return wrapped


def _mark_public(response: HttpResponseBase, config: dict) -> None:
    if response.status_code in (200, 301, 304, 404, 410):
        patch_cache_control(response, public=True, max_age=config["MAX_AGE"], s_maxage=config["S_MAXAGE"])
        # How long the front server (nginx) may serve its copy before asking again; nginx reads
        # this header and does not pass it on. See articles/public/front.py.
        response.headers["X-Accel-Expires"] = str(config["FRONT_SECONDS"])
    patch_vary_headers(response, ("Accept-Language", "Cookie"))


def _freeze(response: HttpResponse) -> dict:
    return {"content": response.content, "status": response.status_code, "headers": dict(response.headers)}


def _rebuild(frozen: dict) -> HttpResponse:
    response = HttpResponse(frozen["content"], status=frozen["status"])
    for name, value in frozen["headers"].items():
        response.headers[name] = value
    return response


def _last_modified(response: HttpResponseBase) -> int | None:
    from django.utils.http import parse_http_date_safe

    value = response.headers.get("Last-Modified")
    return parse_http_date_safe(value) if value else None
