"""A desk editor signs in with the password and then the authenticator app's code, in Chromium."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import ARTIFACTS, PASSWORD, enter_password
from tests.factories import user_in_role
from tests.security.test_sign_in import code_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_desk_editor_signs_in_with_an_authenticator_code(chromium_browser, live_server, two_factor):
    dana = user_in_role("Desk editor", username="dana", name="Dana Desk")
    device = TOTPDevice.objects.create(user=dana, name="Authenticator app", confirmed=True)
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:articles_article_changelist"))
    page.fill("#id_username", "dana")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")  # from the article list's address, which sent us to sign in
    page.wait_for_selector("#id_code")
    assert "authenticator app" in page.inner_text("#content-main")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "admin-two-factor-code.png"))
    page.fill("#id_code", code_for(device))
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:articles_article_changelist"))
    assert page.locator("#result_list, .paginator").count() >= 1
    context.close()


def test_setting_up_the_app_in_the_browser(chromium_browser, live_server, two_factor):
    user_in_role("Chief editor", username="chen", name="Chen Chief")
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    enter_password(page, live_server, "chen")
    page.wait_for_selector(".two-factor-qr svg")
    page.screenshot(path=str(ARTIFACTS / "admin-two-factor-setup.png"))
    device = TOTPDevice.objects.get(user__username="chen", confirmed=False)
    page.fill("#id_code", code_for(device))
    page.click("input[type=submit]")
    page.wait_for_selector("#backup-codes")
    assert len(page.locator("#backup-codes li").all()) == 10
    page.click("text=Continue to the desk")
    page.wait_for_selector("#user-tools")
    assert page.url == live_server.url + reverse("admin:index")
    context.close()
