"""Benchmark: readers' pages through the front layer, the app with and without its page cache, and a
plain nginx serving a static copy of the same article page as the limit of this machine.

`make bench` (BENCH_DATABASE_URL names the PostgreSQL database; it is created and filled with the
seed story and 100,000 generated ones once). Starts gunicorn twice (page cache on Redis, and off),
nginx with the newsroom's site in front of the first, a plain nginx with the static copy, and the
worker; runs interleaved wrk rounds and prints per page and path the requests per second, p50 and
p99 latency, the server CPU per request (gunicorn, nginx, PostgreSQL and Redis processes) and the
ratio to the static nginx of the same run; then the time from publish to visible through the front
layer, over 20 publishes and 5 embargo releases. Writes the table to docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TOKEN = "bench-front-refresh-token-0123456789abcdef"
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()  # noqa: S310  (our own local servers)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def process_table() -> dict[int, tuple[int, str, float]]:
    """pid -> (parent pid, name, CPU seconds so far) for every process."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        table[int(entry.name)] = (int(fields[1]), name, (int(fields[11]) + int(fields[12])) / TICKS)
    return table


def server_cpu(roots: list[int]) -> float:
    """CPU seconds of the given processes and their children, and of PostgreSQL and Redis."""
    table = process_table()
    wanted = set(roots)
    grew = True
    while grew:
        grew = False
        for pid, (parent, _, _) in table.items():
            if parent in wanted and pid not in wanted:
                wanted.add(pid)
                grew = True
    return sum(cpu for pid, (_, name, cpu) in table.items() if pid in wanted or name in ("postgres", "redis-server"))


