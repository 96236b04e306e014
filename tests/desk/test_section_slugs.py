"""Section slugs: the admin refuses slugs the site's section addresses cannot carry."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Section
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client):
    """A signed-in superuser at the admin."""
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-long-enough-123")
    client.force_login(user)
    return user


def _add_section(client, slug):
    url = reverse("admin:articles_section_add")
    data = change_form_data(client.get(url), name="Asia Pacific", slug=slug, position="0")
    return client.post(url, data)


@pytest.mark.parametrize("slug", ["asia_pacific", "Asia", "ASIA-2"])
def test_admin_refuses_section_slug_with_capitals_or_underscores(client, chief, slug):
    """Adding a section with a slug like asia_pacific or Asia shows an error and saves nothing."""
    response = _add_section(client, slug)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["slug"]
    assert "Use only lowercase letters, digits and hyphens (e.g. 'asia-pacific')." in errors
    assert not Section.objects.exists()
    # The public pages stay up: the navigation can still link every section.
    client.logout()
    assert client.get(reverse("articles:home")).status_code == 200


def test_admin_accepts_lowercase_section_slug(client, chief):
    """A slug of lowercase letters, digits and hyphens is saved and its page opens."""
    response = _add_section(client, "asia-pacific-2")
    assert response.status_code == 302
    section = Section.objects.get()
    assert section.path == "asia-pacific-2"
    client.logout()
    assert client.get(section.get_absolute_url()).status_code == 200
