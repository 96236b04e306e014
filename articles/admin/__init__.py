"""The editorial admin, one module per concern; importing this package registers them all."""

from articles.admin import core, photos  # noqa: F401
