"""The admin's "view on site" shortcut (`/admin/r/<type>/<id>/`), answering only for stories the person may see.

Django's own shortcut redirects any staff member to any object's address, so it told a reporter the
address (and so the headline) of every draft and embargoed story by number. For an article this
one answers 404 unless `workflow.visible_articles()` holds it, and sends an unpublished story to
the staff preview, as the change form's "View on site" does. Other models keep Django's shortcut.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from articles.models import Article
from articles.workflow import rules


def view_on_site(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404("No such content type") from None
    if model is not Article:
        return shortcut(request, content_type_id, object_id)
    if not object_id.isdigit():
        raise Http404("No such article")
    article = rules.visible_articles(request.user).select_related("section").filter(pk=int(object_id)).first()
    if article is None:
        raise Http404("No such article")
    if article.is_public:
        return HttpResponseRedirect(article.get_absolute_url())
    return HttpResponseRedirect(reverse("articles:preview", args=[article.pk]))
