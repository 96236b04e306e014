"""The one HTML allow-list every stored article body passes through.

Copy is pasted into the editor from anywhere (agency pages, e-mail, word processors), so the
body is cleaned on every save, whoever or whatever saves it: the admin, the importer, a command.
What survives is the structure of a story (paragraphs, quotes, links, lists, headings, images,
tables); scripts, event handlers, `javascript:` links, inline styles and foreign markup do not.
"""

import re
from urllib.parse import urlsplit

import nh3

from articles.plaintext import strip_control_characters

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "blockquote", "q", "cite", "abbr", "a",
    "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6",
    "figure", "figcaption", "img", "picture", "source",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "pre", "code",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "source": {"srcset", "sizes", "type", "media"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "ol": {"start", "reversed"},
}

# CKEditor marks images and tables with these classes; no other class reaches the page, so
# pasted copy cannot restyle the layout.
ALLOWED_CLASSES = {
    "figure": {"image", "table", "image-style-side", "image-style-align-left", "image-style-align-right"},
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}


# Attributes that hold URLs. nh3 checks href and src itself; cite and srcset it passes through,
# so every URL attribute is checked here as well.
_URL_ATTRIBUTES = {"href", "src", "cite", "srcset"}
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")


def _safe_url(url: str) -> bool:
    """True for relative URLs and absolute ones whose scheme is on the allow-list."""
    compact = _CONTROL_AND_SPACE.sub("", url)
    if ":" not in compact.split("/", 1)[0]:
        return True
    return urlsplit(compact).scheme.lower() in URL_SCHEMES


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute not in _URL_ATTRIBUTES:
        return value
    if attribute == "srcset":
        candidates = [c.strip().split(" ", 1)[0] for c in value.split(",") if c.strip()]
        return value if all(_safe_url(c) for c in candidates) else None
    return value if _safe_url(value) else None


def sanitize_html(html: str) -> str:
    """Return html reduced to the newsroom's allow-list (safe to mark safe in templates)."""
    if not html:
        return ""
    return nh3.clean(
        strip_control_characters(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_filter_attribute,
        strip_comments=True,
    ).strip()
