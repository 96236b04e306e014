from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        # Connects the signal receivers: the photo library's (renditions and file cleanup) and the
        # sections' (a changed section retires cached pages).
        from articles import signals  # noqa: F401
        from articles.photos import renditions  # noqa: F401
