"""The editorial admin loads for the desk, with CKEditor on the body, and imports wire copy."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, EditorFactory, SectionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = UserFactory(username="chief", is_superuser=True)
    client.force_login(user)
    return client


def test_every_admin_page_loads(admin_client):
    """Every list, add and change page of the newsroom's admin answers 200."""
    article = ArticleFactory(published=True)
    objects = {
        "section": article.section,
        "source": article.source,
        "author": AuthorFactory(),
        "editor": EditorFactory(),
        "article": article,
    }
    for model, obj in objects.items():
        for name, args in ((f"admin:articles_{model}_changelist", []), (f"admin:articles_{model}_add", []),
                           (f"admin:articles_{model}_change", [obj.pk])):  # fmt: skip
            response = admin_client.get(reverse(name, args=args))
            assert response.status_code == 200, name
    assert (
        admin_client.get(
            reverse("admin:articles_article_changelist"), {"q": "story", "status": "published"}
        ).status_code
        == 200
    )


def test_article_forms_use_ckeditor(admin_client):
    """The body is edited with CKEditor 5 on the add and change pages."""
    article = ArticleFactory()
    for url in (reverse("admin:articles_article_add"), reverse("admin:articles_article_change", args=[article.pk])):
        page = admin_client.get(url).content.decode()
        assert 'class="django_ckeditor_5"' in page
        assert "django_ckeditor_5/dist/bundle.js" in page


def test_add_article_through_the_admin_cleans_the_body(admin_client):
    """A story saved from the form is stored as a sanitized draft with its byline in order."""
    section, source = SectionFactory(), SourceFactory()
    first, second = AuthorFactory(name="Ana Souza"), AuthorFactory(name="Kenji Mori")
    data = {
        "headline": "Harbour reopens",
        "section": section.pk,
        "source": source.pk,
        "summary": "",
        "body": '<p>Ships are back.<img src=x onerror="alert(1)"></p>',
        "dateline_place": "SANTOS",
        "dateline_date": "2025-03-02",
        "editor": "",
        "slug": "",
        "language": "en",
        "byline-TOTAL_FORMS": "2",
        "byline-INITIAL_FORMS": "0",
        "byline-0-author": second.pk,
        "byline-0-position": "1",
        "byline-1-author": first.pk,
        "byline-1-position": "0",
    }
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.status == "draft"
    assert "onerror" not in article.body
    assert article.slug == "harbour-reopens"
    assert [a.name for a in article.byline_authors()] == ["Ana Souza", "Kenji Mori"]


def test_import_wire_page_makes_a_draft(admin_client, seed_path):
    """Uploading agency copy in the admin gives a draft to review, opened at once."""
    url = reverse("admin:articles_article_import")
    assert "Import wire copy" in admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    with seed_path.open("rb") as handle:
        response = admin_client.post(url, {"file": handle})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == "draft"
    assert article.headline.startswith("Türkiye seeks cooperation")


def test_import_wire_page_explains_bad_copy(admin_client):
    """Pasted copy without a body is refused with the reason, and nothing is saved."""
    response = admin_client.post(reverse("admin:articles_article_import"), {"text": "Just a headline\n"})
    assert response.status_code == 200
    assert "no body" in response.content.decode()
    assert Article.objects.count() == 0


def test_readers_cannot_open_the_import_page(client):
    """Anonymous visitors are sent to the login page."""
    response = client.get(reverse("admin:articles_article_import"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
