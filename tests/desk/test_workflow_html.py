"""The workflow's public pages pass the Nu HTML Checker: breaking strip, corrections, 410, previews."""

import json
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ShareLinkFactory
from tests.tooling.test_html_validity import vnu_command

pytestmark = pytest.mark.django_db


def test_workflow_pages_are_valid_html(client, demo_data, desk_editor, chief_editor, tmp_path):
    """Home with a breaking story, an article with a correction, a withdrawn story, both previews."""
    command = vnu_command()
    stories = list(Article.objects.published().select_related("section")[:3])
    Article.objects.filter(pk=stories[0].pk).update(urgency=1)
    workflow.correct(stories[0], user=desk_editor, note="An earlier version gave the wrong date.")
    gone_url = stories[1].get_absolute_url()
    workflow.withdraw(stories[1], user=chief_editor, note="Withdrawn: the source retracted it.")
    staff = Client()
    staff.force_login(desk_editor)
    pages = {
        "home-breaking": (client, reverse("articles:home"), 200),
        "corrected": (client, stories[0].get_absolute_url(), 200),
        "withdrawn": (client, gone_url, 410),
        "preview": (staff, reverse("articles:preview", args=[stories[2].pk]), 200),
        "share": (client, ShareLinkFactory(article=stories[2]).get_absolute_url(), 200),
    }
    files = []
    for name, (who, url, status) in pages.items():
        response = who.get(url)
        assert response.status_code == status, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    assert 'class="breaking"' in Path(tmp_path / "home-breaking.html").read_text()
    result = subprocess.run([*command, *files], capture_output=True, text=True, timeout=180, check=False)  # noqa: S603
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert result.returncode == 0, result.stderr
