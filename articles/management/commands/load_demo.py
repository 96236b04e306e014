"""load_demo: fill the site with the project's demo stories; safe to run again."""

import datetime
import html
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles import roles, workflow
from articles.demo import content as demo_content
from articles.demo import photos as demo_photos
from articles.models import Article, ArticleAuthor, Author, Editor, Photo, Section, Source
from articles.photos import checks as images
from articles.photos import services as photo_services
from newsroom.links import absolute_url

# The demo's desk: a login for each role (see docs/workflow.md).
# One-time codes each demo login needing a second factor has, so the demo works without a phone.
DEMO_BACKUP_CODES = 5

DEMO_STAFF = (
    ("reporter", roles.REPORTER, "Rita Reporter"),
    ("desk", roles.DESK_EDITOR, "Dana Desk"),
    ("chief", roles.CHIEF_EDITOR, "Chen Chief"),
)


class Command(BaseCommand):
    help = "Load the demo sections, sources, people and stories (idempotent); optionally an admin login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create (or keep) the superuser 'admin' and print its password.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        sections = self._sections()
        sources = {
            name: Source.objects.update_or_create(name=name, defaults={"short_name": short})[0]
            for name, short in demo_content.SOURCES
        }
        editors = {
            name: Editor.objects.update_or_create(display_name=name, defaults={"desk": desk})[0]
            for name, desk in demo_content.EDITORS
        }
        now = timezone.now()
        created = 0
        for story in demo_content.STORIES:
            if Article.objects.filter(headline=story["headline"]).exists():
                continue
            published_at = (now - datetime.timedelta(hours=story["hours_ago"])).replace(second=0, microsecond=0)
            article = Article.objects.create(
                headline=story["headline"],
                section=sections[story["section"]],
                source=sources[story["source"]],
                editor=editors[story["editor"]],
                dateline_place=story["place"],
                dateline_date=timezone.localdate(published_at),
                summary=story["summary"],
                body="\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in story["paragraphs"]),
            )
            for position, name in enumerate(story["authors"]):
                author = Author.objects.filter(name=name).first() or Author.objects.create(name=name)
                ArticleAuthor.objects.create(article=article, author=author, position=position)
            article.tags.set(demo_content.TAGS.get(story["headline"], []))
            workflow.publish(article, user=workflow.SYSTEM, at=published_at, backdated=True)
            created += 1
        photos = self._photos()
        self.stdout.write(f"Demo content: {created} new stories, {Article.objects.published().count()} published.")
        self.stdout.write(f"Demo photos: {photos} attached.")
        if options["admin"]:
            self._admin()

    def _photos(self) -> int:
        """Give each demo story without a lead photo its drawn picture, through the upload checks."""
        attached = 0
        stories = Article.objects.filter(headline__in=list(demo_photos.PHOTOS), lead_photo__isnull=True)
        for article in stories.select_related("source"):
            caption, alt = demo_photos.caption_and_alt(article.headline)
            photo = Photo.objects.filter(caption=caption, credit=demo_photos.DEMO_CREDIT).first()
            if photo is None:
                drawn, (focal_x, focal_y) = demo_photos.draw_photo(article.headline)
                checked = images.check_bytes(drawn, name="demo.jpg")
                photo = photo_services.create_photo(
                    image=ContentFile(checked.content, name=f"demo.{checked.extension}"),
                    caption=caption,
                    credit=demo_photos.DEMO_CREDIT,
                    alt_text=alt,
                    source=article.source,
                    place=article.dateline_place.split(",")[0],
                    date_taken=article.dateline_date,
                    focal_x=focal_x,
                    focal_y=focal_y,
                )
            # A save (not update()) so the story's history records the photo; only lead_photo is
            # written, so the public "Updated:" time stays: attaching a photo is not an edit.
            article.lead_photo = photo
            article.save(update_fields=["lead_photo"])
            attached += 1
        return attached

    def _sections(self) -> dict[str, Section]:
        sections: dict[str, Section] = {}
        for path, name, position, description in demo_content.SECTIONS:
            parent_path, _, slug = path.rpartition("/")
            section = Section.objects.filter(path=path).first() or Section(slug=slug)
            section.name, section.position, section.description = name, position, description
            section.parent = sections.get(parent_path) if parent_path else None
            section.save()
            sections[path] = section
        return sections

    def _admin(self) -> None:
        """The demo's superuser; its password is kept in var/ so every run prints the same one."""
        password_file = settings.VAR_DIR / "demo-admin-password.txt"
        password_file.parent.mkdir(parents=True, exist_ok=True)
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(username="admin", defaults={"email": "admin@localhost"})
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        Editor.objects.update_or_create(user=user, defaults={"display_name": "Demo Admin", "desk": "Chief desk"})
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: {absolute_url(reverse('admin:index'))}  user: admin  password: {password}"
            )
        )
        self._staff(password)

    def _staff(self, password: str) -> None:
        """One demo login per desk role, with the admin's password, to try the workflow."""
        from django.contrib.auth.models import Group

        for username, role, name in DEMO_STAFF:
            user, _ = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@localhost", "first_name": name}
            )
            user.is_staff = user.is_active = True
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            Author.objects.update_or_create(user=user, defaults={"name": name})
            if role != roles.REPORTER:
                Editor.objects.update_or_create(user=user, defaults={"display_name": name, "desk": "World desk"})
        names = ", ".join(f"{username} ({role})" for username, role, _ in DEMO_STAFF)
        self.stdout.write(f"Desk logins with the same password: {names}")
        self._backup_codes()

    def _backup_codes(self) -> None:
        """admin, desk and chief confirm each sign-in with a second factor; give each a few one-time codes."""
        from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

        from articles.admin.two_factor import BACKUP_DEVICE_NAME, two_factor_required

        lines = []
        for user in get_user_model().objects.filter(username__in=["admin", *(u for u, _, _ in DEMO_STAFF)]):
            if not two_factor_required(user):
                continue
            device, _ = StaticDevice.objects.get_or_create(
                user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
            )
            while device.token_set.count() < DEMO_BACKUP_CODES:
                device.token_set.create(token=StaticToken.random_token())
            codes = " ".join(device.token_set.order_by("pk").values_list("token", flat=True))
            lines.append(f"  {user.username}: {codes}")
        if lines:
            self.stdout.write(
                "After the password, the desk's logins ask for a second factor: set up an authenticator "
                "app there, or type one of these one-time backup codes:"
            )
            for line in sorted(lines):
                self.stdout.write(line)
