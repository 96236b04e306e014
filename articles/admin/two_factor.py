"""Two-factor sign-in for the desk (django-otp): an authenticator app's codes, and backup codes.

After the password, anyone whose role requires it (desk and chief editors, superusers) or who set
up a second factor of their own (any reporter may) confirms with a code before any admin page
opens. Someone who must have one and has none is taken to set it up: scan the QR code, type the
code the app shows, and keep the ten one-time backup codes shown once.
"""

from __future__ import annotations

import io
from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles import roles

BACKUP_CODES = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


def two_factor_required(user) -> bool:
    """Desk and chief editors and superusers must confirm every sign-in with a second factor."""
    if not settings.NEWSROOM_TWO_FACTOR:
        return False
    return user.is_superuser or user.groups.filter(name__in=roles.DESK).exists()


def needs_code(user) -> bool:
    """Whether this signed-in person must still give a code in this session."""
    if user.is_verified():
        return False
    return two_factor_required(user) or user_has_device(user)


class TwoFactorMiddleware:
    """Keeps an unconfirmed sign-in out of the admin: to the code page, or to set-up when there is none."""

    OPEN = ("login", "logout", "two_factor_enrol", "two_factor_verify", "jsi18n")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and user.is_staff
            and request.path.startswith(reverse("admin:index"))
            and _url_name(request) not in self.OPEN
            and needs_code(user)
        ):
            target = "admin:two_factor_verify" if user_has_device(user) else "admin:two_factor_enrol"
            return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _url_name(request: HttpRequest) -> str:
    from django.urls import Resolver404, resolve

    try:
        return resolve(request.path_info).url_name or ""
    except Resolver404:
        return ""


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text=gettext_lazy("The six digits your authenticator app shows now, or one of your backup codes."),
    )

    def cleaned_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue().decode()


def _new_backup_codes(user) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@staff_member_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: its QR code and key, then the first code to confirm it."""
    user: Any = request.user  # signed-in staff; OTPMiddleware adds is_verified()
    if user_has_device(user) and not user.is_verified():
        # A second factor exists: it must be used before another can be added.
        verify_url = reverse("admin:two_factor_verify")
        return HttpResponseRedirect(f"{verify_url}?{urlencode({'next': reverse('admin:two_factor_enrol')})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if (wait := _throttled([device])) is not None:
            form.add_error("code", wait)
        elif device.verify_token(form.cleaned_code()):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                codes = _new_backup_codes(user)
            otp_login(request, device)
            return render(
                request,
                "admin/two_factor/backup_codes.html",
                {
                    **_page(request),
                    "codes": codes,
                    "next": _next(request),
                    "title": _("Your backup codes"),
                },
            )
        else:
            form.add_error(
                "code", _("That code is not the one the app shows now. Check the phone's clock and try again.")
            )
    context = {
        **_page(request),
        "form": form,
        "qr": mark_safe(_qr_svg(device.config_url)),  # noqa: S308  (SVG we drew ourselves)
        "key": _spaced(device.bin_key),
        "next": _next(request),
        "required": two_factor_required(user),
        "title": _("Set up two-factor sign-in"),
        "has_app": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
    }
    return render(request, "admin/two_factor/enrol.html", context)


def _page(request: HttpRequest) -> dict:
    # The admin's frame, without the list of models: none of them opens before the code is given.
    return {**admin.site.each_context(request), "is_nav_sidebar_enabled": False, "available_apps": []}


def _throttled(devices) -> str | None:
    """After wrong codes, each device waits longer before it checks another (1, 2, 4 ... seconds)."""
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if not allowed and details and details.get("locked_until"):
            seconds = max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
            return ngettext(
                "Too many wrong codes: wait %(seconds)d second and try again.",
                "Too many wrong codes: wait %(seconds)d seconds and try again.",
                seconds,
            ) % {"seconds": seconds}
    return None


def _spaced(key: bytes) -> str:
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@staff_member_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Confirm this sign-in with the app's code or a backup code (each backup code works once)."""
    user = request.user
    if not user_has_device(user):
        return HttpResponseRedirect(reverse("admin:two_factor_enrol"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = _throttled(devices_for_user(user))
        device = None if wait else match_token(user, form.cleaned_code())
        if wait:
            form.add_error("code", wait)
        elif device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("You used a backup code; %(left)d are left. Set up new ones on the two-factor page.")
                    % {"left": left},
                )
            return HttpResponseRedirect(_next(request))
        else:
            form.add_error("code", _("That code is wrong or was already used."))
    return render(
        request,
        "admin/two_factor/verify.html",
        {**_page(request), "form": form, "next": _next(request), "title": _("Confirm it is you")},
    )
