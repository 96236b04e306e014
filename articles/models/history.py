"""Every saved version of an article, kept by django-simple-history (see docs/decisions.md)."""

from simple_history import register

from articles.models.article import Article

# modified_at duplicates the record's own history_date and search_vector is derived by the
# database; revision stays, so the desk's conflict message can find the versions saved since a
# form was opened. Taking a story changes who works on it, not its text: no version.
register(Article, excluded_fields=["modified_at", "search_vector", "taken_by", "taken_at"])
