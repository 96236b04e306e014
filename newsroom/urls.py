"""The newsroom's URL map: the admin, the CKEditor upload endpoint, machine-read files (feeds,
sitemaps, robots.txt), then the public site."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static as static_url
from django.urls import include, path

from articles.admin import view_on_site
from articles.photos import editor_upload as photo_views
from articles.public import feeds, listings, sitemaps
from articles.public import urls as public_urls  # noqa: F401  (registers the section and day converters)
from articles.public.cache import public_page


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """The site's icon, served by WhiteNoise from the static files (its address is hashed in production)."""
    return HttpResponseRedirect(static_url("favicon.ico"))


# Machine-read files, in namespaces of their own: feeds:rss, feeds:section-atom, sitemaps:news ...
feed_patterns = [
    path("rss.xml", public_page(feeds.LatestStoriesFeed()), name="rss"),
    path("atom.xml", public_page(feeds.LatestStoriesAtomFeed()), name="atom"),
    path("<section:section_path>/rss.xml", public_page(feeds.SectionFeed()), name="section-rss"),
    path("<section:section_path>/atom.xml", public_page(feeds.SectionAtomFeed()), name="section-atom"),
]
sitemap_patterns = [
    path("sitemap.xml", public_page(sitemap_views.sitemap), {"sitemaps": sitemaps.SITEMAPS}, name="index"),
    path("news-sitemap.xml", public_page(sitemaps.news_sitemap), name="news"),
]

urlpatterns = [
    # Before the admin's own: the view-on-site shortcut answers only for stories the person may see.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site.view_on_site),
        name="view_on_site",
    ),
    path("admin/", admin.site.urls),
    # Replaces django_ckeditor_5.urls, whose upload view stores files unchecked and unrecorded.
    path("ckeditor5/image_upload/", photo_views.editor_upload, name="photo_editor_upload"),
    path("robots.txt", public_page(listings.robots_txt), name="robots"),
    # Browsers ask for /favicon.ico whatever the page says: send them to the static file.
    path("favicon.ico", favicon, name="favicon"),
    path("", include((sitemap_patterns, "sitemaps"))),
    path("feeds/", include((feed_patterns, "feeds"))),
    path("", include("articles.public.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
