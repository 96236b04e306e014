"""The photo library in the admin: upload, caption, credit, focal point; thumbnails of what readers see."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles.admin.changelist import SafeListMixin
from articles.models import Article, Photo
from articles.photos import services
from articles.photos.forms import PhotoForm
from articles.workflow import rules


@admin.register(Photo)
class PhotoAdmin(SafeListMixin, admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "caption_short", "credit", "source", "date_taken", "place", "dimensions", "created_at"]
    list_display_links = ["thumbnail", "caption_short"]
    list_select_related = ["source"]
    list_filter = [("source", admin.RelatedOnlyFieldListFilter), "date_taken", "created_at"]
    search_fields = ["caption", "credit", "alt_text", "place"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["source"]
    readonly_fields = ["preview", "dimensions", "renditions_summary", "used_in", "created_at", "modified_at"]
    fieldsets = [
        (None, {"fields": ["image", "preview", "caption", "credit", "alt_text"]}),
        (_("Where and when"), {"fields": ["source", "date_taken", "place"]}),
        (
            _("Focal point for cropped thumbnails"),
            {
                "fields": ["focal_x", "focal_y"],
                "description": _(
                    "Lists show a 3:2 crop of the photo. Give the point that must stay in view as fractions of "
                    "the width and height: 0.5 and 0.5 is the centre, 0.2 and 0.3 a face at the upper left."
                ),
            },
        ),
        (
            _("Files"),
            {
                "classes": ["collapse"],
                "fields": ["dimensions", "renditions_summary", "used_in", "created_at", "modified_at"],
            },
        ),
    ]

    class Media:
        js = ["js/admin-focal-point.js"]

    def has_change_permission(self, request: HttpRequest, obj: Photo | None = None) -> bool:
        """A photo in a submitted or published story is the desk's to change (workflow.rules)."""
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or rules.may_change_photo(request.user, obj)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        photo = self.get_object(request, object_id)
        if photo is not None and not self.has_change_permission(request, photo) and request.method == "GET":
            messages.warning(request, rules.photo_refusal())
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).prefetch_related("renditions")

    def save_model(self, request: HttpRequest, obj: Photo, form, change: bool) -> None:
        """Through the photo services: new renditions are queued when the picture or focal point changed."""
        previous = form.initial.get("image")
        services.save_photo(
            obj,
            previous_image=getattr(previous, "name", "") or "",
            picture_changed=not change or bool(services.PICTURE_FIELDS & set(form.changed_data)),
        )

    @admin.display(description=_("photo"))
    def thumbnail(self, obj: Photo) -> str:
        rendition = obj.best_rendition(160, crop="3:2")
        if rendition is None:
            return "—"
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy" style="width:120px;height:auto">',
            rendition.file.url,
            rendition.width,
            rendition.height,
        )

    @admin.display(description=_("caption"), ordering="caption")
    def caption_short(self, obj: Photo) -> str:
        return str(obj)

    @admin.display(description=_("size in pixels"))
    def dimensions(self, obj: Photo) -> str:
        return f"{obj.width} × {obj.height}" if obj.width else "—"

    @admin.display(description=_("preview with focal point"))
    def preview(self, obj: Photo) -> str:
        rendition = obj.best_rendition(640)
        if rendition is None:
            return "—"
        # The marker shows where the focal point falls; saving with new values re-crops the thumbnails.
        return format_html(
            '<div data-focal-point style="position:relative;display:inline-block;max-width:480px">'
            '<img src="{}" width="{}" height="{}" alt="" style="max-width:100%;height:auto;display:block">'
            '<span data-focal-marker title="{}" style="position:absolute;left:{}%;top:{}%;width:14px;height:14px;'
            "margin:-7px 0 0 -7px;border:2px solid #fff;border-radius:50%;box-shadow:0 0 0 2px #c00;"
            'pointer-events:none"></span></div><p class="help">{}</p>',
            rendition.file.url,
            rendition.width,
            rendition.height,
            _("focal point"),
            f"{obj.focal_x * 100:.1f}",
            f"{obj.focal_y * 100:.1f}",
            _("Click the picture to move the focal point, then save."),
        )

    @admin.display(description=_("renditions"))
    def renditions_summary(self, obj: Photo) -> str:
        rows = sorted(obj.renditions.all(), key=lambda r: (r.crop, r.width, r.format))
        if not rows:
            return "—"
        return format_html_join(
            ", ",
            '<a href="{}">{} {} {}</a>',
            ((r.file.url, r.get_crop_display(), r.width, r.get_format_display()) for r in rows),
        )

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Photo | None:
        photo = super().get_object(request, object_id, from_field)
        if photo is not None:
            # "Used in" names only the stories this person may see (workflow.visible_articles).
            photo.viewer = request.user
        return photo

    @admin.display(description=_("used in"))
    def used_in(self, obj: Photo) -> str:
        viewer = getattr(obj, "viewer", None)
        if obj.pk is None or viewer is None:
            return "—"
        articles = articles_using(obj, viewer)
        if not articles:
            return str(_("No story uses this photo."))
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("admin:articles_article_change", args=[a.pk]), a.headline) for a in articles),
        )

    def get_deleted_objects(self, objs, request: HttpRequest):
        """Refuse to delete a photo still placed in a story body; lead photos are simply unset."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for photo in objs:
            for article in Article.objects.with_photo_in_text(photo).only("headline"):
                protected.append(
                    format_html(
                        '{}: <a href="{}">{}</a>',
                        _("Placed in the text of"),
                        reverse("admin:articles_article_change", args=[article.pk]),
                        article.headline,
                    )
                )
        return deleted, counts, perms_needed, protected


def articles_using(photo: Photo, viewer) -> list[Article]:
    """Stories the viewer may see with the photo as lead photo or placed in their text."""
    stories = rules.visible_articles(viewer, Article.objects.using_photo(photo))
    return list(stories.only("headline").order_by("-modified_at")[:20])
