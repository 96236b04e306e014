"""Staff preview and reviewers' share links: one article as readers would see it, before it is public.

These show one article outside `Article.objects.published()` on purpose: a preview is of what is
not public yet. They never cache and never index, and they show nothing to a stranger.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from articles import workflow
from articles.models import Article, ShareLink


def preview_response(request: HttpRequest, article: Article, **extra) -> HttpResponse:
    context = {"article": article, "lineage": article.section.lineage(), "preview": True, "noindex": True, **extra}
    response = TemplateResponse(request, "articles/article_detail.html", context)
    # Nothing unpublished may end up in a search engine, even if a link leaks.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Any article as readers would see it, for signed-in staff, under a 'not published' banner."""
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff and user.has_perm("articles.view_article")):
        raise Http404("No such article")
    queryset = Article.objects.for_page()
    if not workflow.is_desk(user):
        # A reporter previews what the admin shows them: their own stories and published ones.
        queryset = queryset.owned_by(user) | queryset.published_or_embargoed()
    article = get_object_or_404(queryset, pk=pk)
    return preview_response(request, article)


@never_cache
def shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """The one article a share link names, for a reviewer without a login, until it expires."""
    link = ShareLink.from_token(token)
    if link is None:
        raise Http404("This link is not valid, was revoked or has expired.")
    # A withdrawn story no longer circulates, not even to reviewers.
    article = get_object_or_404(Article.objects.for_page().exclude(status=Article.Status.WITHDRAWN), pk=link.article_id)
    return preview_response(request, article, share_link=link)
