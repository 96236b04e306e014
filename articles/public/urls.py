"""Public URLs: home, article pages (section path, date, slug), day archives, section pages, and
the reader pages around them. Section paths are matched last: specific prefixes come first, and
top-level section slugs may not take them (RESERVED_SECTION_SLUGS)."""

from django.urls import path, re_path, register_converter
from django.views.decorators.http import condition

from articles.public import listings, preview, views
from articles.public.cache import public_page
from articles.public.converters import DayConverter, SectionPathConverter

app_name = "articles"

register_converter(SectionPathConverter, "section")
register_converter(DayConverter, "day")

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    # Previews are never cached (they are views of what is not public).
    path("preview/<int:pk>/", preview.preview, name="preview"),
    path("preview/share/<str:token>/", preview.shared_preview, name="share"),
    path("search/", public_page(listings.SearchView.as_view()), name="search"),
    path("authors/<slug:slug>/", public_page(listings.AuthorView.as_view()), name="author"),
    path("sources/<int:pk>/", public_page(listings.SourceView.as_view()), name="source"),
    # taggit keeps letters such as ü or 北京 in slugs, so the ASCII-only <slug:> converter will not do.
    re_path(r"^tags/(?P<slug>[-\w]+)/$", public_page(listings.TagView.as_view()), name="tag"),
    path("language/", listings.choose_language, name="language"),
    path(
        "<section:section_path>/<day:day>/<slug:slug>/",
        public_page(
            condition(etag_func=views.article_etag, last_modified_func=views.article_last_modified)(
                views.ArticleDetailView.as_view()
            )
        ),
        name="detail",
    ),
    path("<section:section_path>/<day:day>/", public_page(listings.SectionDayView.as_view()), name="section-day"),
    path("<section:section_path>/", public_page(views.SectionView.as_view()), name="section"),
]
