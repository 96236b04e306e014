"""Every page says what it may load (Content-Security-Policy) and which browser features it never uses."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def test_the_public_pages_allow_only_our_own_scripts_and_styles(client):
    article = ArticleFactory(published=True)
    for url in ("/", article.get_absolute_url(), "/search/?q=port", reverse("feeds:rss")):
        policy = directives(client.get(url))
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in " ".join(policy["script-src"] + policy["default-src"])


def test_the_admin_keeps_scripts_to_our_files_and_lets_the_editor_style_itself(client):
    client.force_login(UserFactory(username="csp-desk", is_superuser=True))
    policy = directives(client.get(reverse("admin:articles_article_add")))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "blob:" in policy["img-src"]
    assert directives(client.get(reverse("admin:login")))["script-src"] == ["'self'"]


def test_photos_on_another_host_are_allowed_by_name(client, settings):
    settings.NEWSROOM_MEDIA_ORIGIN = "https://media.example.org"
    from newsroom.security import public_policy

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_policy(settings.NEWSROOM_MEDIA_ORIGIN)}
    assert "https://media.example.org" in directives(client.get("/"))["img-src"]
    client.force_login(UserFactory(username="csp-media", is_superuser=True))
    assert "https://media.example.org" in directives(client.get(reverse("admin:index")))["img-src"]


def test_no_page_may_use_camera_microphone_or_position(client):
    for url in ("/", reverse("admin:login")):
        header = client.get(url).headers["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in header, url
