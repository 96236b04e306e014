"""Sources and the newsroom's people (authors in a byline, editors in a sign-off)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models.sections import unique_slug
from articles.plaintext import PlainTextModel


class Source(PlainTextModel):
    """Where a story comes from: our own desk or a partner agency."""

    name = models.CharField(
        _("name"), max_length=120, unique=True, help_text=_("As shown after 'Source:', e.g. Xinhua News Agency.")
    )
    short_name = models.CharField(_("short name"), max_length=40, help_text=_("As shown in the dateline, e.g. Xinhua."))
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:source", kwargs={"pk": self.pk})


class Author(PlainTextModel):
    """A person in a byline; a partner agency's reporter need not have a login here."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text=_("The staff login this reporter files with, if any."),
    )
    bio = models.TextField(_("biography"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        indexes = [models.Index(fields=["name"], name="author_name_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Author, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})


class Editor(PlainTextModel):
    """The person named in an article's sign-off ('Editor: ...'); usually a staff user's profile."""

    display_name = models.CharField(_("display name"), max_length=120)
    desk = models.CharField(_("desk"), max_length=80, blank=True, help_text=_("For example: World desk."))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editor_profile",
        help_text=_("Empty for a partner agency's editor named in imported copy."),
    )

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("editor")
        verbose_name_plural = _("editors")
        indexes = [models.Index(fields=["display_name"], name="editor_name_idx")]

    def __str__(self) -> str:
        return self.display_name
