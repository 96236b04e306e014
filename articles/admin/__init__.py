"""The editorial admin, one module per concern; importing this package registers them all."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.admin import articles, photos, users  # noqa: F401

admin.site.site_header = _("Newsroom desk")
admin.site.site_title = _("Newsroom desk")
admin.site.index_title = _("The desk")
