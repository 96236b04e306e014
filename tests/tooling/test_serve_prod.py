"""`make serve-prod`: nginx in front of gunicorn and the worker, debug off, all stopped by one signal."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str):
    try:
        return urllib.request.urlopen(url, timeout=5)  # noqa: S310  (our own local server)
    except urllib.error.HTTPError as error:
        return error


@pytest.fixture
def nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        message = "nginx is not installed; install Debian's 'nginx' package"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_serve_prod_runs_the_site_behind_nginx_and_stops_on_one_signal(nginx, tmp_path):
    front, app = free_port(), free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL") and not k.startswith("DJANGO_")
    }
    env.update(
        FRONT_PORT=str(front), APP_PORT=str(app), NEWSROOM_VAR_DIR=str(tmp_path), STATIC_ROOT=str(tmp_path / "static")
    )
    server = subprocess.Popen(
        [sys.executable, "deploy/serve_prod.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        home = None
        while time.monotonic() < deadline:
            try:
                home = urllib.request.urlopen(f"http://127.0.0.1:{front}/", timeout=2)  # noqa: S310
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.stdout.read()
                time.sleep(0.5)
        assert home is not None and home.status == 200
        assert home.headers["Server"].startswith("nginx")
        assert "Content-Security-Policy" in home.headers  # the app answered through nginx
        # Debug is off: an unknown page is the plain 404, not Django's debug page.
        missing = get(f"http://127.0.0.1:{front}/no/such/page/")
        assert missing.status == 404 and "Django tried these URL patterns" not in missing.read().decode()
        # nginx serves the collected static files itself, fingerprinted and kept for a year.
        css = re.search(r'href="(/static/[^"]+\.css)"', home.read().decode()).group(1)
        static = get(f"http://127.0.0.1:{front}{css}")
        assert static.status == 200 and "immutable" in static.headers["Cache-Control"]
        assert get(f"http://127.0.0.1:{front}/admin/login/").status == 200
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    # Everything it started is gone: nothing answers on either port.
    for port in (front, app):
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0


def test_nginx_takes_uploads_as_large_as_the_photo_limit():
    """The front server's body limit lets a full-size photo through (and not much more)."""
    template = (ROOT / "deploy" / "nginx" / "newsroom.conf.template").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", template).group(1))
    limit = settings.NEWSROOM["PHOTO_MAX_BYTES"]
    assert limit < megabytes * 1024 * 1024 <= limit + 2 * 1024 * 1024
