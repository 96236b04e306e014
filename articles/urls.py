"""Public URLs: home, article pages (section path, date, slug) and section pages."""

from django.urls import path, re_path

from articles import desk_views, views

app_name = "articles"

SECTION = r"(?P<section_path>[a-z0-9-]+(?:/[a-z0-9-]+)*)"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("preview/<int:pk>/", desk_views.preview, name="preview"),
    path("preview/share/<str:token>/", desk_views.shared_preview, name="share"),
    re_path(
        rf"^{SECTION}/(?P<year>[0-9]{{4}})/(?P<month>[0-9]{{2}})/(?P<day>[0-9]{{2}})/(?P<slug>[-a-zA-Z0-9_]+)/$",
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
    re_path(rf"^{SECTION}/$", views.SectionView.as_view(), name="section"),
]
