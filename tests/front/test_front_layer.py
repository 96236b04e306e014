"""nginx in front of the app: published pages come from its cache, a change shows at once, and the
last pages stay up when the app is down, without bringing back anything withdrawn."""

from __future__ import annotations

import datetime
import importlib.util
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "front-refresh-token-for-the-tests-0123456789"
_spec = importlib.util.spec_from_file_location("serve_prod", ROOT / "deploy" / "serve_prod.py")
serve_prod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(serve_prod)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Front:
    """nginx with the newsroom's site template, in front of the test's live server."""

    def __init__(self, binary: str, run: Path, app_address: str):
        self.binary, self.run, self.port = binary, run, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.configure(app_address)
        self.process = subprocess.Popen(
            [binary, "-c", str(self.config), "-p", str(run), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("nginx did not start")

    def configure(self, app_address: str) -> None:
        self.config = serve_prod.render_nginx(
            self.run,
            front_port=self.port,
            app_address=app_address,
            static_root=ROOT / "static",
            media_root=self.run / "media",
            refresh_token=TOKEN,
        )

    def app_down(self) -> None:
        """Point nginx at an address where nothing answers, as when the app server is stopped."""
        self.configure(f"127.0.0.1:{free_port()}")
        subprocess.run(
            [self.binary, "-c", str(self.config), "-p", str(self.run), "-s", "reload"], check=True, capture_output=True
        )
        time.sleep(0.5)

    def get(self, path: str, method: str = "GET", **headers):
        request = urllib.request.Request(self.url + path, method=method, headers=headers)  # noqa: S310
        try:
            response = urllib.request.urlopen(request, timeout=10)  # noqa: S310  (our own test server)
        except urllib.error.HTTPError as error:
            response = error
        response.text = response.read().decode()
        return response

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def front(live_server, settings, tmp_path):
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if binary is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("nginx is not installed; install Debian's 'nginx' package")
        pytest.skip("nginx is not installed")
    server = Front(binary, tmp_path / "front", live_server.url.removeprefix("http://"))
    settings.NEWSROOM_FRONT_URL = server.url
    settings.NEWSROOM_FRONT_TOKEN = TOKEN
    settings.NEWSROOM = {**settings.NEWSROOM, "BASE_URL": server.url}
    yield server
    server.stop()


@pytest.fixture
def chief():
    from tests.factories import user_in_role

    return user_in_role("Chief editor", username="chen", name="Chen Chief")


# Answers nginx gave from its own copy without waiting for the app: a fresh copy, or one just past
# its second whose renewal runs in the background (on a busy machine the refresh of a story's many
# pages can take longer than a second, so the first ones refreshed may already be that old).
FROM_CACHE = {"HIT", "STALE", "UPDATING"}


def served_from_cache(front: Front, path: str) -> Front:
    response = front.get(path)
    assert response.headers["X-Front-Cache"] in FROM_CACHE, (path, response.headers["X-Front-Cache"])
    return response


def warm(front: Front, *paths: str) -> None:
    for path in paths:
        front.get(path)
        front.get(path)


def test_a_publish_shows_at_once_on_every_page_it_is_on_from_nginx(front, chief):
    world = SectionFactory(name="World", slug="world")
    ArticleFactory(published=True, section=world, headline="Ferry strike ends in Lisbon")
    story = ArticleFactory(
        section=world, headline="Harbour wall repaired after the storm", status=Article.Status.SUBMITTED
    )
    warm(front, "/", "/world/", "/feeds/rss.xml")
    assert "Harbour wall" not in served_from_cache(front, "/").text

    workflow.publish(Article.objects.get(pk=story.pk), user=chief)
    story.refresh_from_db()
    # No waiting for a cache to expire: the worker's refresh already put the new pages in nginx.
    for path in ("/", "/world/", "/feeds/rss.xml", story.get_absolute_url()):
        assert "Harbour wall repaired after the storm" in served_from_cache(front, path).text, path


def test_a_correction_and_a_withdrawal_show_at_once(front, chief):
    story = ArticleFactory(published=True, headline="Tram fares rise by a fifth", body="<p>It costs 45 million.</p>")
    path = story.get_absolute_url()
    warm(front, path, "/")
    workflow.correct(Article.objects.get(pk=story.pk), user=chief, note="The sum is 54 million euros.")
    assert "The sum is 54 million euros." in served_from_cache(front, path).text

    workflow.withdraw(Article.objects.get(pk=story.pk), user=chief, note="A court ordered it.")
    gone = served_from_cache(front, path)
    assert gone.status == 410 and "A court ordered it." in gone.text
    assert "Tram fares rise by a fifth" not in served_from_cache(front, "/").text


def test_an_embargo_release_shows_without_anyone_publishing(front, chief, queued_tasks):
    story = ArticleFactory(headline="Budget figures released at noon", status=Article.Status.SUBMITTED)
    warm(front, "/")
    at = timezone.now() + datetime.timedelta(seconds=2)
    workflow.publish(Article.objects.get(pk=story.pk), user=chief, at=at)
    queued_tasks()  # the refresh at the moment of scheduling: still nothing to see
    assert "Budget figures" not in served_from_cache(front, "/").text
    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 0.1)
    assert queued_tasks() == 1  # the refresh queued for the embargo's end, run by the worker
    assert "Budget figures released at noon" in served_from_cache(front, "/").text


def test_staff_previews_share_links_and_odd_queries_never_come_from_the_cache(front, chief):
    story = ArticleFactory(published=True, headline="Harbour wall repaired")
    draft = ArticleFactory(headline="A draft nobody may see")
    warm(front, "/")
    for _ in range(2):
        assert "X-Front-Cache" not in front.get("/admin/login/").headers
        assert front.get(f"/preview/{draft.pk}/").headers.get("X-Front-Cache") is None
    assert front.get("/", Cookie="sessionid=abc").headers["X-Front-Cache"] == "BYPASS"
    assert front.get("/search/?q=harbour").headers["X-Front-Cache"] == "BYPASS"
    assert front.get("/?utm_source=mail").headers["X-Front-Cache"] == "BYPASS"
    front.get("/?page=1")
    assert front.get("/?page=1").headers["X-Front-Cache"] in FROM_CACHE
    # A forged refresh header does not make nginx ask the app.
    assert front.get("/", **{"X-Newsroom-Refresh": "guess"}).headers["X-Front-Cache"] in FROM_CACHE
    # HEAD and conditional requests keep working from the cache.
    path = story.get_absolute_url()
    warm(front, path)
    assert front.get(path, method="HEAD").status == 200
    etag = front.get(path).headers.get("ETag")
    if etag:
        assert front.get(path, **{"If-None-Match": etag}).status == 304


def test_with_the_app_down_published_pages_stay_and_withdrawn_ones_do_not_return(front, chief):
    kept = ArticleFactory(published=True, headline="Ferry strike ends in Lisbon")
    killed = ArticleFactory(published=True, headline="Mayor resigns, says aide")
    warm(front, "/", kept.get_absolute_url(), killed.get_absolute_url())
    workflow.withdraw(Article.objects.get(pk=killed.pk), user=chief, note="The report was wrong.")
    front.app_down()
    time.sleep(1.1)  # every copy is past its second: nginx would ask the app, which is gone
    page = front.get(kept.get_absolute_url())
    assert page.status == 200 and "Ferry strike ends in Lisbon" in page.text
    assert page.headers["X-Front-Cache"] in ("STALE", "UPDATING")
    assert front.get(killed.get_absolute_url()).status == 410
    assert "Mayor resigns" not in front.get("/").text
