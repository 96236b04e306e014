"""Deployment settings: the TLS proxy header, HSTS and the HTTPS redirect are opt-in from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k" * 60,
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "NEWSROOM_BASE_URL": "https://news.example.org",
}
NAMES = ["SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE"]


def production_settings(**env_vars) -> subprocess.CompletedProcess:
    """Start Django with debug off and the given variables; print the security settings as JSON."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSROOM_BASE_URL"))}
    env.update(PRODUCTION, DJANGO_SETTINGS_MODULE="newsroom.settings", **env_vars)
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {NAMES!r}}}))"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def values(**env_vars) -> dict:
    result = production_settings(**env_vars)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_do_not_trust_forwarded_proto_nor_pin_https():
    """Out of the box, a client's X-Forwarded-Proto is not trusted and no HSTS or redirect is sent."""
    assert values() == {
        "SECURE_PROXY_SSL_HEADER": None,
        "SECURE_HSTS_SECONDS": 0,
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": True,
    }


def test_behind_a_tls_proxy_trusts_its_header():
    """DJANGO_BEHIND_TLS_PROXY=true trusts X-Forwarded-Proto: https from the proxy."""
    assert values(DJANGO_BEHIND_TLS_PROXY="true")["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_hsts_and_https_redirect_come_from_the_environment():
    """DJANGO_HSTS_SECONDS and DJANGO_SSL_REDIRECT turn on HSTS and the redirect to HTTPS."""
    configured = values(DJANGO_HSTS_SECONDS="31536000", DJANGO_SSL_REDIRECT="yes")
    assert configured["SECURE_HSTS_SECONDS"] == 31536000
    assert configured["SECURE_SSL_REDIRECT"] is True


def test_unreadable_hsts_seconds_is_refused():
    """DJANGO_HSTS_SECONDS=a-year stops start-up with a message naming the variable."""
    result = production_settings(DJANGO_HSTS_SECONDS="a-year")
    assert result.returncode != 0
    assert "DJANGO_HSTS_SECONDS" in result.stderr


def test_deploy_check_is_clean_with_production_variables():
    """With a real key, HTTPS pinned for the domain and its subdomains, Django's deploy check finds nothing."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSROOM_BASE_URL"))}
    env.update(
        PRODUCTION,
        DJANGO_SECRET_KEY="q8Zr-3vN_p1Lw7sK0xYb2TfH9uJcE6mDg4aR5nVt8WzQ1oP7iS",
        DJANGO_HSTS_SECONDS="31536000",
        DJANGO_HSTS_INCLUDE_SUBDOMAINS="true",
        DJANGO_HSTS_PRELOAD="true",
        DJANGO_SSL_REDIRECT="true",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_hsts_for_subdomains_and_preload_come_from_the_environment():
    names = ["SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD"]
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps([getattr(settings, name) for name in {names!r}]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSROOM_BASE_URL"))}
    for given, expected in (
        ({}, [False, False]),
        ({"DJANGO_HSTS_INCLUDE_SUBDOMAINS": "true", "DJANGO_HSTS_PRELOAD": "1"}, [True, True]),
    ):
        run_env = {**env, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **given}
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=run_env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == expected
