"""Shared fixtures for the newsroom's tests."""

import os
from pathlib import Path

import pytest

# The agency page we reproduce lives in shared/, beside the checkout (as in CI); it is not copied
# into the project.
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "xinhua-2024-01-08-turkiye-ev.txt"


@pytest.fixture
def seed_path() -> Path:
    """The shared seed file; a missing one fails the test rather than skipping it."""
    assert SEED.exists(), f"the seed page is missing: {SEED} (shared/ must sit beside the checkout)"
    return SEED


@pytest.fixture(autouse=True)
def _temporary_media(settings, tmp_path):
    """Uploaded photos and renditions go to a per-test folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Logins in tests need no slow key stretching; production keeps Django's default hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so cached pages never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def no_page_cache(settings):
    """Turn the public page cache off, so a request shows what rendering the page costs."""
    settings.NEWSROOM = {**settings.NEWSROOM, "PAGE_CACHE_SECONDS": 0}


@pytest.fixture
def demo_data(db):
    """The project's demo content, as `make demo` loads it."""
    from django.core.management import call_command

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
