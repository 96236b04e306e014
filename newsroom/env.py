"""Reading settings from the environment, with defaults that are safe for development."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env(name: str, *, default: str) -> str:
    """Return the variable's value, or the default when it is unset."""
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool) -> bool:
    """Return a yes/no variable; an unreadable value stops start-up rather than guessing."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value (use 1/0, true/false, yes/no, on/off).")


def env_int(name: str, *, default: int) -> int:
    """Return a whole-number variable (0 or more); an unreadable value stops start-up."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = -1
    if value < 0:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number of 0 or more.")
    return value


def env_list(name: str, *, default: list[str]) -> list[str]:
    """Return a comma-separated variable as a list, without empty items."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]
