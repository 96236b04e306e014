"""Signed, expiring links that show one unpublished story to a reviewer without a login."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles import workflow
from articles.admin.base import ArticleViewsMixin, staff_id
from articles.models import ShareLink
from newsroom.links import absolute_url


class ShareLinksMixin(ArticleViewsMixin):
    """Making and revoking share links from the change form (the desk only)."""

    @method_decorator(require_POST)
    def share_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Make a signed, expiring link that shows this one article to a reviewer without a login."""
        article = self._article_or_404(request, pk)
        if not (workflow.is_desk(request.user) and request.user.has_perm("articles.add_sharelink")):
            raise PermissionDenied
        try:
            hours = max(1, min(int(request.POST.get("hours") or 48), 24 * 14))
        except ValueError:
            hours = 48
        link = ShareLink.objects.create(
            article=article,
            label=request.POST.get("label", "")[:120],
            created_by_id=staff_id(request),
            expires_at=timezone.now() + datetime.timedelta(hours=hours),
        )
        self.message_user(
            request,
            _("Share link made; it works until %(when)s: %(url)s")
            % {
                "when": date_format(timezone.localtime(link.expires_at), "DATETIME_FORMAT"),
                "url": absolute_url(link.get_absolute_url()),
            },
            messages.SUCCESS,
        )
        return self._back(article)

    @method_decorator(require_POST)
    def revoke_share_view(self, request: HttpRequest, pk: int, link_id: int) -> HttpResponse:
        """Stop a share link from working at once."""
        article = self._article_or_404(request, pk)
        if not (workflow.is_desk(request.user) and request.user.has_perm("articles.change_sharelink")):
            raise PermissionDenied
        ShareLink.objects.filter(article=article, pk=link_id).update(revoked=True)
        self.message_user(request, _("The share link no longer works."), messages.SUCCESS)
        return self._back(article)
