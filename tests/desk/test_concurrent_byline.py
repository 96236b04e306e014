"""A byline row removed by someone else meanwhile gives a clear message, not an invisible error."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article, ArticleAuthor
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, AuthorFactory, user_in_role

MESSAGE = "The byline changed since you opened this form"


@pytest.mark.django_db
def test_byline_row_deleted_meanwhile_is_explained(desk_editor, reporter):
    """Li removes a byline name; Dana's save, and her second save, say the byline changed: reload."""
    li = user_in_role("Desk editor", username="lishimeng", name="Li Shimeng")
    story = ArticleFactory(created_by=reporter, authors=[reporter.author_profile, AuthorFactory(name="Kenji Mori")])
    Article.objects.filter(pk=story.pk).update(status=Article.Status.SUBMITTED)
    url = reverse("admin:articles_article_change", args=[story.pk])
    dana, li_client = Client(), Client()
    dana.force_login(desk_editor)
    li_client.force_login(li)
    dana_page = dana.get(url)
    li_page = li_client.get(url)

    li_data = change_form_data(li_page)
    kenji = ArticleAuthor.objects.get(article=story, author__name="Kenji Mori")
    kenji_row = next(k.removesuffix("-id") for k, v in li_data.items() if k.endswith("-id") and str(v) == str(kenji.pk))
    li_data[f"{kenji_row}-DELETE"] = "on"
    assert li_client.post(url, li_data).status_code == 302
    assert not ArticleAuthor.objects.filter(article=story, author__name="Kenji Mori").exists()

    first = dana.post(url, change_form_data(dana_page, headline="Dana's headline"))
    assert first.status_code == 200
    second = dana.post(url, change_form_data(first, headline="Dana's headline"))
    assert second.status_code == 200
    html = second.content.decode()
    assert MESSAGE in html
    story.refresh_from_db()
    assert story.headline != "Dana's headline"
