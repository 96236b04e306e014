"""Template helpers for photos: the srcset lists and the <img> fallback, from prefetched renditions."""

from __future__ import annotations

from django import template

from articles.models import Photo

register = template.Library()


@register.simple_tag
def picture_data(photo: Photo, crop: str = "", width: int = 1024) -> dict:
    """What a <picture> needs: WebP and JPEG srcsets and the fallback JPEG rendition (no queries if prefetched)."""
    return {
        "webp": photo.srcset(crop, "webp"),
        "jpeg": photo.srcset(crop, "jpeg"),
        "img": photo.best_rendition(width, crop=crop, fmt="jpeg"),
    }
