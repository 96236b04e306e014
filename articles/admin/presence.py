"""Who has an article's change form open, kept in the cache with a heartbeat (no table, no cron)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def _key(article_id: int) -> str:
    return f"articles:presence:{article_id}"


def _ttl() -> int:
    return int(settings.NEWSROOM.get("PRESENCE_SECONDS", 180))


def touch(article_id: int, user) -> None:
    """Record that the user has the article open now (opening the form, or the page's heartbeat)."""
    now = timezone.now()
    entries = _fresh(cache.get(_key(article_id)) or {}, now)
    name = user.get_full_name() or user.get_username()
    since = entries.get(str(user.pk), {}).get("since", now.isoformat())
    entries[str(user.pk)] = {"name": name, "since": since, "seen": now.isoformat()}
    cache.set(_key(article_id), entries, _ttl())


def leave(article_id: int, user) -> None:
    """Forget the user's presence (after a save that closes the form)."""
    entries = cache.get(_key(article_id)) or {}
    if entries.pop(str(user.pk), None) is not None:
        cache.set(_key(article_id), entries, _ttl())


def clear(article_id: int) -> None:
    """Forget everyone's presence: after a transition every open form is stale (and may be read-only)."""
    cache.delete(_key(article_id))


def others(article_id: int, user) -> list[dict]:
    """The other people with the article open: name and since when (an aware datetime)."""
    entries = _fresh(cache.get(_key(article_id)) or {}, timezone.now())
    return [
        {"name": entry["name"], "since": datetime.datetime.fromisoformat(entry["since"])}
        for user_id, entry in sorted(entries.items(), key=lambda item: item[1]["since"])
        if user_id != str(user.pk)
    ]


def _fresh(entries: dict, now: datetime.datetime) -> dict:
    # A closed tab stops its heartbeat; its entry lapses after the presence time.
    limit = now - datetime.timedelta(seconds=_ttl())
    return {k: v for k, v in entries.items() if datetime.datetime.fromisoformat(v["seen"]) > limit}
