"""The desk's admin site: Django's, with the two-factor pages under /admin/two-factor/."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import path
from django.utils.translation import gettext_lazy as _


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom desk")
    site_title = _("Newsroom desk")
    index_title = _("The desk")

    def get_urls(self):
        from articles.admin import two_factor

        return [
            path("two-factor/", two_factor.enrol, name="two_factor_enrol"),
            path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
            *super().get_urls(),
        ]


class NewsroomAdminConfig(AdminConfig):
    default_site = "newsroom.admin_site.NewsroomAdminSite"
