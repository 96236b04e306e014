"""refresh_renditions: make every photo's renditions again (after changing widths, formats or quality)."""

from django.core.management.base import BaseCommand

from articles.models import Photo
from articles.photos.renditions import refresh_renditions


class Command(BaseCommand):
    help = "Re-make the renditions of every photo (or of the given photo ids) from their stored masters."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these photo ids.")

    def handle(self, *args, **options):
        photos = Photo.objects.order_by("pk").prefetch_related("renditions")
        if options["ids"]:
            photos = photos.filter(pk__in=options["ids"])
        count = 0
        for photo in photos.iterator(chunk_size=50):
            made = refresh_renditions(photo)
            count += 1
            self.stdout.write(f"{photo.pk}: {len(made)} renditions")
        self.stdout.write(self.style.SUCCESS(f"{count} photos refreshed."))
