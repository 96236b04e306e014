"""Story bodies: library photos placed by the editor get srcset, sizes, width and height when saved.

CKEditor places an <img> with the one URL our upload endpoint returns: a rendition, or the cleaned
master while the background worker has not made those yet. Before the body is stored, each <img>
whose address is a library file is completed from the Rendition rows (a master's address becomes
the 1024 px rendition's): a JPEG srcset of every width, the column's sizes, and the width and
height that keep the page from jumping while it loads. This runs once per save, never per page
view.
"""

from __future__ import annotations

import re

from django.utils.html import escape

from articles.models import Photo

# The body column: 44rem wide on larger screens, the screen less its margins on phones.
BODY_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"

IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# A rendition (full-640.jpg) or, before the worker has made those, the cleaned master the editor got.
LIBRARY_SRC = re.compile(
    r'\bsrc="(?P<url>[^"]*/photos/(?P<key>[0-9a-f]{8,32})/'
    r'(?:full-(?P<width>\d+)\.(?:jpg|webp)|master-[0-9a-f]+\.[a-z]+))"'
)
# The width of the <img src> the editor places (the upload's answer); srcset offers the others.
PLACED_WIDTH = 1024
LAYOUT_ATTRIBUTES = re.compile(r'\s+(?:srcset|sizes|width|height)="[^"]*"', re.IGNORECASE)


def responsive_body_images(html: str) -> str:
    """Return html with each library <img> given srcset, sizes, width and height (two queries at most)."""
    keys = {match.group("key") for match in LIBRARY_SRC.finditer(html)}
    if not keys:
        return html
    photos = {photo.key: photo for photo in Photo.objects.filter(key__in=keys).with_renditions()}

    def complete(match: re.Match) -> str:
        tag = match.group(0)
        found = LIBRARY_SRC.search(tag)
        photo = photos.get(found.group("key")) if found else None
        if found is None or photo is None:
            return tag
        shown = photo.best_rendition(int(found.group("width") or PLACED_WIDTH))
        if shown is None:
            return tag  # no renditions yet: the master stays until a later save
        if found.group("width") is None:
            tag = tag.replace(found.group(0), f'src="{escape(shown.file.url)}"', 1)
        attributes = (
            f' srcset="{escape(photo.srcset())}" sizes="{BODY_SIZES}" width="{shown.width}" height="{shown.height}"'
        )
        bare_tag = LAYOUT_ATTRIBUTES.sub("", tag)
        closing = "/>" if bare_tag.endswith("/>") else ">"
        return bare_tag[: -len(closing)].rstrip() + attributes + closing

    return IMG_TAG.sub(complete, html)
