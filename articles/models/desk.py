"""The desk's records around an article: its transitions, public corrections and share links."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article
from articles.plaintext import PlainTextModel

SHARE_LINK_SALT = "articles.sharelink"


class TransitionQuerySet(models.QuerySet):
    """Queries over the transition log."""

    def returns(self) -> TransitionQuerySet:
        """Transitions in which the desk sent a story back to its author."""
        return self.filter(from_status=Article.Status.SUBMITTED, to_status=Article.Status.DRAFT)


class Transition(models.Model):
    """One change of an article's status: who moved it, when, from what to what, and why."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="transitions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when a command on the server made the change."),
    )
    from_status = models.CharField(_("from"), max_length=12, choices=Article.Status.choices)
    to_status = models.CharField(_("to"), max_length=12, choices=Article.Status.choices)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        indexes = [models.Index(fields=["article", "-at"], name="transition_article_at_idx")]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

    def get_absolute_url(self) -> str:
        return reverse("admin:articles_article_change", args=[self.article_id])


def latest_submission() -> models.Subquery:
    """The time an article was last sent to the desk, as a subquery on the article's rows."""
    return models.Subquery(
        Transition.objects.filter(article=models.OuterRef("pk"), to_status=Article.Status.SUBMITTED)
        # A step that leaves a submitted story submitted (a restore, a take) is no new submission.
        .exclude(from_status=Article.Status.SUBMITTED)
        .order_by("-at")
        .values("at")[:1]
    )


class Correction(PlainTextModel):
    """A public correction of a published story, shown under it with its time."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="corrections"
    )
    note = models.TextField(_("note"), help_text=_("Shown to readers: what was wrong and what is right."))
    at = models.DateTimeField(_("at"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = [models.Index(fields=["article", "at"], name="correction_article_at_idx")]

    def __str__(self) -> str:
        return self.note[:80]

    def get_absolute_url(self) -> str:
        return self.article.get_absolute_url()


def default_share_expiry() -> datetime.datetime:
    """Two days from now: long enough for a lawyer's read, short enough to be forgotten safely."""
    return timezone.now() + datetime.timedelta(hours=settings.NEWSROOM.get("SHARE_LINK_HOURS", 48))


class ShareLinkQuerySet(models.QuerySet):
    """Queries over share links."""

    def usable(self) -> ShareLinkQuerySet:
        """Links that still open their article: not revoked and not expired."""
        return self.filter(revoked=False, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    """A signed, expiring, revocable address that shows one unpublished article to a reviewer."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="share_links"
    )
    label = models.CharField(
        _("for whom"), max_length=120, blank=True, help_text=_("Who the link was made for, e.g. the lawyer.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), default=default_share_expiry)
    revoked = models.BooleanField(_("revoked"), default=False)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self) -> str:
        return self.label or str(_("share link %(pk)s")) % {"pk": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("articles:share", kwargs={"token": self.token})

    @property
    def token(self) -> str:
        """The signed part of the address; only this server can make one."""
        return signing.TimestampSigner(salt=SHARE_LINK_SALT).sign(str(self.pk))

    @property
    def is_usable(self) -> bool:
        """True while the link still opens its article."""
        return not self.revoked and self.expires_at > timezone.now()

    @classmethod
    def from_token(cls, token: str) -> ShareLink | None:
        """The usable link a token names, or None for a forged, revoked or expired one."""
        try:
            pk = signing.TimestampSigner(salt=SHARE_LINK_SALT).unsign(token)
        except signing.BadSignature:
            return None
        return cls.objects.usable().select_related("article").filter(pk=pk).first()
