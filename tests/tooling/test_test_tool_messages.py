"""A missing HTML checker tells the developer the make target that installs it."""

import pytest

from tests.tooling import test_html_validity


def test_missing_vnu_names_make_test_tools(monkeypatch, tmp_path):
    """Without the Nu HTML Checker, the skip reason says to run `make test-tools`."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(test_html_validity, "VNU_JAR", tmp_path / "vnu.jar")
    monkeypatch.setattr(test_html_validity.shutil, "which", lambda name: "/usr/bin/java")
    with pytest.raises(pytest.skip.Exception, match="run `make test-tools`"):
        test_html_validity.vnu_command()


def test_missing_vnu_fails_in_ci(monkeypatch, tmp_path):
    """In CI a missing checker fails the run with the same advice instead of skipping."""
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(test_html_validity, "VNU_JAR", tmp_path / "vnu.jar")
    monkeypatch.setattr(test_html_validity.shutil, "which", lambda name: "/usr/bin/java")
    with pytest.raises(pytest.fail.Exception, match="run `make test-tools`"):
        test_html_validity.vnu_command()
