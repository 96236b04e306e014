"""The signed-in person's notices: the list, opening one (marks it read), marking all read."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles.admin.base import ArticleViewsMixin, staff_id
from articles.models import Notice

LIST_SIZE = 100


def latest_for(user, size: int):
    """A person's latest notices with their story and who acted, in one query."""
    return Notice.objects.for_user(user).select_related("article", "actor")[:size]


class NoticesMixin(ArticleViewsMixin):
    """Every member of staff has notices, whatever they may do to stories."""

    def notices_view(self, request: HttpRequest) -> TemplateResponse:
        staff_id(request)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Your notices"),
            "opts": self.model._meta,
            "notices": list(latest_for(request.user, LIST_SIZE)),
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/articles/notices.html", context)

    def open_notice_view(self, request: HttpRequest, notice_id: int) -> HttpResponseRedirect:
        """Mark the notice read and open its story's page in the admin."""
        notice = get_object_or_404(Notice.objects.for_user(request.user), pk=notice_id)
        if notice.read_at is None:
            Notice.objects.filter(pk=notice.pk).update(read_at=timezone.now())
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[notice.article_id]))

    @method_decorator(require_POST)
    def read_all_notices_view(self, request: HttpRequest) -> HttpResponseRedirect:
        Notice.objects.for_user(request.user).unread().update(read_at=timezone.now())
        return HttpResponseRedirect(reverse("admin:articles_notices"))
