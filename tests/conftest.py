"""Shared fixtures for the newsroom's tests."""

import io
from pathlib import Path

import pytest

# The agency page we reproduce lives in shared/, beside the checkout (as in CI); it is not copied
# into the project.
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "xinhua-2024-01-08-turkiye-ev.txt"


def pytest_collection_modifyitems(config, items):
    """Every transactional test restores the migrated data (groups, permissions, content types).

    A transactional test empties the database when it ends; without serialized rollback the next
    one would start without the desk's roles and with stale content-type ids, so the outcome
    would depend on the order the suite runs in.
    """
    wrong = []
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None:
            continue
        options = dict(zip(("transaction", "reset_sequences"), marker.args, strict=False)) | marker.kwargs
        if options.get("transaction") and not options.get("serialized_rollback"):
            wrong.append(item.nodeid)
    if wrong:
        raise pytest.UsageError(
            "django_db(transaction=True) needs serialized_rollback=True as well: " + ", ".join(wrong)
        )


def pytest_configure(config):
    """Tests make many users; a fast hasher keeps that quick (production keeps Django's default).

    Background tasks run inside the caller, so a test sees their outcome at once; the tests of
    the queue itself switch to the database backend with the `queued_tasks` fixture.
    """
    from django.conf import settings
    from django.core.signals import setting_changed

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # The second sign-in factor is off unless a test turns it on with the `two_factor` fixture:
    # the other tests sign in with force_login and test what comes after the sign-in.
    settings.NEWSROOM_TWO_FACTOR = False
    # Django is set up by now and the task backends may be built: tell them the setting changed.
    setting_changed.send(sender=type(settings), setting="TASKS", value=settings.TASKS, enter=True)


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
def queued_tasks(settings):
    """Background tasks are queued in the database, as in production, until the test runs them.

    Returns a function that runs every queued task as `manage.py db_worker` does (claim, run,
    record the outcome), inside the test's database connection, and says how many it ran.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"], excluded_queue_names=[], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="test-worker",
    )  # fmt: skip

    def run() -> int:
        count = 0
        while (row := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
            row.claim(worker.worker_id)
            worker.run_task(row)
            count += 1
        return count

    return run


@pytest.fixture
def two_factor(settings):
    """Two-factor sign-in required for the desk, as in production."""
    settings.NEWSROOM_TWO_FACTOR = True


@pytest.fixture
def no_page_cache(settings):
    """Turn the public page cache off, so a request shows what rendering the page costs."""
    settings.NEWSROOM = {**settings.NEWSROOM, "PAGE_CACHE_SECONDS": 0}


@pytest.fixture
def demo_data(db):
    """The project's demo content, as `make demo` loads it."""
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def reporter(db):
    """Rita, a reporter with an author profile."""
    from tests.factories import user_in_role

    return user_in_role("Reporter", username="rita", name="Rita Reporter")


@pytest.fixture
def other_reporter(db):
    """Oscar, another reporter."""
    from tests.factories import user_in_role

    return user_in_role("Reporter", username="oscar", name="Oscar Other")


@pytest.fixture
def desk_editor(db):
    """Dana, a desk editor with an editor profile."""
    from tests.factories import user_in_role

    return user_in_role("Desk editor", username="dana", name="Dana Desk")


@pytest.fixture
def chief_editor(db):
    """Chen, the chief editor."""
    from tests.factories import user_in_role

    return user_in_role("Chief editor", username="chen", name="Chen Chief")


@pytest.fixture
def own_draft(reporter):
    """A draft Rita wrote, with Rita in the byline."""
    from tests.factories import ArticleFactory

    return ArticleFactory(created_by=reporter, authors=[reporter.author_profile])
