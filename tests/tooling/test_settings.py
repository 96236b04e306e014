"""Production settings refuse to start unsafely; development needs nothing set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://news.example.org"


def run_check(**env_vars):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "NEWSROOM_BASE_URL"))
    }
    env.update(env_vars)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "secret",
    [None, "newsroom-development-key-not-for-production", "short"],
    ids=["missing", "development default", "too short"],
)
def test_debug_off_refuses_an_unsafe_secret_key(secret):
    """With debug off, a missing, default or short key stops start-up with a clear message."""
    env = {"DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "news.example.org", "NEWSROOM_BASE_URL": SITE}
    if secret is not None:
        env["DJANGO_SECRET_KEY"] = secret
    result = run_check(**env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_debug_off_refuses_empty_allowed_hosts():
    """With debug off and no allowed hosts, start-up says which variable to set."""
    result = run_check(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50, NEWSROOM_BASE_URL=SITE)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize("base_url", [None, "", "news.example.org"], ids=["missing", "empty", "no scheme"])
def test_debug_off_refuses_a_missing_base_url(base_url):
    """With debug off and no usable NEWSROOM_BASE_URL, start-up says which variable to set."""
    env = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "k" * 60, "DJANGO_ALLOWED_HOSTS": "news.example.org"}
    if base_url is not None:
        env["NEWSROOM_BASE_URL"] = base_url
    result = run_check(**env)
    assert result.returncode != 0
    assert "NEWSROOM_BASE_URL" in result.stderr


def test_production_settings_start_when_complete():
    """A long secret key, a host name and the public address are enough for a clean check."""
    result = run_check(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="k" * 60,
        DJANGO_ALLOWED_HOSTS="news.example.org",
        NEWSROOM_BASE_URL=SITE,
    )
    assert result.returncode == 0, result.stderr


def test_base_url_is_read_from_the_environment():
    """NEWSROOM_BASE_URL becomes the site's address for absolute links, without a trailing slash."""
    code = "from django.conf import settings; print(settings.NEWSROOM['BASE_URL'])"
    env = {k: v for k, v in os.environ.items() if k != "NEWSROOM_BASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    env["NEWSROOM_BASE_URL"] = "http://127.0.0.1:8790/"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == "http://127.0.0.1:8790"


def test_unreadable_debug_value_is_refused():
    """DJANGO_DEBUG=maybe is an error, not a guess."""
    result = run_check(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe'" in result.stderr


def test_redis_url_selects_the_redis_cache():
    """REDIS_URL switches the cache to Redis; without it the cache is local memory."""
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    base = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)}
    base["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    with_redis = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT, env={**base, "REDIS_URL": "redis://127.0.0.1:6379/0"}, capture_output=True, text=True, check=True,
    )  # fmt: skip
    without = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT, env=base, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert with_redis.stdout.strip() == "django.core.cache.backends.redis.RedisCache"
    assert without.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"
