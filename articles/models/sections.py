"""Sections (the site's nested navigation) and the slug and dateline helpers every model shares."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from slugify import slugify

from articles.plaintext import PlainTextModel

# Section addresses (articles/public/converters.py) match only these characters; the navigation on every
# public page links every section, so one slug outside them would break the whole site.
SECTION_SLUG = r"[a-z0-9-]+"
section_slug_validator = RegexValidator(
    rf"^{SECTION_SLUG}\Z",
    _("Use only lowercase letters, digits and hyphens (e.g. 'asia-pacific')."),
    code="invalid_section_slug",
)

# Words a top-level section slug may not take, because the site's own URLs use them.
RESERVED_SECTION_SLUGS = frozenset(
    {
        "admin",
        "ckeditor5",
        "static",
        "media",
        "search",
        "feeds",
        "sitemap",
        "robots",
        "api",
        "preview",
        "authors",
        "sources",
        "tags",
        "language",
        "news-sitemap",
    }  # fmt: skip
)

AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def make_slug(text: str, *, max_length: int = 120) -> str:
    """Return an ASCII URL slug for any script (Türkiye -> turkiye, 北京 -> bei-jing)."""
    return slugify(text, max_length=max_length, word_boundary=True, save_order=True) or "story"


def ap_date(value: datetime.date) -> str:
    """Return a date in agency dateline style: 'Jan. 5', 'March 14', 'Sept. 30'."""
    return f"{AP_MONTHS[value.month - 1]} {value.day}"


class Section(PlainTextModel):
    """A desk's part of the site (News, News > World); sections form a tree."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        validators=[section_slug_validator],
        help_text=_("The section's part of the address, e.g. 'world': lowercase letters, digits and hyphens."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level section such as News."),
    )
    path = models.CharField(_("path"), max_length=255, unique=True, editable=False, help_text=_("Derived: news/world."))
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the site's navigation.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["parent", "slug"], name="section_unique_slug_in_parent"),
        ]

    def __str__(self) -> str:
        # The path tells two sections of the same name apart in the desk's drop-downs (World in
        # News and World in Sports) without a query per row.
        return f"{self.name} ({self.path})" if "/" in self.path else self.name

    def save(self, *args, **kwargs) -> None:
        old_path = None
        if self.pk:
            old_path = Section.objects.filter(pk=self.pk).values_list("path", flat=True).first()
        self.path = f"{self.parent.path}/{self.slug}" if self.parent else self.slug
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # Moving or renaming a section moves its whole subtree.
            for child in Section.objects.filter(path__startswith=f"{old_path}/").order_by("path"):
                child.save()

    def get_absolute_url(self) -> str:
        return reverse("articles:section", kwargs={"section_path": self.path})

    def clean(self) -> None:
        if self.parent_id is None and self.slug in RESERVED_SECTION_SLUGS:
            raise ValidationError({"slug": _("“%(slug)s” is used by the site itself.") % {"slug": self.slug}})
        if self.slug.isdigit():
            raise ValidationError({"slug": _("A section slug cannot be only digits (they read as dates).")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A section cannot sit inside itself.")})
            ancestor = ancestor.parent

    def ancestor_paths(self) -> list[str]:
        """The paths from the top of the tree down to this section, itself included."""
        parts = self.path.split("/")
        return ["/".join(parts[: i + 1]) for i in range(len(parts))]

    def lineage(self) -> list[Section]:
        """This section and its ancestors, top first, in one query."""
        by_path = {s.path: s for s in Section.objects.filter(path__in=self.ancestor_paths())}
        return [by_path[p] for p in self.ancestor_paths() if p in by_path]


def free_slug(rivals: models.QuerySet, base: str) -> str:
    """`base`, or `base-2`, `base-3` ... : the first slug no row of `rivals` uses yet."""
    taken = set(rivals.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def unique_slug(model: type[models.Model], text: str) -> str:
    """A slug for text that no row of model uses yet (burak-akinci, burak-akinci-2, ...)."""
    return free_slug(model._default_manager.all(), make_slug(text, max_length=120))
