"""`make serve-prod`: the newsroom as it runs in production, on this machine, on 127.0.0.1.

nginx in front (FRONT_PORT, default 8080), gunicorn behind it (APP_PORT, default 8001) and the
background worker, with debug off. DATABASE_URL and REDIS_URL come from the environment (without
them: the SQLite file under var/ and the local-memory cache). It migrates and collects the static
files first; Ctrl-C, SIGINT or SIGTERM stops everything it started.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parents[1]
VAR = Path(os.environ.get("NEWSROOM_VAR_DIR", ROOT / "var"))
RUN = VAR / "serve-prod"


def _kept_secret(name: str) -> str:
    """A random secret made on the first run and kept under var/, so later runs use the same."""
    path = VAR / name
    if not path.exists():
        VAR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(40) + "\n")
        path.chmod(0o600)
    return path.read_text().strip()


def settings_environment(front_port: int, app_port: int) -> dict[str, str]:
    """Production settings for a local trial: a kept secret key, local hosts, plain HTTP cookies."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SECRET_KEY", _kept_secret("serve-prod-secret-key.txt"))
    env.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    env.setdefault("NEWSROOM_BASE_URL", f"http://127.0.0.1:{front_port}")
    # Served over plain HTTP on this machine: cookies without the Secure flag, or no sign-in works.
    env.setdefault("DJANGO_SECURE_COOKIES", "false")
    env.setdefault("NEWSROOM_PROXY_COUNT", "1")
    env.setdefault("NEWSROOM_FRONT_URL", f"http://127.0.0.1:{front_port}")
    env.setdefault("NEWSROOM_FRONT_TOKEN", _kept_secret("serve-prod-front-token.txt"))
    env["DJANGO_DEBUG"] = "false"
    env["APP_BIND"] = f"127.0.0.1:{app_port}"
    return env


def render_nginx(
    run: Path, *, front_port: int, app_address: str, static_root: Path, media_root: Path, refresh_token: str
) -> Path:
    """nginx's whole configuration for a local run, around the same site template a server uses."""
    for folder in ("logs", "temp", "cache"):
        (run / folder).mkdir(parents=True, exist_ok=True)
    site = Template((ROOT / "deploy" / "nginx" / "newsroom.conf.template").read_text()).safe_substitute(
        LISTEN=f"127.0.0.1:{front_port}",
        SERVER_NAME="127.0.0.1 localhost",
        APP_ADDRESS=app_address,
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(media_root),
        TLS="",
        CACHE_DIR=str(run / "cache"),
        REFRESH_TOKEN=refresh_token,
    )
    temp = run / "temp"
    # Started by root (a container, CI), nginx would hand requests to "nobody", who cannot read a
    # checkout under /root; a local trial serves as the user who started it.
    user = "user root;" if os.geteuid() == 0 else ""
    config = f"""
{user}
worker_processes 2;
pid {run / "nginx.pid"};
error_log {run / "logs" / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {run / "logs" / "access.log"};
    sendfile on;
    client_body_temp_path {temp / "body"};
    proxy_temp_path {temp / "proxy"};
    fastcgi_temp_path {temp / "fastcgi"};
    uwsgi_temp_path {temp / "uwsgi"};
    scgi_temp_path {temp / "scgi"};
{site}
}}
"""
    path = run / "nginx.conf"
    path.write_text(config)
    return path


def main() -> int:
    front_port = int(os.environ.get("FRONT_PORT", "8080"))
    app_port = int(os.environ.get("APP_PORT", "8001"))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        print("nginx is not installed: on Debian, `apt-get install nginx`.", file=sys.stderr)
        return 1
    env = settings_environment(front_port, app_port)
    python = sys.executable
    manage = [python, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "--verbosity", "0"], env=env, cwd=ROOT, check=True)
    where = "from django.conf import settings; print(settings.STATIC_ROOT); print(settings.MEDIA_ROOT)"
    paths = subprocess.run(
        [*manage, "shell", "-c", where], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    config = render_nginx(
        RUN,
        front_port=front_port,
        app_address=f"127.0.0.1:{app_port}",
        static_root=Path(paths[-2]),
        media_root=Path(paths[-1]),
        refresh_token=env["NEWSROOM_FRONT_TOKEN"],
    )
    subprocess.run([nginx, "-t", "-q", "-c", str(config), "-p", str(RUN)], check=True)

    gunicorn = [python, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "newsroom.wsgi"]
    worker = [*manage, "db_worker", "--no-reload", "--queue-name", "*", "--verbosity", "0"]
    front = [nginx, "-c", str(config), "-p", str(RUN), "-g", "daemon off;"]
    children = [
        subprocess.Popen(gunicorn, env=env, cwd=ROOT),
        subprocess.Popen(worker, env=env, cwd=ROOT),
        subprocess.Popen(front, cwd=ROOT),
    ]
    print(f"The newsroom at http://127.0.0.1:{front_port}/ (nginx), app server on 127.0.0.1:{app_port}; Ctrl-C stops.")

    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.2)
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
    failed = [
        child.args[2] if len(child.args) > 2 else child.args[0]
        for child in children
        if child.returncode not in (0, -15, None)
    ]
    return 1 if failed and not stopping else 0


if __name__ == "__main__":
    sys.exit(main())
