"""Agency copy into the newsroom: one parsed story becomes a draft (or a published story), with the
people and source it names, in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import workflow
from articles.models import Article, ArticleAuthor, Author, Editor, Section, Source, make_slug
from articles.wire.text import WireFormatError, WireStory
from articles.workflow import rules

if TYPE_CHECKING:
    from articles.workflow.rules import Actor


M = TypeVar("M", bound=models.Model)


def import_story(
    story: WireStory,
    *,
    section: Section | None = None,
    publish: bool = False,
    user: Actor,
) -> Article:
    """Save a story as a draft (or publish it) with its people and source, all or nothing.

    Publishing here is for the command line (`workflow.SYSTEM`): a person publishes through the
    desk's workflow after reviewing the draft.
    """
    rules.check_actor(user)
    if publish and not rules.is_system(user):
        raise ValueError("import_story(publish=True) is for the command line; people publish through workflow")
    with transaction.atomic():
        if section is None:
            section = _section_for(story, user)
        source = _find_source(story)
        editor = None
        if story.editor_name:
            editor = Editor.objects.filter(display_name__iexact=story.editor_name).order_by("pk").first()
            if editor is None:
                editor = _checked(Editor(display_name=story.editor_name), _("the editor"))
        article = Article(
            headline=story.headline,
            section=section,
            source=source,
            editor=editor,
            dateline_place=story.dateline_place,
            dateline_date=story.dateline_date,
            body=story.body_html(),
            summary=story.paragraphs[0][:300] if story.paragraphs else "",
            created_by=user if isinstance(user, get_user_model()) else None,
        )
        # The desk's own path for text: the body is processed exactly as an edit in the admin is.
        try:
            workflow.save_edit(article, user=user, data={}, base_revision=None, exclude=["slug"])
        except ValidationError as exc:
            raise _named(article, _("the story"), exc) from None
        for position, name in enumerate(story.authors):
            author = Author.objects.filter(name__iexact=name).order_by("pk").first()
            if author is None:
                author = _checked(Author(name=name), _("the author"), exclude=["slug"])
            ArticleAuthor.objects.get_or_create(article=article, author=author, defaults={"position": position})
        if publish:
            # The agency already published this copy: its Updated: date is when it went out.
            when = story.updated_at or timezone.now()
            workflow.publish(article, user=user, at=when, backdated=True)
    return article


def _find_source(story: WireStory) -> Source:
    """The source named on the Source: line, else by the dateline's agency; created when new."""
    if story.source_name:
        source = Source.objects.filter(name__iexact=story.source_name).first()
        if source is None:
            source = Source(name=story.source_name, short_name=story.agency_short_name or story.source_name)
            source = _checked(source, _("the source"))
        return source
    source = Source.objects.filter(short_name__iexact=story.agency_short_name).first()
    if source is None:
        source = Source(name=story.agency_short_name, short_name=story.agency_short_name)
        source = _checked(source, _("the source"))
    return source


def _section_for(story: WireStory, user: Actor) -> Section:
    """The section the copy's breadcrumb names (created if new), or News.

    Only the command line (`workflow.SYSTEM`) and people who may manage sections create one: a made-up
    breadcrumb must not add a section to every page's navigation.
    """
    section: Section | None = None
    for section_name in story.section_names or ["News"]:
        slug = make_slug(section_name, max_length=60)
        parent, section = section, Section.objects.filter(parent=section, slug=slug).first()
        if section is None:
            if not rules.is_system(user) and not (
                isinstance(user, PermissionsMixin) and user.has_perm("articles.add_section")
            ):
                raise ValidationError(
                    _(
                        "The copy's breadcrumb names a section that does not exist: “%(name)s”. Choose an existing "
                        "section in the Section field, or ask the chief editor to create it."
                    )
                    % {"name": section_name}
                )
            section = _checked(Section(name=section_name, slug=slug, parent=parent), _("the section"))
    if section is None:
        raise WireFormatError(_("the copy names no section"))
    return section


def explain(exc: ValidationError) -> str:
    """A validation error as one line naming each field, for the command's output and the admin."""
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    return " ".join(exc.messages)


def _checked(obj: M, what: str, *, exclude: list[str] | None = None) -> M:
    """Validate then save a row the copy makes; a bad value is refused naming the row and field.

    Without this, a too-long name is cut or stored silently on SQLite and a DataError on PostgreSQL.
    """
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        raise _named(obj, what, exc) from None
    obj.save()
    return obj


def _named(obj: models.Model, what: str, exc: ValidationError) -> ValidationError:
    """The error again, naming the row it is about."""
    return ValidationError(
        _("%(what)s “%(name)s”: %(problem)s") % {"what": what, "name": _shorten(str(obj)), "problem": explain(exc)}
    )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
