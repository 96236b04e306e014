"""Styled error pages that keep the site's navigation."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


def test_not_found_page_keeps_navigation(client):
    """A missing page is a styled 404 with the site's header, sections and a way home."""
    SectionFactory(name="Business")
    response = client.get("/no/such/page/here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/business/"' in html
    assert 'class="skip-link"' in html
    assert html.count("<h1") == 1


def test_gone_page_keeps_navigation(rf):
    """The 410 page for a withdrawn story says so and keeps the navigation."""
    SectionFactory(name="Business")
    html = render_to_string("410.html", request=rf.get("/"))
    assert "Story withdrawn" in html
    assert 'href="/business/"' in html
    assert 'href="/search/"' in html


def test_server_error_page_needs_no_database(django_assert_num_queries):
    """The 500 page renders without touching the database and still links home and to search."""
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html
    assert '<a class="site-name" href="/">' in html
    assert 'href="/search/"' in html
