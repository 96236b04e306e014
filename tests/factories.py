"""Factories for the newsroom's models."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article, ArticleAuthor, Author, Editor, Photo, Section, Source
from articles.photos import services as photo_services


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("parent", "slug")

    name = "News"
    slug = factory.LazyAttribute(lambda s: s.name.lower().replace(" ", "-"))
    parent = None


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("name",)

    name = "Newsroom Wire Service"
    short_name = "NWS"


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")


class EditorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Editor

    display_name = factory.Sequence(lambda n: f"Editor {n}")
    desk = "World desk"


def _clean_master(size=(700, 466)) -> ContentFile:
    from articles.photos import checks as images
    from tests import photo_samples

    checked = images.check_bytes(photo_samples.encode(photo_samples.picture(size), "JPEG"), name="factory.jpg")
    return ContentFile(checked.content, name="photo.jpg")


class PhotoFactory(factory.django.DjangoModelFactory):
    """A library photo whose master went through the upload checks, with its renditions."""

    class Meta:
        model = Photo

    image = factory.LazyFunction(_clean_master)
    caption = factory.Sequence(lambda n: f"Workers repair the harbour wall, scene {n}.")
    credit = "Newsroom/Test"
    alt_text = "Workers in orange vests on a stone harbour wall."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As the desk adds photos: through the services, whose queued renditions task the
        # tests' immediate backend runs at once.
        return photo_services.save_photo(model_class(*args, **kwargs))


class ArticleFactory(factory.django.DjangoModelFactory):
    """A draft by default; use the `published` trait for one readers can see."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Story number {n} makes the news")
    section = factory.SubFactory(SectionFactory)
    source = factory.SubFactory(SourceFactory)
    editor = factory.SubFactory(EditorFactory)
    dateline_place = "LISBON"
    dateline_date = factory.LazyFunction(timezone.localdate)
    summary = "A summary for lists."
    body = "<p>First paragraph.</p><p>Second paragraph.</p>"

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1)),
            updated_at=factory.SelfAttribute("published_at"),
        )
        embargoed = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1)),
            updated_at=factory.SelfAttribute("published_at"),
        )
        withdrawn = factory.Trait(
            status=Article.Status.WITHDRAWN,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=2)),
            updated_at=factory.SelfAttribute("published_at"),
        )

    @factory.post_generation
    def authors(obj, create, extracted, **kwargs):  # noqa: N805
        """Pass authors=[...] for a byline in that order; by default one reporter."""
        if not create:
            return
        people = extracted if extracted is not None else [AuthorFactory()]
        for position, person in enumerate(people):
            ArticleAuthor.objects.create(article=obj, author=person, position=position)


def user_in_role(role: str, *, username: str | None = None, name: str = "", author: bool = True, **kwargs):
    """A staff user in one of the desk's groups, with an Author (and Editor) profile like real staff."""
    from django.contrib.auth.models import Group

    first, _, last = name.partition(" ")
    fields = {"first_name": first, "last_name": last, **kwargs}
    user = UserFactory(username=username, **fields) if username else UserFactory(**fields)
    user.groups.add(Group.objects.get(name=role))
    if author:
        AuthorFactory(name=name or user.username, user=user)
    if role != "Reporter":
        EditorFactory(display_name=name or user.username, user=user)
    return user


class ShareLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "articles.ShareLink"

    article = factory.SubFactory(ArticleFactory)
    label = "Our lawyer"
