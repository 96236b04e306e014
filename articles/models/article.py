"""The story itself, its byline, and the queries the public site and the desk run on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles.models.people import Author, Editor, Source
from articles.models.sections import Section, ap_date, free_slug, make_slug
from articles.plaintext import PlainTextModel
from articles.richtext import sanitize_html

if TYPE_CHECKING:
    from articles.models.photos import Photo

# What a story list needs of its lead photo (the renditions come in one prefetch query).
LEAD_PHOTO_FIELDS = (
    "lead_photo__key", "lead_photo__image", "lead_photo__width", "lead_photo__height", "lead_photo__alt_text",
    "lead_photo__caption", "lead_photo__focal_x", "lead_photo__focal_y",
)  # fmt: skip


def owned_q(user_id: int) -> Q:
    """A story a person created or is in the byline of (a reporter's own story), as one condition."""
    in_byline = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user_id=user_id)
    return Q(created_by_id=user_id) | Q(Exists(in_byline))


def _photo_in_text_q(photo: Photo) -> Q:
    # Every file of a photo (master and renditions) lives under photos/<key>/.
    return Q(body__contains=f"photos/{photo.key}/")


class ArticleQuerySet(models.QuerySet):
    """Article queries used by the public site and the desk."""

    def published(self) -> ArticleQuerySet:
        """What readers may see: published, and no longer under embargo."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def embargoed(self) -> ArticleQuerySet:
        """Published for a time still to come: invisible to readers until then."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def published_or_embargoed(self) -> ArticleQuerySet:
        """Everything the desk has released, whether or not its time has come (the desk's own lists)."""
        return self.filter(status=Article.Status.PUBLISHED)

    def owned_by(self, user) -> ArticleQuerySet:
        """Stories a person created or is in the byline of (a reporter's own stories)."""
        if user.pk is None:
            return self.none()
        return self.filter(owned_q(user.pk))

    def with_photo_in_text(self, photo: Photo) -> ArticleQuerySet:
        """Stories whose text shows the photo (an <img> of one of its files)."""
        return self.filter(_photo_in_text_q(photo))

    def using_photo(self, photo: Photo) -> ArticleQuerySet:
        """Stories with the photo as lead photo or placed in their text."""
        return self.filter(Q(lead_photo=photo) | _photo_in_text_q(photo))

    def in_section_tree(self, section: Section) -> ArticleQuerySet:
        """Articles of a section and of every section below it."""
        return self.filter(Q(section__path=section.path) | Q(section__path__startswith=f"{section.path}/"))

    def for_listing(self) -> ArticleQuerySet:
        """Only what a list of stories shows, with the section and lead photo joined in."""
        return (
            self.select_related("section", "lead_photo")
            .only(
                "headline",
                "slug",
                "summary",
                "published_at",
                "published_on",
                "section__path",
                "section__name",
                *LEAD_PHOTO_FIELDS,
            )  # fmt: skip
            .prefetch_related("lead_photo__renditions")
        )

    def for_page(self) -> ArticleQuerySet:
        """Everything the article page shows, in a fixed number of queries."""
        return self.select_related("section", "source", "editor", "lead_photo").prefetch_related(
            Prefetch("byline", queryset=ArticleAuthor.objects.select_related("author").order_by("position")),
            "lead_photo__renditions",
            Prefetch("corrections", queryset=self._corrections_for_page()),
        )

    @staticmethod
    def _corrections_for_page() -> models.QuerySet:
        from articles.models.desk import Correction

        return Correction.objects.only("article_id", "note", "at").order_by("at")


