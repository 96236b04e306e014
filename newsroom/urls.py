"""The newsroom's URL map: the admin, the CKEditor upload endpoint, then the public site."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from articles import photo_views

urlpatterns = [
    path("admin/", admin.site.urls),
    # Replaces django_ckeditor_5.urls, whose upload view stores files unchecked and unrecorded.
    path("ckeditor5/image_upload/", photo_views.editor_upload, name="photo_editor_upload"),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
