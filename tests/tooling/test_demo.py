"""`make demo` on a fresh checkout: migrate, load the demo, get a working admin login."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, var_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["NEWSROOM_VAR_DIR"] = str(var_dir)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_demo_steps_work_on_a_fresh_checkout(tmp_path):
    """With no var/ folder yet, migrate and load_demo succeed, twice, and print the same login."""
    var_dir = tmp_path / "var"
    assert not var_dir.exists()
    migrated = manage("migrate", "--no-input", var_dir=var_dir)
    assert migrated.returncode == 0, migrated.stderr
    first = manage("load_demo", "--admin", var_dir=var_dir)
    assert first.returncode == 0, first.stderr
    assert "Demo content: 9 new stories, 9 published." in first.stdout
    second = manage("load_demo", "--admin", var_dir=var_dir)
    assert "Demo content: 0 new stories, 9 published." in second.stdout
    login = [line for line in first.stdout.splitlines() if line.startswith("Admin login:")]
    assert login and login == [line for line in second.stdout.splitlines() if line.startswith("Admin login:")]
    password = login[0].rsplit("password: ", 1)[1]
    # The desk's logins confirm with a second factor; the demo prints the same backup codes each run.
    codes = [line for line in first.stdout.splitlines() if line.startswith(("  admin:", "  chief:", "  desk:"))]
    assert len(codes) == 3 and all(len(line.split(": ")[1].split()) == 5 for line in codes)
    assert codes == [
        line for line in second.stdout.splitlines() if line.startswith(("  admin:", "  chief:", "  desk:"))
    ]
    check = manage(
        "shell", "-c",
        "from django.contrib.auth.models import User; "
        f"print(User.objects.get(username='admin').check_password('{password}'))",
        var_dir=var_dir,
    )  # fmt: skip
    assert check.stdout.strip().splitlines()[-1] == "True"
