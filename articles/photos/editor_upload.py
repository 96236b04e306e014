"""The editor's image upload: a picture dropped into a story body joins the photo library."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from articles.photos import checks
from articles.photos.body_html import PLACED_WIDTH
from articles.photos.forms import EditorUploadForm


def _refuse(message: str, status: int = 400) -> JsonResponse:
    # The shape CKEditor 5's upload adapter shows to the editor.
    return JsonResponse({"error": {"message": message}}, status=status)


# Room for the multipart framing around the file (boundaries, headers, the CSRF token).
FORM_OVERHEAD = 64 * 1024


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


# Exempt from the CSRF middleware only so that nothing reads the body before the checks below;
# the token is then checked by csrf_protect on the inner view, exactly as the middleware would.
@csrf_exempt
@require_POST
def editor_upload(request: HttpRequest) -> JsonResponse:
    """Refuse strangers and oversized posts before reading a byte of the body, then take the upload."""
    user = request.user
    if not (user.is_active and user.is_staff):
        return _refuse(_("Only newsroom staff may upload images."), status=403)
    length, limit = _declared_length(request), checks.max_bytes()
    if length > limit + FORM_OVERHEAD:
        return _refuse(
            _("The upload is %(size)s; photos are limited to %(limit)s.")
            % {"size": filesizeformat(length), "limit": filesizeformat(limit)},
            status=413,
        )
    return _checked_upload(request)


@csrf_protect
def _checked_upload(request: HttpRequest) -> JsonResponse:
    """Check an image like the library's form does, add it as a photo, answer with its rendition URLs."""
    form = EditorUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = form.errors.get("upload") or [_("Choose an image to upload.")]
        return _refuse(str(errors[0]))
    with transaction.atomic():
        photo = form.save()
    default = photo.best_url(PLACED_WIDTH)
    # With "urls", CKEditor writes srcset and width attributes on the <img> it inserts.
    urls = {"default": default} | {str(r.width): r.file.url for r in photo.rendition_list("", "jpeg")}
    return JsonResponse({"url": default, "urls": urls, "photo": photo.pk})
