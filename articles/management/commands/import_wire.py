"""import_wire: read agency copy files into articles (drafts, or published with --publish)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from articles import workflow
from articles.models import Section
from articles.wire import importer
from articles.wire import text as wire_text
from newsroom.links import absolute_url


class Command(BaseCommand):
    help = (
        "Import agency copy (plain text like an agency article page). Prints one line per file with "
        "the admin URL, and the public URL when published. A file that cannot be read writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="Files of agency copy.")
        parser.add_argument(
            "--publish", action="store_true", help="Publish at the copy's Updated: date (now if it has none)."
        )
        parser.add_argument(
            "--section", metavar="SLUG", help="Section path (news or news/world); default: the copy's breadcrumb."
        )

    def handle(self, *args, **options):
        section = None
        if options["section"]:
            section = Section.objects.filter(path=options["section"].strip("/")).first()
            if section is None:
                known = ", ".join(Section.objects.values_list("path", flat=True)[:20]) or "none yet"
                raise CommandError(f"No section {options['section']!r}. Known sections: {known}.")
        failed = 0
        for path in options["paths"]:
            try:
                story = wire_text.parse_wire(wire_text.read_copy_file(path), name=str(path))
                article = importer.import_story(
                    story, section=section, publish=options["publish"], user=workflow.SYSTEM
                )
            except (wire_text.WireFormatError, ValidationError) as exc:
                failed += 1
                message = str(exc) if isinstance(exc, wire_text.WireFormatError) else f"{path}: {importer.explain(exc)}"
                self.stderr.write(self.style.ERROR(f"error: {message}"))
                continue
            line = f"{path}: {absolute_url(reverse('admin:articles_article_change', args=[article.pk]))}"
            if article.is_public:
                line += f" {absolute_url(article.get_absolute_url())}"
            elif options["publish"]:
                line += f" (embargoed until {article.published_at:%Y-%m-%d %H:%M %Z})"
            self.stdout.write(line)
        if failed:
            raise CommandError(f"{failed} of {len(options['paths'])} file(s) could not be imported.")
