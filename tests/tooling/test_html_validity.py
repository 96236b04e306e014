"""The public pages' HTML passes the Nu HTML Checker (vnu) with no errors."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from articles.models import Article, Author, Section

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command() -> list[str]:
    """The checker's command line; missing tools fail in CI and skip, with the reason, elsewhere."""
    java = shutil.which("java")
    problem = None
    if java is None:
        problem = "java is not installed"
    elif not VNU_JAR.exists():
        problem = f"{VNU_JAR} is missing: run `make test-tools` (npm ci) in the project"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    return [java, "-Xss2m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def test_public_pages_are_valid_html(client, demo_data, tmp_path):
    """Home, section, article, search, author, day archive and 404 pages have no HTML errors."""
    command = vnu_command()
    article = Article.objects.published().select_related("section").first()
    day = article.published_on
    pages = {
        "home": reverse("articles:home"),
        "section": Section.objects.get(path="news/world").get_absolute_url(),
        "article": article.get_absolute_url(),
        "search": reverse("articles:search") + "?q=port",
        "search-empty": reverse("articles:search") + "?q=zzzzzz",
        "author": Author.objects.first().get_absolute_url(),
        "day": reverse(
            "articles:section-day",
            kwargs={"section_path": "news", "day": day},
        ),
        "not-found": "/no/such/page/",
    }
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    result = subprocess.run([*command, *files], capture_output=True, text=True, timeout=180, check=False)  # noqa: S603
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert result.returncode == 0, result.stderr
