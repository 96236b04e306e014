"""Every desk role can use the photo library: its list and the lead photo search."""

import pytest
from django.urls import reverse

from tests.factories import PhotoFactory

ROLES = ["reporter", "desk_editor", "chief_editor"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_role_opens_photo_library(client, request, role):
    """Each role sees the photo library's list instead of 403 Forbidden."""
    PhotoFactory(caption="Fishing boats at dawn")
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("admin:articles_photo_changelist"))
    assert response.status_code == 200
    assert "Fishing boats at dawn" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_role_searches_lead_photo(client, request, role):
    """Each role finds a library photo in the article form's lead photo search."""
    PhotoFactory(caption="Fishing boats at dawn")
    client.force_login(request.getfixturevalue(role))
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "lead_photo", "term": "boats"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Fishing boats at dawn"]


@pytest.mark.django_db
def test_only_desk_deletes_photos(reporter, desk_editor, chief_editor):
    """Reporters may upload and edit photos; only desk and chief editors may delete them."""
    assert reporter.has_perm("articles.change_photo") and not reporter.has_perm("articles.delete_photo")
    assert desk_editor.has_perm("articles.delete_photo") and chief_editor.has_perm("articles.delete_photo")