class Article(PlainTextModel):
    """A story: filed by reporters, edited and published by the desk."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        # A draft set aside (a duplicate import): out of the lists, kept as the record, never deleted.
        DISCARDED = "discarded", _("Discarded")

    headline = models.CharField(_("headline"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        help_text=_("The last part of the address; made from the headline when left empty."),
    )
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles")
    authors: models.ManyToManyField[Author, ArticleAuthor] = models.ManyToManyField(
        Author, verbose_name=_("authors"), through="ArticleAuthor", related_name="articles", blank=True
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="articles")
    editor = models.ForeignKey(
        Editor,
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("Named in the sign-off. Set to the publishing editor when left empty."),
    )
    dateline_place = models.CharField(
        _("dateline place"), max_length=100, blank=True, help_text=_("In capitals, e.g. ANKARA or MASERU, Lesotho.")
    )
    dateline_date = models.DateField(
        _("dateline date"), null=True, blank=True, help_text=_("When the story was filed from the dateline place.")
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists and shares."))
    body = models.TextField(_("body"))
    lead_photo = models.ForeignKey(
        "articles.Photo",
        verbose_name=_("lead photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lead_of",
        help_text=_("Shown above the story with its caption and credit, on lists and when the story is shared."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False)
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("First publication; a future time is an embargo."),
    )
    published_on = models.DateField(
        _("publication date"),
        null=True,
        editable=False,
        help_text=_("Derived: the publication date in the newsroom's zone, used in the address."),
    )
    updated_at = models.DateTimeField(
        _("updated at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The last public change, shown as 'Updated:'."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    slugline = models.CharField(
        _("slugline"),
        max_length=60,
        blank=True,
        help_text=_("The desk's short internal name for the story, e.g. TURKEY-CHINA-EV. Never shown to readers."),
    )
    urgency = models.PositiveSmallIntegerField(
        _("urgency"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 is a flash, 9 the least urgent (IPTC). Published stories of urgency 1 or 2 show as breaking."),
    )
    editors_note = models.TextField(
        _("editor's note"), blank=True, help_text=_("For the desk only; never shown to readers.")
    )
    revision = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Counts saves, so a save based on an older copy of the story can be refused."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("last saved at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Which desk editor has taken a submitted story to edit, so that nobody else starts on it.
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    taken_at = models.DateTimeField(_("taken at"), null=True, blank=True, editable=False)
    tags = TaggableManager(
        verbose_name=_("tags"),
        blank=True,
        help_text=_("Keywords readers can follow, separated by commas, e.g. energy, Portugal."),
    )
    # Filled by a PostgreSQL trigger (migration 0002) from headline, summary and body; stays empty
    # on SQLite, where search falls back to plain matching.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, return and correct articles")),
            ("withdraw_article", _("Can withdraw published articles")),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub_idx"),
            models.Index(fields=["section", "status", "-published_at"], name="article_section_pub_idx"),
            models.Index(fields=["-modified_at"], name="article_modified_idx"),
            GinIndex(fields=["search_vector"], name="article_search_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "discarded"]) | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
            models.UniqueConstraint(
                fields=["section", "published_on", "slug"], name="article_unique_slug_per_section_day"
            ),
            models.CheckConstraint(condition=Q(urgency__gte=1, urgency__lte=9), name="article_urgency_1_to_9"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        self.body = sanitize_html(self.body)
        if not self.slug:
            self.slug = make_slug(self.headline)
        self.published_on = timezone.localdate(self.published_at) if self.published_at else None
        if self.published_on is not None:
            self.slug = self._free_slug()
        # Every save counts, so the desk's forms can tell that they hold an older copy.
        self.revision = (self.revision or 0) + 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "revision"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        day = self.published_on or timezone.localdate()
        return reverse(
            "articles:detail",
            kwargs={"section_path": self.section.path, "day": day, "slug": self.slug},
        )

    def _free_slug(self) -> str:
        """The slug, with a number added if another story of the section and day has it."""
        rivals = Article.objects.filter(section_id=self.section_id, published_on=self.published_on).exclude(pk=self.pk)
        return free_slug(rivals, self.slug)

    @property
    def is_public(self) -> bool:
        """True when readers can see the story now."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_embargoed(self) -> bool:
        """True for a story published for a time still to come."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def byline_authors(self) -> list[Author]:
        """Authors in byline order (uses the prefetch of for_page())."""
        return [entry.author for entry in sorted(self.byline.all(), key=lambda e: e.position)]

    def byline_text(self) -> str:
        """'Burak Akinci', 'A and B', 'A, B and C'."""
        names = [a.name for a in self.byline_authors()]
        if len(names) <= 1:
            return "".join(names)
        return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}

    def dateline(self) -> str:
        """'ANKARA, Jan. 5 (Xinhua) --', or empty when the story has no dateline place."""
        if not self.dateline_place:
            return ""
        parts = [self.dateline_place]
        if self.dateline_date:
            parts.append(ap_date(self.dateline_date))
        return f"{', '.join(parts)} ({self.source.short_name}) --"


class ArticleAuthor(models.Model):
    """One name in an article's byline, at its place in the byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="byline")
    author = models.ForeignKey(Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("byline entry")
        verbose_name_plural = _("byline")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_author_once"),
        ]

    def __str__(self) -> str:
        return self.author.name if self.author_id else ""