def wrk(url: str, seconds: int, roots: list[int]) -> dict[str, float]:
    before = server_cpu(roots)
    out = subprocess.run(
        ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", url], capture_output=True, text=True, check=True
    ).stdout
    cpu = server_cpu(roots) - before
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))

    def latency(percent: str) -> float:
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return {"rps": rate, "p50": latency("50"), "p99": latency("99"), "cpu_ms": 1000 * cpu / max(total, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"{tool} is not installed: on Debian, apt-get install {tool}")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    run = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    front_port, cached_port, uncached_port, static_port = (free_port() for _ in range(4))
    front_url = f"http://127.0.0.1:{front_port}"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        NEWSROOM_FRONT_URL=front_url,
        NEWSROOM_FRONT_TOKEN=TOKEN,
        NEWSROOM_BASE_URL=front_url,
        NEWSROOM_VAR_DIR=str(run / "var"),
    )
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")

    from benchmarks.admin_changelist import ensure_database, fill

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    fill(options.rows)
    seed = ROOT.parent / "shared" / "seeds" / "xinhua-2024-01-08-turkiye-ev.txt"
    from articles.models import Article

    if not Article.objects.filter(headline__startswith="Türkiye").exists():
        call_command("import_wire", str(seed), "--publish", verbosity=0)
    article = Article.objects.published().order_by("-pk").filter(body__contains="Xinhua").first() or (
        Article.objects.published().order_by("-published_at").first()
    )
    article_path = article.get_absolute_url()
    section_path = article.section.get_absolute_url()

    spec = importlib.util.spec_from_file_location("serve_prod", ROOT / "deploy" / "serve_prod.py")
    serve_prod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve_prod)

    env = {**os.environ, "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "b" * 20 + TOKEN, "WEB_CONCURRENCY": "2"}
    env["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    env["DJANGO_SECURE_COOKIES"] = "false"
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "newsroom.wsgi"]
    children = {
        "cached": subprocess.Popen(gunicorn, cwd=ROOT, env={**env, "APP_BIND": f"127.0.0.1:{cached_port}"},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        "uncached": subprocess.Popen(
            gunicorn, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**env, "APP_BIND": f"127.0.0.1:{uncached_port}", "NEWSROOM_PAGE_CACHE_SECONDS": "0"},
        ),
        "worker": subprocess.Popen([sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.05"],
                                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    }  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{uncached_port}{article_path}")
        wait_for(f"http://127.0.0.1:{cached_port}{article_path}")
        static_root = Path(env.get("STATIC_ROOT", ROOT / "staticfiles"))
        config = serve_prod.render_nginx(
            run / "front", front_port=front_port, app_address=f"127.0.0.1:{cached_port}",
            static_root=static_root, media_root=run / "media", refresh_token=TOKEN,
        )  # fmt: skip
        children["front"] = subprocess.Popen([nginx, "-c", str(config), "-p", str(run / "front"), "-g", "daemon off;"])
        # The limit: a plain nginx with a static copy of the very same article page.
        copy = run / "static-copy"
        copy.mkdir()
        page = urllib.request.urlopen(f"http://127.0.0.1:{uncached_port}{article_path}").read()  # noqa: S310
        (copy / "index.html").write_bytes(page)
        plain = run / "plain.conf"
        (run / "logs").mkdir(exist_ok=True)
        plain.write_text(
            ("user root;\n" if os.geteuid() == 0 else "")
            + f"worker_processes 2; pid {run / 'plain.pid'}; error_log {run / 'plain-error.log'};\n"
            "events { worker_connections 1024; }\n"
            f"http {{ access_log off; server {{ listen 127.0.0.1:{static_port}; root {copy};"
            " location / { try_files /index.html =404; } } }\n"
        )
        children["static"] = subprocess.Popen([nginx, "-c", str(plain), "-p", str(run), "-g", "daemon off;"])
        wait_for(f"{front_url}{article_path}")
        wait_for(f"http://127.0.0.1:{static_port}/")

        nginx_roots = [children["front"].pid, children["static"].pid]
        variants = {
            "static nginx, article copy (the limit)": (f"http://127.0.0.1:{static_port}/", nginx_roots),
            "front layer, article": (f"{front_url}{article_path}", [children["front"].pid]),
            "front layer, home": (f"{front_url}/", [children["front"].pid]),
            "front layer, section": (f"{front_url}{section_path}", [children["front"].pid]),
            "app, page cache on Redis, article": (
                f"http://127.0.0.1:{cached_port}{article_path}", [children["cached"].pid]
            ),
            "app, uncached, article": (f"http://127.0.0.1:{uncached_port}{article_path}", [children["uncached"].pid]),
            "app, uncached, home": (f"http://127.0.0.1:{uncached_port}/", [children["uncached"].pid]),
            "app, uncached, section": (f"http://127.0.0.1:{uncached_port}{section_path}", [children["uncached"].pid]),
        }  # fmt: skip
        results: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
        for url, roots in variants.values():  # warm each once
            wrk(url, 1, roots)
        for _ in range(options.rounds):
            for name, (url, roots) in variants.items():
                results[name].append(wrk(url, options.seconds, roots))
        medians = {name: {k: statistics.median(r[k] for r in rows) for k in rows[0]} for name, rows in results.items()}
        limit = medians["static nginx, article copy (the limit)"]["rps"]

        publish_latency, embargo_latency = visibility(front_url)
    finally:
        for child in children.values():
            child.terminate()
        for child in children.values():
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()

    lines = [
        f"Measured {datetime.date.today():%Y-%m-%d} on this machine ({os.cpu_count()} cores), PostgreSQL with "
        f"{Article.objects.count():,} stories, wrk -t2 -c64, {options.rounds} interleaved rounds of "
        f"{options.seconds} s, medians; gunicorn gthread 2 x 4.",
        "",
        "| page and path | req/s | p50 ms | p99 ms | server CPU per request, ms | vs static nginx |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, figures in medians.items():
        lines.append(
            f"| {name} | {figures['rps']:,.0f} | {figures['p50']:.2f} | {figures['p99']:.2f} | "
            f"{figures['cpu_ms']:.3f} | {figures['rps'] / limit:.4f} |"
        )
    lines += [
        "",
        "| publish to visible through the front layer | p50 ms | p95 ms |",
        "|---|---:|---:|",
        *(
            f"| {len(values)} {what} | {percentile(values, 50):.0f} | {percentile(values, 95):.0f} |"
            for what, values in (("publishes", publish_latency), ("embargo releases", embargo_latency))
        ),
    ]
    table = "\n".join(lines)
    print(table)
    performance = ROOT / "docs" / "performance.md"
    text = performance.read_text() if performance.exists() else "# Performance\n"
    begin, end = "<!-- make bench: begin -->", "<!-- make bench: end -->"
    block = f"{begin}\n{table}\n{end}"
    text = (
        re.sub(f"{re.escape(begin)}.*?{re.escape(end)}", lambda _: block, text, flags=re.S)
        if begin in text
        else (text.rstrip() + "\n\n## make bench\n\n" + block + "\n")
    )
    performance.write_text(text)


def percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def visibility(front_url: str) -> tuple[list[float], list[float]]:
    """Milliseconds from a publish (or an embargo's end) until the home page through nginx shows it."""
    from django.utils import timezone

    from articles import workflow
    from articles.models import Article, Section, Source

    section = Section.objects.get(path="news/world")
    source = Source.objects.order_by("pk").first()

    def seen(headline: str, since: float) -> float:
        deadline = since + 10
        while time.time() < deadline:
            if headline in urllib.request.urlopen(front_url + "/", timeout=5).read().decode():  # noqa: S310
                return (time.time() - since) * 1000
            time.sleep(0.01)
        return float("inf")

    def story(headline: str) -> Article:
        return Article.objects.create(
            headline=headline,
            section=section,
            source=source,
            status=Article.Status.SUBMITTED,
            body="<p>Bench.</p>",
            summary="Bench.",
        )

    stamp = int(time.time())
    publishes = []
    for n in range(20):
        article = story(f"Bench publish {stamp} {n}")
        started = time.time()
        workflow.publish(article, user=workflow.SYSTEM)
        publishes.append(seen(article.headline, started))
    embargoes = []
    for n in range(5):
        article = story(f"Bench embargo {stamp} {n}")
        at = timezone.now() + datetime.timedelta(seconds=2)
        workflow.publish(article, user=workflow.SYSTEM, at=at)
        time.sleep(max(0.0, at.timestamp() - time.time()))
        embargoes.append(seen(article.headline, at.timestamp()))
    return publishes, embargoes


if __name__ == "__main__":
    main()
