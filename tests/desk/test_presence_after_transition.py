"""After a reporter submits from the change form, nobody sees them as still editing."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_submitting_clears_the_reporters_presence(reporter, desk_editor):
    """Rita opens her draft and submits it; Dana, opening it next, is not told Rita is editing it."""
    story = ArticleFactory(created_by=reporter, authors=[reporter.author_profile])
    url = reverse("admin:articles_article_change", args=[story.pk])
    rita, dana = Client(), Client()
    rita.force_login(reporter)
    dana.force_login(desk_editor)
    rita.get(url)
    assert "Being edited by Rita Reporter" in dana.get(url).content.decode()
    response = rita.post(reverse("admin:articles_article_transition", args=[story.pk, "submit"]))
    assert response.status_code == 302
    rita.get(response["Location"])  # the redirect back to the now read-only form
    assert "Being edited by Rita Reporter" not in dana.get(url).content.decode()
