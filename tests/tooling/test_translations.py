"""The Simplified Chinese catalogue is complete, well-formed, and compiled from its current text."""

import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")


def msgfmt() -> str:
    """GNU gettext's msgfmt; missing, it fails the run in CI and skips, with the reason, elsewhere."""
    path = shutil.which("msgfmt")
    if path is None:
        problem = "msgfmt is not installed: install GNU gettext (apt-get install gettext)"
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    return path


def test_msgfmt_reports_no_untranslated_or_fuzzy_messages():
    """msgfmt --statistics counts every message as translated: none untranslated, none fuzzy."""
    result = subprocess.run(
        [msgfmt(), "--check", "--statistics", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    # --check also fails on a translation whose %(name)s placeholders differ from the English.
    assert result.returncode == 0, result.stderr
    report = result.stderr.strip()
    assert re.fullmatch(r"\d+ translated messages\.", report), report


def test_compiled_catalogue_matches_the_po_file(tmp_path):
    """The committed .mo (what Django reads) holds exactly the translations of the .po file."""
    fresh = tmp_path / "django.mo"
    subprocess.run([msgfmt(), "-o", str(fresh), str(CATALOGUE)], check=True)
    with COMPILED.open("rb") as committed, fresh.open("rb") as compiled:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(compiled)._catalog, (
            "locale/zh_Hans/LC_MESSAGES/django.mo is out of date: run manage.py compilemessages --ignore .venv"
        )


def test_missing_msgfmt_fails_in_ci_and_says_what_to_install(monkeypatch):
    """In CI a missing msgfmt fails the run, naming the package that provides it."""
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="apt-get install gettext"):
        msgfmt()


def test_missing_msgfmt_skips_locally_with_the_reason(monkeypatch):
    """On a developer's machine without gettext the checks skip and say why, as the README promises."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.skip.Exception, match="apt-get install gettext"):
        msgfmt()
