"""The wire desk: a desk editor publishes a draft directly; a duplicate import can be discarded."""

import pytest
from django.contrib.messages import constants, get_messages
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

S = Article.Status
COPY = """Harbour cranes return to work after storm

Source: Harbour Press Agency

SANTOS, March 2 (HPA) -- Cranes at the container port resumed work on Monday.
"""


def test_a_desk_editor_publishes_a_draft_in_one_step(client, desk_editor, reporter):
    """Publish now on a draft: public at once, one draft → published step in the log, no submission."""
    draft = ArticleFactory(headline="Cranes back at work", created_by=reporter, authors=[reporter.author_profile])
    client.force_login(desk_editor)
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert 'value="publish"' in page.content.decode()
    data = change_form_data(page)
    response = client.post(reverse("admin:articles_article_transition", args=[draft.pk, "publish"]), data)
    assert response.status_code == 302
    stored = Article.objects.get(pk=draft.pk)
    assert stored.is_public
    log = list(stored.transitions.values_list("from_status", "to_status"))
    assert log == [(S.DRAFT, S.PUBLISHED)]
    assert "Cranes back at work" in client.get(stored.get_absolute_url()).content.decode()


def test_a_reporter_cannot_publish_their_draft(client, own_draft, reporter):
    """A reporter's draft offers Submit, not Publish now; a forged post is refused."""
    client.force_login(reporter)
    html = client.get(reverse("admin:articles_article_change", args=[own_draft.pk])).content.decode()
    assert 'value="submit"' in html and 'value="publish"' not in html
    client.post(reverse("admin:articles_article_transition", args=[own_draft.pk, "publish"]))
    assert Article.objects.get(pk=own_draft.pk).status == S.DRAFT


def import_twice(client):
    SectionFactory(name="News")
    url = reverse("admin:articles_article_import")
    client.post(url, {"text": COPY})
    response = client.post(url, {"text": COPY})
    duplicate = Article.objects.order_by("-pk").first()
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level == constants.WARNING]
    return duplicate, warnings


def test_the_duplicate_warning_offers_discard_to_the_importer(client, reporter):
    """Importing the same copy again: the warning links to Discard this draft, asked before it is done."""
    client.force_login(reporter)
    duplicate, warnings = import_twice(client)
    discard_url = reverse("admin:articles_article_discard", args=[duplicate.pk])
    assert "Discard this draft" in warnings[0] and discard_url in warnings[0]
    confirm = client.get(discard_url)
    assert confirm.status_code == 200 and "Discard this draft" in confirm.content.decode()
    assert Article.objects.get(pk=duplicate.pk).status == S.DRAFT  # asking discards nothing


def test_a_discarded_draft_leaves_the_lists_and_stays_on_record(client, reporter, desk_editor):
    """Discarded: not in the list nor the overview, shown by the status filter, kept, logged."""
    client.force_login(reporter)
    duplicate, _ = import_twice(client)
    response = client.post(reverse("admin:articles_article_discard", args=[duplicate.pk]), {"note": "Duplicate"})
    assert response["Location"] == reverse("admin:articles_article_changelist")
    stored = Article.objects.get(pk=duplicate.pk)  # not deleted
    assert stored.status == S.DISCARDED
    entry = stored.transitions.get()
    assert (entry.user, entry.from_status, entry.to_status, entry.note) == (reporter, S.DRAFT, S.DISCARDED, "Duplicate")

    client.force_login(desk_editor)
    changelist = reverse("admin:articles_article_changelist")
    shown = [a.pk for a in client.get(changelist).context["cl"].result_list]
    assert duplicate.pk not in shown and len(shown) == 1
    filtered = [a.pk for a in client.get(changelist, {"status__exact": "discarded"}).context["cl"].result_list]
    assert filtered == [duplicate.pk]
    overview = client.get(reverse("admin:articles_article_desk")).context["queues"]
    assert all(duplicate.pk not in [a.pk for a in q["articles"]] for q in overview)
    assert Article.objects.filter(pk=duplicate.pk).exists()


def test_only_the_importer_may_discard_a_draft(client, reporter, other_reporter, desk_editor):
    """The desk and other reporters cannot discard Rita's import, nor Rita once it is submitted."""
    client.force_login(reporter)
    duplicate, _ = import_twice(client)
    url = reverse("admin:articles_article_discard", args=[duplicate.pk])
    client.force_login(desk_editor)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(other_reporter)
    assert client.post(url).status_code == 404  # another reporter's draft is not even in their admin
    workflow.submit(duplicate, user=reporter)
    client.force_login(reporter)
    assert client.post(url).status_code == 403
    assert Article.objects.get(pk=duplicate.pk).status == S.SUBMITTED
    with pytest.raises(workflow.WorkflowError, match="only a draft can be discarded"):
        workflow.discard(duplicate, user=reporter)


def test_a_discarded_draft_cannot_be_edited_or_moved(reporter):
    """Discarded is the end: no edits, no buttons."""
    draft = ArticleFactory(created_by=reporter)
    workflow.discard(draft, user=reporter)
    assert not workflow.can_edit(reporter, draft)
    assert workflow.available_transitions(reporter, draft) == []
