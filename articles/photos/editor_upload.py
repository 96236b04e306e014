"""The editor's image upload: a picture dropped into a story body joins the photo library."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from articles.photos.body_html import PLACED_WIDTH
from articles.photos.forms import EditorUploadForm


def _refuse(message: str, status: int = 400) -> JsonResponse:
    # The shape CKEditor 5's upload adapter shows to the editor.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
@csrf_protect
def editor_upload(request: HttpRequest) -> JsonResponse:
    """Check an image like the library's form does, add it as a photo, answer with its rendition URLs."""
    user = request.user
    if not (user.is_active and user.is_staff):
        return _refuse(_("Only newsroom staff may upload images."), status=403)
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
