"""The desk overview: each queue of stories with its count, oldest waiting first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import workflow
from articles.admin.base import ArticleViewsMixin, staff_id
from articles.models import Article, ArticleAuthor, Transition
from articles.models.article import owned_q

QUEUE_SIZE = 25


class DeskOverviewMixin(ArticleViewsMixin):
    """The overview page of the article admin."""

    def desk_view(self, request: HttpRequest) -> TemplateResponse:
        """The desk's queues with counts: my drafts, waiting, embargoed, published today, returned."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        now = timezone.now()
        start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        # The admin's queryset carries the time of the latest submission (desk_submitted_at, see
        # WorkflowAdminMixin.get_queryset); the byline names come in one query per queue.
        base = (
            self.get_queryset(request)
            .select_related("section", "taken_by")
            .only(
                "headline",
                "slugline",
                "urgency",
                "status",
                "published_at",
                "modified_at",
                "section__name",
                "section__path",
                "created_by_id",
                "taken_at",
                "taken_by__first_name",
                "taken_by__last_name",
                "taken_by__username",
            )  # fmt: skip
            .prefetch_related(Prefetch("byline", queryset=ArticleAuthor.objects.select_related("author")))
        )
        mine = owned_q(staff_id(request))
        returned = Transition.objects.returns().filter(article=OuterRef("pk"))
        queues = [
            (
                _("My drafts"),
                base.filter(mine, status=Article.Status.DRAFT).order_by("-modified_at"),
                "modified_at",
                _("Last saved"),
            ),
            (
                _("Returned to me"),
                base.filter(mine, Exists(returned), status=Article.Status.DRAFT)
                .annotate(returned_at=Subquery(returned.order_by("-at").values("at")[:1]))
                .order_by("-returned_at"),
                "returned_at",
                _("Returned at"),
            ),
            (
                _("Waiting for the desk (oldest first)"),
                base.filter(status=Article.Status.SUBMITTED).order_by("desk_submitted_at", "pk"),
                "desk_submitted_at",
                _("Waiting since"),
            ),
            (
                _("Embargoed (release time)"),
                base.filter(status=Article.Status.PUBLISHED, published_at__gt=now).order_by("published_at"),
                "published_at",
                _("Release time"),
            ),
            (
                _("Published today"),
                base.filter(
                    status=Article.Status.PUBLISHED, published_at__gte=start_of_day, published_at__lte=now
                ).order_by("-published_at"),
                "published_at",
                _("Published at"),
            ),
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Desk overview"),
            "opts": self.model._meta,
            "queues": [
                {
                    "title": title,
                    "count": qs.count(),
                    "articles": _with_time(qs[:QUEUE_SIZE], field),
                    "time_label": label,
                    # The desk's own queue says who is on each story and offers to take it.
                    "takes": field == "desk_submitted_at",
                }
                for title, qs, field, label in queues
            ],
            "has_view_permission": True,
            "can_take": workflow.is_desk(request.user),
        }
        return TemplateResponse(request, "admin/articles/article/desk.html", context)


def _with_time(articles, field: str) -> list[Article]:
    """The queue's stories, each with the time its queue shows as `queue_time`."""
    found = list(articles)
    for article in found:
        article.queue_time = getattr(article, field)
    return found
