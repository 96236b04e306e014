"""Presence: the change form says who else has the story open, and since when."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, user_in_role


@pytest.mark.django_db
def test_change_form_says_who_else_is_editing(desk_editor):
    """Dana opens a story at 14:02; Li, opening it later, reads 'Being edited by Dana Desk since 14:02'."""
    li = user_in_role("Desk editor", username="li", name="Li Shimeng")
    story = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[story.pk])
    dana_client, li_client = Client(), Client()
    dana_client.force_login(desk_editor)
    li_client.force_login(li)
    opened = timezone.now().replace(hour=14, minute=2, second=0, microsecond=0)
    with time_machine.travel(opened, tick=False):
        dana_client.get(url)
    with time_machine.travel(opened + datetime.timedelta(minutes=1), tick=False):
        html = li_client.get(url).content.decode()
        assert "Being edited by Dana Desk since 14:02." in html
        # Dana's own page does not warn her about herself, but names Li.
        dana_html = dana_client.get(url).content.decode()
        assert "Being edited by Li Shimeng since 14:03." in dana_html
        assert "Being edited by Dana Desk" not in dana_html


@pytest.mark.django_db
def test_presence_lapses_without_a_heartbeat(desk_editor):
    """A closed tab stops pinging; a few minutes later nobody is shown as editing."""
    story = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[story.pk])
    ping = reverse("admin:articles_article_presence", args=[story.pk])
    other = user_in_role("Desk editor", username="li", name="Li Shimeng")
    dana_client, li_client = Client(), Client()
    dana_client.force_login(desk_editor)
    li_client.force_login(other)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        dana_client.get(url)
    with time_machine.travel(start + datetime.timedelta(minutes=2), tick=False):
        dana_client.post(ping)
        assert [p["name"] for p in li_client.get(ping).json()["others"]] == ["Dana Desk"]
    with time_machine.travel(start + datetime.timedelta(minutes=6), tick=False):
        assert li_client.get(ping).json()["others"] == []


@pytest.mark.django_db
def test_someone_who_can_only_read_is_not_shown_as_editing(reporter, desk_editor):
    """A reporter reading a published story does not show up as editing it."""
    story = ArticleFactory(published=True)
    url = reverse("admin:articles_article_change", args=[story.pk])
    rita, dana = Client(), Client()
    rita.force_login(reporter)
    dana.force_login(desk_editor)
    assert rita.get(url).status_code == 200
    assert "Being edited by Rita" not in dana.get(url).content.decode()
