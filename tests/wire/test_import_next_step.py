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


@pytest.mark.parametrize("role", ["reporter", "desk_editor"])
def test_import_message_names_the_next_possible_step(client, request, role):
    """The success message says to submit the draft to the desk, which the user's buttons allow."""
    SectionFactory(name="News")
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = client.post(reverse("admin:articles_article_import"), {"text": COPY})
    assert response.status_code == 302
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "submit it to the desk" in text and "submit or publish" not in text
    draft = Article.objects.get()
    assert workflow.SUBMIT in workflow.available_transitions(user, draft)
    assert workflow.PUBLISH not in workflow.available_transitions(user, draft)
