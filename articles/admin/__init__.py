"""The editorial admin, one module per concern; importing this package registers them all."""

from articles.admin import articles, directory, photos, users  # noqa: F401
