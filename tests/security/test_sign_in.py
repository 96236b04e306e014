"""Sign-in: password guessing locks an account out, and the desk confirms every sign-in with a second factor."""

from __future__ import annotations

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import user_in_role

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def sign_in(client, username, password=PASSWORD, address="203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def code_for(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_ten_wrong_passwords_lock_the_account_with_a_clear_message(client):
    user_in_role("Reporter", username="rita", name="Rita Reporter")
    for _ in range(9):
        assert sign_in(client, "rita", "guess").status_code == 200  # the form again, with its error
    locked = sign_in(client, "rita", "guess")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Sign-in locked" in text and "10 wrong passwords in a row" in text
    assert "ask a chief editor to unlock it" in text
    # The right password no longer helps, from any address.
    assert sign_in(client, "rita", address="198.51.100.1").status_code == 429


def test_one_address_guessing_many_accounts_is_locked_too(client):
    for n in range(10):
        sign_in(client, f"nobody{n}", "guess", address="192.0.2.50")
    user_in_role("Reporter", username="rita", name="Rita Reporter")
    assert sign_in(client, "rita", address="192.0.2.50").status_code == 429
    assert sign_in(client, "rita", address="192.0.2.51").status_code == 302


def test_a_chief_editor_unlocks_an_account(client):
    user_in_role("Reporter", username="rita", name="Rita Reporter")
    chief = user_in_role("Chief editor", username="chen", name="Chen Chief")
    for _ in range(10):
        sign_in(client, "rita", "guess")
    assert sign_in(client, "rita").status_code == 429
    attempt = AccessAttempt.objects.get(username="rita")
    desk = client.__class__()
    desk.force_login(chief)
    listing = desk.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200 and "rita" in listing.content.decode()
    desk.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert not AccessAttempt.objects.filter(username="rita").exists()
    assert sign_in(client, "rita").status_code == 302


def test_a_desk_editor_without_a_second_factor_cannot_reach_the_article_list(client, two_factor):
    user_in_role("Desk editor", username="dana", name="Dana Desk")
    assert sign_in(client, "dana").status_code == 302
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:two_factor_enrol"))
    setup = client.get(response.url)
    assert "<svg" in setup.content.decode() and 'id="two-factor-key"' in setup.content.decode()


def test_setting_up_the_app_confirms_it_and_shows_backup_codes_once(client, two_factor):
    user_in_role("Desk editor", username="dana", name="Dana Desk")
    sign_in(client, "dana")
    client.get(reverse("admin:two_factor_enrol"))
    device = TOTPDevice.objects.get(user__username="dana", confirmed=False)
    wrong = client.post(reverse("admin:two_factor_enrol"), {"code": "000000"})
    assert "That code is not the one the app shows now" in wrong.content.decode()
    hurried = client.post(reverse("admin:two_factor_enrol"), {"code": code_for(device)})
    assert "Too many wrong codes: wait 1 second and try again." in hurried.content.decode()
    device.refresh_from_db()
    device.throttling_failure_timestamp -= datetime.timedelta(seconds=5)
    device.save()
    done = client.post(
        reverse("admin:two_factor_enrol"),
        {"code": code_for(device), "next": reverse("admin:articles_article_changelist")},
    )
    assert done.status_code == 200
    codes = StaticDevice.objects.get(user__username="dana").token_set.values_list("token", flat=True)
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200


def test_each_later_sign_in_asks_for_a_code(client, two_factor):
    dana = user_in_role("Desk editor", username="dana", name="Dana Desk")
    device = TOTPDevice.objects.create(user=dana, name="Authenticator app", confirmed=True)
    sign_in(client, "dana")
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.url.startswith(reverse("admin:two_factor_verify"))
    wrong = client.post(reverse("admin:two_factor_verify"), {"code": "123456"})
    assert "That code is wrong or was already used." in wrong.content.decode()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None, throttling_failure_count=0)
    right = client.post(
        reverse("admin:two_factor_verify"),
        {"code": code_for(device), "next": reverse("admin:articles_article_changelist")},
    )
    assert right.status_code == 302 and right.url == reverse("admin:articles_article_changelist")
    assert client.get(right.url).status_code == 200


def test_a_backup_code_works_once(client, two_factor):
    chen = user_in_role("Chief editor", username="chen", name="Chen Chief")
    backup = StaticDevice.objects.create(user=chen, name="Backup codes", confirmed=True)
    backup.token_set.create(token="k3y9m2p4")
    for attempt in ("first", "second"):
        client.logout()
        sign_in(client, "chen")
        response = client.post(reverse("admin:two_factor_verify"), {"code": "k3y9m2p4"})
        if attempt == "first":
            assert response.status_code == 302
        else:
            assert "That code is wrong or was already used." in response.content.decode()


def test_verify_sends_only_to_our_own_pages(client, two_factor):
    chen = user_in_role("Chief editor", username="chen", name="Chen Chief")
    StaticDevice.objects.create(user=chen, name="Backup codes", confirmed=True).token_set.create(token="abcd1234")
    sign_in(client, "chen")
    response = client.post(reverse("admin:two_factor_verify"), {"code": "abcd1234", "next": "https://evil.example/"})
    assert response.url == reverse("admin:index")


def test_reporters_may_sign_in_without_one_and_must_use_one_they_set_up(client, two_factor):
    rita = user_in_role("Reporter", username="rita", name="Rita Reporter")
    sign_in(client, "rita")
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    client.logout()
    TOTPDevice.objects.create(user=rita, name="Authenticator app", confirmed=True)
    sign_in(client, "rita")
    assert client.get(reverse("admin:articles_article_changelist")).url.startswith(reverse("admin:two_factor_verify"))
