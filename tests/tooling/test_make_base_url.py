"""`make demo` and `make serve` tell the running server the address they serve on."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def planned_commands(target: str, *args: str) -> list[str]:
    """The commands `make -n` would run for the target, without running them."""
    make = shutil.which("make")
    assert make, "make is needed to check the Makefile"
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSROOM_BASE_URL", "MAKEFLAGS", "MAKELEVEL")}
    result = subprocess.run(
        [make, "-n", target, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.splitlines()


@pytest.mark.parametrize("target", ["demo", "serve"])
def test_runserver_gets_the_served_address(target):
    """With PORT=8790 the server's canonical, feed and e-mail links say port 8790, not 8000."""
    (runserver,) = [line for line in planned_commands(target, "PORT=8790") if "runserver" in line]
    assert "NEWSROOM_BASE_URL=http://127.0.0.1:8790 " in runserver
    assert runserver.endswith("runserver 127.0.0.1:8790")


def test_demo_content_gets_the_served_address():
    """The demo loader prints the admin login at the address being served."""
    (load,) = [line for line in planned_commands("demo", "PORT=8790") if "load_demo" in line]
    assert "NEWSROOM_BASE_URL=http://127.0.0.1:8790 " in load
