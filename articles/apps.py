from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        # Connects the photo library's signal receivers (renditions and file cleanup).
        from articles import renditions  # noqa: F401
