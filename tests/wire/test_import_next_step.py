"""After an import, the desk is told what it can actually do next with the draft."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

COPY = """Harbour cranes return to work after storm

Source: Harbour Press Agency

SANTOS, March 2 (HPA) -- Cranes at the container port resumed work on Monday.
"""


def test_import_message_names_the_next_possible_step(client, reporter):
    """A reporter's message says to submit the draft to the desk, which their buttons allow."""
    SectionFactory(name="News")
    user = reporter
    client.force_login(user)
    response = client.post(reverse("admin:articles_article_import"), {"text": COPY})
    assert response.status_code == 302
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "submit it to the desk" in text and "submit or publish" not in text
    draft = Article.objects.get()
    assert workflow.SUBMIT in workflow.available_transitions(user, draft)
    assert workflow.PUBLISH not in workflow.available_transitions(user, draft)


def test_the_wire_desk_is_told_to_publish_the_draft(client, desk_editor):
    """A desk editor's message says Publish now: the desk publishes agency copy without submitting it."""
    SectionFactory(name="News")
    client.force_login(desk_editor)
    response = client.post(reverse("admin:articles_article_import"), {"text": COPY})
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "then press Publish now" in text and "submit it to the desk" not in text
    assert workflow.PUBLISH in workflow.available_transitions(desk_editor, Article.objects.get())
