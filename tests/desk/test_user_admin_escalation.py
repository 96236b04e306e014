"""A chief editor manages staff accounts but cannot gain or touch superuser powers."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory

User = get_user_model()


@pytest.fixture
def admin_user(db):
    """The site's administrator, a superuser."""
    return UserFactory(username="root", is_superuser=True)


def _form_data(page) -> dict:
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if name in ("groups", "user_permissions"):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    joined = page.context["original"].date_joined.strftime("%Y-%m-%d %H:%M:%S")
    data["date_joined_0"], data["date_joined_1"] = joined.split()
    data.pop("date_joined", None)
    data.pop("last_login", None)
    return data


@pytest.mark.django_db
def test_chief_cannot_make_themselves_superuser(client, chief_editor):
    """The chief's own account form has no superuser box, and a forged one is ignored."""
    client.force_login(chief_editor)
    url = reverse("admin:auth_user_change", args=[chief_editor.pk])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="is_superuser"' not in html and 'name="user_permissions"' not in html
    data = _form_data(page)
    data["is_superuser"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    chief_editor.refresh_from_db()
    assert not chief_editor.is_superuser


@pytest.mark.django_db
def test_chief_cannot_open_or_reset_superuser(client, chief_editor, admin_user):
    """The administrator's account is not in the chief's list, form or password page."""
    client.force_login(chief_editor)
    assert "root" not in client.get(reverse("admin:auth_user_changelist")).content.decode()
    change = client.get(reverse("admin:auth_user_change", args=[admin_user.pk]))
    assert change.status_code == 302  # "does not exist", back to the list
    password_url = reverse("admin:auth_user_password_change", args=[admin_user.pk])
    assert client.get(password_url).status_code == 404
    response = client.post(password_url, {"password1": "Hijacked-pass-42", "password2": "Hijacked-pass-42"})
    assert response.status_code == 404
    admin_user.refresh_from_db()
    assert not admin_user.check_password("Hijacked-pass-42")


@pytest.mark.django_db
def test_chief_assigns_only_role_groups(client, chief_editor, reporter):
    """The chief may put staff in the desk's role groups, and no other group is offered."""
    Group.objects.create(name="Site administrators")
    client.force_login(chief_editor)
    page = client.get(reverse("admin:auth_user_change", args=[reporter.pk]))
    offered = set(page.context["adminform"].form.fields["groups"].queryset.values_list("name", flat=True))
    assert offered == {"Reporter", "Desk editor", "Chief editor"}


@pytest.mark.django_db
def test_superuser_still_sees_everything(client, admin_user, chief_editor):
    """The administrator keeps the superuser box and sees all accounts."""
    client.force_login(admin_user)
    html = client.get(reverse("admin:auth_user_change", args=[chief_editor.pk])).content.decode()
    assert 'name="is_superuser"' in html
    assert "root" in client.get(reverse("admin:auth_user_changelist")).content.decode()
