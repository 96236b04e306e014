"""Playwright with Debian's Chromium for the browser tests.

Locally a machine without Chromium skips these tests with the reason printed; in CI (CI=true)
a missing browser is a failure, so a green run always includes them.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the tests still use the ORM directly.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_browser(django_db_setup, django_db_blocker):
    """One headless Chromium for the whole run."""
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}; install Debian's 'chromium' package"
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Starting Playwright's event loop gives this thread a new context, and with it new Django
    # connection objects: carry over the migrated data that serialized rollback restores, or every
    # transactional test after the first would start without the desk's roles.
    migrated = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        for alias, contents in migrated.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium_browser):
    """A fresh browser context (no stored data) and page."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe_script() -> Path:
    """axe-core's script, installed by npm (`make test-tools` or .ci/run); missing fails in CI."""
    if not AXE.exists():
        message = f"{AXE} is missing: run `make test-tools` (npm ci) in the project"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE


# Every user the factories make has this password.
PASSWORD = "correct horse battery staple"


def enter_password(page, live_server, username: str) -> None:
    """Open the admin's sign-in page and sign in with the user name and the factories' password."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def login(browser, live_server, username: str, **options):
    """A new browser context signed in to the admin as `username`; its page."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 1000}, **options})
    page = context.new_page()
    enter_password(page, live_server, username)
    page.wait_for_selector("#user-tools")
    return page
