"""The demo's desk: `load_demo --admin` also makes a login per role, to try the workflow."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles import workflow
from articles.models import Article


@pytest.mark.django_db
def test_demo_makes_a_login_per_role(settings, tmp_path, capsys):
    """reporter, desk and chief sign in with the admin's password, each in their role."""
    settings.VAR_DIR = tmp_path
    call_command("load_demo", "--admin")
    call_command("load_demo", "--admin")
    password = (tmp_path / "demo-admin-password.txt").read_text().strip()
    reporter, desk, chief = (get_user_model().objects.get(username=name) for name in ("reporter", "desk", "chief"))
    assert reporter.check_password(password) and desk.check_password(password) and chief.check_password(password)
    assert [g.name for g in reporter.groups.all()] == ["Reporter"]
    story = Article.objects.published().first()
    assert workflow.available_transitions(desk, story) == ["correct"]
    assert workflow.available_transitions(chief, story) == ["correct", "withdraw"]
    assert "Desk logins with the same password" in capsys.readouterr().out
