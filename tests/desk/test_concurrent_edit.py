"""No lost edits: a save based on an older copy is refused, says who changed what, keeps the text."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, user_in_role


@pytest.fixture
def two_editors(desk_editor):
    li = user_in_role("Desk editor", username="lishimeng", name="Li Shimeng")
    return desk_editor, li


@pytest.fixture
def submitted_story(reporter):
    article = ArticleFactory(
        headline="Talks resume in Geneva",
        body="<p>Delegates met on Monday.</p>",
        created_by=reporter,
        authors=[reporter.author_profile],
    )
    Article.objects.filter(pk=article.pk).update(status=Article.Status.SUBMITTED)
    return Article.objects.get(pk=article.pk)


@pytest.mark.django_db
def test_second_save_is_refused_and_first_text_survives(client, two_editors, submitted_story):
    """Li saves first; Dana's later save from an older copy is refused and Li's text stays saved."""
    from django.test import Client

    dana, li = two_editors
    url = reverse("admin:articles_article_change", args=[submitted_story.pk])
    dana_client, li_client = Client(), Client()
    dana_client.force_login(dana)
    li_client.force_login(li)
    dana_page = dana_client.get(url)
    li_page = li_client.get(url)

    li_save = li_client.post(url, change_form_data(li_page, body="<p>Delegates met on Monday in Geneva.</p>"))
    assert li_save.status_code == 302

    dana_save = dana_client.post(url, change_form_data(dana_page, headline="Talks resume at last"))
    assert dana_save.status_code == 200, "the second save is refused, the form comes back"
    html = dana_save.content.decode()
    assert "Li Shimeng saved this article" in html
    assert "body" in html.split("Li Shimeng saved this article", 1)[1][:400]
    assert 'value="Talks resume at last"' in html, "Dana's text is still in the form"
    assert "Their body is now in the form below." in html
    assert "Delegates met on Monday in Geneva." in html, "Li's body is in Dana's form, so a re-save keeps it"

    submitted_story.refresh_from_db()
    assert submitted_story.body == "<p>Delegates met on Monday in Geneva.</p>"
    assert submitted_story.headline == "Talks resume in Geneva"


@pytest.mark.django_db
def test_saving_again_after_the_warning_is_a_deliberate_overwrite(two_editors, submitted_story):
    """After reading the warning, Dana's next save goes through (she has now seen Li's version)."""
    from django.test import Client

    dana, li = two_editors
    url = reverse("admin:articles_article_change", args=[submitted_story.pk])
    dana_client, li_client = Client(), Client()
    dana_client.force_login(dana)
    li_client.force_login(li)
    dana_page = dana_client.get(url)
    li_client.post(url, change_form_data(li_client.get(url), summary="Li's summary"))
    refused = dana_client.post(url, change_form_data(dana_page, headline="Dana's headline"))
    assert refused.status_code == 200
    again = dana_client.post(url, change_form_data(refused, headline="Dana's headline"))
    assert again.status_code == 302
    submitted_story.refresh_from_db()
    assert submitted_story.headline == "Dana's headline"
    assert submitted_story.summary == "Li's summary", "Li's change survives Dana's second save"


@pytest.mark.django_db
def test_both_changing_the_same_text_shows_both_versions(two_editors, submitted_story):
    """When both edit the body, Dana keeps her body in the form and sees Li's change word by word."""
    from django.test import Client

    dana, li = two_editors
    url = reverse("admin:articles_article_change", args=[submitted_story.pk])
    dana_client, li_client = Client(), Client()
    dana_client.force_login(dana)
    li_client.force_login(li)
    dana_page = dana_client.get(url)
    li_client.post(url, change_form_data(li_client.get(url), body="<p>Delegates met on Monday in Geneva.</p>"))
    refused = dana_client.post(url, change_form_data(dana_page, body="<p>Delegates met on Tuesday.</p>"))
    html = refused.content.decode()
    assert "You both changed body" in html
    assert "<del>Monday.</del><ins>Monday in Geneva.</ins>" in html, "Li's change, word by word"
    assert "Delegates met on Tuesday." in html, "Dana's body is still in the form"
    submitted_story.refresh_from_db()
    assert submitted_story.body == "<p>Delegates met on Monday in Geneva.</p>"


@pytest.mark.django_db
def test_a_transition_since_opening_also_counts(client, desk_editor, reporter):
    """If the story was submitted while the form was open, the stale save says so instead of saving."""
    from articles import workflow

    article = ArticleFactory(created_by=reporter, authors=[reporter.author_profile])
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.force_login(desk_editor)
    page = client.get(url)
    workflow.submit(article, user=reporter)
    response = client.post(url, change_form_data(page, headline="Changed"))
    assert response.status_code == 200
    assert "Rita Reporter saved this article" in response.content.decode()


@pytest.mark.django_db
def test_save_without_a_conflict_goes_through(client, desk_editor, submitted_story):
    """One editor alone saves as usual, and each save counts a new revision."""
    url = reverse("admin:articles_article_change", args=[submitted_story.pk])
    client.force_login(desk_editor)
    before = submitted_story.revision
    assert client.post(url, change_form_data(client.get(url), headline="New headline")).status_code == 302
    submitted_story.refresh_from_db()
    assert submitted_story.headline == "New headline"
    assert submitted_story.revision == before + 1


@pytest.mark.django_db
def test_the_refused_save_opens_with_the_conflict(two_editors, submitted_story):
    """The refused page starts with who saved meanwhile, not with "Please correct the error below"."""
    from django.test import Client

    dana, li = two_editors
    url = reverse("admin:articles_article_change", args=[submitted_story.pk])
    dana_client, li_client = Client(), Client()
    dana_client.force_login(dana)
    li_client.force_login(li)
    dana_page = dana_client.get(url)
    li_client.post(url, change_form_data(li_client.get(url), body="<p>Delegates met in Geneva.</p>"))
    html = dana_client.post(url, change_form_data(dana_page, headline="Talks resume at last")).content.decode()
    form = html.split('id="article_form"', 1)[1]
    assert "Please correct the error" not in html
    assert form.index('id="conflict"') < form.index('id="workflow-actions"')
    conflict = form.split('id="conflict"', 1)[1].split("</div>", 1)[0]
    assert "Li Shimeng saved this article" in conflict
    assert html.count("Li Shimeng saved this article") == 1
