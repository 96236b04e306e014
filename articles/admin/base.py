"""What the article admin's views share: the signed-in user, the way back to the form, refusals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import Article


def staff_id(request: HttpRequest) -> int:
    """The signed-in user's id; admin views only run for signed-in staff, so anything else is refused."""
    user_id = request.user.pk
    if user_id is None:
        raise PermissionDenied
    return int(user_id)


if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin
else:
    _AdminBase = object


class ArticleViewsMixin(_AdminBase):
    """The article a desk view acts on, and the way back to its change form."""

    def _article_or_404(self, request: HttpRequest, pk: int) -> Article:
        article = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        return article

    def _back(self, article: Article) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))


def refusal(exc: Exception) -> str:
    """What a refused action tells the user: the rule's own sentence, or a plain refusal."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or _("You do not have permission to do that.")
