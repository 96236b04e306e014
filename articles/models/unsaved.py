"""A person's unsaved copy of a story: what the change form held when they last typed.

Kept by the form's autosave every few seconds, one per person and story, so that a crash, a closed
tab or an expired session does not lose the text. It is not a version (the history has only
saves) and nothing public reads it; saving the story deletes it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article

# The form's fields an unsaved copy keeps: the text someone types. Choices (section, byline) are
# quick to pick again and are not kept.
KEPT_FIELDS = ("headline", "summary", "body", "slugline", "editors_note", "dateline_place")


class UnsavedCopy(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="unsaved_copies"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    fields = models.JSONField(_("fields"), default=dict)
    base_revision = models.PositiveIntegerField(
        _("base revision"), help_text=_("The revision of the story the form was opened at.")
    )
    kept_at = models.DateTimeField(_("kept at"))

    class Meta:
        verbose_name = _("unsaved copy")
        verbose_name_plural = _("unsaved copies")
        constraints = [models.UniqueConstraint(fields=["article", "user"], name="unsaved_copy_one_per_person")]

    def __str__(self) -> str:
        return f"{self.article_id}/{self.user_id} @ {self.kept_at:%Y-%m-%d %H:%M}"
