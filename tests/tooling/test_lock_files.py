"""The lock files pin, with hashes, every package pyproject.toml asks for, so `make` installs exactly them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    return normalized(re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0])


def pinned(lock: str) -> dict[str, list[str]]:
    """name -> the hashes given for its one pinned version."""
    text = (ROOT / "requirements" / lock).read_text().replace("\\\n", " ")
    found = {}
    for line in text.splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==\S+\s+(.*)$", line)
        if match:
            found[normalized(match.group(1))] = re.findall(r"--hash=sha256:[0-9a-f]{64}", match.group(2))
    return found


def test_the_app_lock_pins_every_runtime_dependency_with_hashes():
    locked = pinned("app.lock")
    for requirement in PROJECT["project"]["dependencies"]:
        name = requirement_name(requirement)
        assert locked.get(name), f"{name} is not pinned in requirements/app.lock: run `make lock`"
    assert all(hashes for hashes in locked.values())


def test_the_test_lock_pins_the_test_tools_too():
    locked = pinned("test.lock")
    wanted = PROJECT["project"]["dependencies"] + PROJECT["project"]["optional-dependencies"]["test"]
    for requirement in wanted:
        name = requirement_name(requirement)
        assert locked.get(name), f"{name} is not pinned in requirements/test.lock: run `make lock`"
    assert all(hashes for hashes in locked.values())
    # The app lock is the same versions, so the tests run what production installs.
    app_text = (ROOT / "requirements" / "app.lock").read_text()
    test_text = (ROOT / "requirements" / "test.lock").read_text()
    for line in app_text.splitlines():
        if re.match(r"^[A-Za-z0-9_.\-]+==", line):
            assert line.split(" ")[0] in test_text, line
