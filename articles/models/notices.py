"""In-app notices: what the desk's e-mail says, kept for each person in the admin until read."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article


class NoticeQuerySet(models.QuerySet):
    def unread(self) -> NoticeQuerySet:
        return self.filter(read_at__isnull=True)

    def for_user(self, user) -> NoticeQuerySet:
        if user.pk is None:
            return self.none()
        return self.filter(recipient_id=user.pk)


class Notice(models.Model):
    """One person's notice of a step in a story's progress (submitted, returned, published, ...)."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted to the desk")
        RETURNED = "returned", _("Returned to you")
        PUBLISHED = "published", _("Published")
        CORRECTED = "corrected", _("Corrected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("for"), on_delete=models.CASCADE, related_name="notices"
    )
    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("what happened"), max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when a command on the server made the change."),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notice_recipient_unread_idx"),
            models.Index(fields=["recipient", "-created_at"], name="notice_recipient_latest_idx"),
        ]

    def __str__(self) -> str:
        return self.message()

    def message(self) -> str:
        """The notice as one sentence, e.g. 'Dana Desk returned “Tram fares rise” to you.'"""
        actor = self.actor
        who = gettext("the newsroom") if actor is None else actor.get_full_name() or actor.get_username()
        texts = {
            self.Kind.SUBMITTED: gettext("%(who)s submitted “%(headline)s” to the desk."),
            self.Kind.RETURNED: gettext("%(who)s returned “%(headline)s” to you."),
            self.Kind.PUBLISHED: gettext("%(who)s published “%(headline)s”."),
            self.Kind.CORRECTED: gettext("%(who)s published a correction to “%(headline)s”."),
            self.Kind.WITHDRAWN: gettext("%(who)s withdrew “%(headline)s”."),
        }
        return texts[self.Kind(self.kind)] % {"who": who, "headline": self.article.headline}
