"""The permission matrix of docs/workflow.md: every role × every transition, through the workflow
functions and through the real admin buttons, allowed and refused."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory

S = Article.Status

# transition -> (state it starts from, state it leads to)
TRANSITIONS = {
    "submit": (S.DRAFT, S.SUBMITTED),
    "return": (S.SUBMITTED, S.DRAFT),
    "publish": (S.SUBMITTED, S.PUBLISHED),
    "schedule": (S.SUBMITTED, S.PUBLISHED),
    "correct": (S.PUBLISHED, S.PUBLISHED),
    "withdraw": (S.PUBLISHED, S.WITHDRAWN),
}

# role -> the transitions it may make (on its own story for the reporter)
ALLOWED = {
    "reporter_own": {"submit"},
    "reporter_other": set(),
    "desk_editor": {"submit", "return", "publish", "schedule", "correct"},
    "chief_editor": {"submit", "return", "publish", "schedule", "correct", "withdraw"},
}

MATRIX = [(role, name, name in allowed) for role, allowed in ALLOWED.items() for name in TRANSITIONS]


@pytest.fixture
def people(reporter, other_reporter, desk_editor, chief_editor):
    return {
        "reporter_own": reporter,
        "reporter_other": other_reporter,
        "desk_editor": desk_editor,
        "chief_editor": chief_editor,
    }


def story_in(state: str, author_user) -> Article:
    """A story by author_user in the given state, made through the factories (not the workflow)."""
    extra = {}
    if state == S.PUBLISHED:
        extra = {"published": True}
    if state == S.WITHDRAWN:
        extra = {"withdrawn": True}
    article = ArticleFactory(created_by=author_user, authors=[author_user.author_profile], editor=None, **extra)
    if state == S.SUBMITTED:
        Article.objects.filter(pk=article.pk).update(status=S.SUBMITTED)
        article.refresh_from_db()
    return article


def run(name: str, article: Article, user) -> None:
    if name == "submit":
        workflow.submit(article, user=user)
    elif name == "return":
        workflow.return_to_author(article, user=user, note="Needs a second source.")
    elif name == "publish":
        workflow.publish(article, user=user)
    elif name == "schedule":
        workflow.publish(article, user=user, at=timezone.now() + datetime.timedelta(hours=1))
    elif name == "correct":
        workflow.correct(article, user=user, note="An earlier version misspelt the minister's name.")
    elif name == "withdraw":
        workflow.withdraw(article, user=user, note="Withdrawn for legal reasons.")


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "name", "allowed"), MATRIX)
def test_matrix_through_workflow(people, reporter, role, name, allowed):
    """Each role can make exactly the transitions the matrix gives it; the rest are refused."""
    start, end = TRANSITIONS[name]
    article = story_in(start, reporter)
    if allowed:
        run(name, article, people[role])
        article.refresh_from_db()
        assert article.status == end
        assert article.transitions.filter(from_status=start, to_status=end, user=people[role]).exists()
    else:
        with pytest.raises(PermissionDenied):
            run(name, article, people[role])
        article.refresh_from_db()
        assert article.status == start
        assert not article.transitions.exists()


POST_DATA = {
    "return": {"note": "Needs a second source."},
    "schedule": {"at": "2099-01-01T10:00"},
    "correct": {"note": "An earlier version misspelt the minister's name."},
    "withdraw": {"note": "Withdrawn for legal reasons."},
}


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "name", "allowed"), MATRIX)
def test_matrix_through_admin_buttons(client, people, reporter, role, name, allowed):
    """The change form's buttons obey the same matrix: a refused click changes nothing and says why."""
    start, end = TRANSITIONS[name]
    article = story_in(start, reporter)
    client.force_login(people[role])
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    page = client.get(change_url)
    url = reverse("admin:articles_article_transition", args=[article.pk, name])
    response = client.post(url, POST_DATA.get(name, {}))
    article.refresh_from_db()
    if allowed:
        assert f'action="{url}"' in page.content.decode(), "the button is shown to whoever may use it"
        assert response.status_code == 302
        assert article.status == end
        assert article.transitions.filter(to_status=end, user=people[role]).exists()
    else:
        if page.status_code == 200:
            assert f'action="{url}"' not in page.content.decode(), "no button for what the user may not do"
        assert article.status == start
        assert not article.transitions.exists()
        if response.status_code == 302:
            errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
            assert errors, "a refused click explains itself"
        else:
            # Another reporter's unpublished story is not even in their admin.
            assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("submit", S.SUBMITTED),
        ("return", S.DRAFT),
        ("publish", S.WITHDRAWN),
        ("correct", S.SUBMITTED),
        ("withdraw", S.DRAFT),
    ],
)
def test_wrong_state_is_refused_with_a_reason(chief_editor, reporter, name, state):
    """A transition from the wrong state is refused with a message naming the state."""
    article = story_in(state, reporter)
    with pytest.raises(workflow.WorkflowError, match="it is"):
        run(name, article, chief_editor)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["return", "correct", "withdraw"])
def test_notes_are_required(chief_editor, reporter, name):
    """Return, correction and withdrawal each refuse an empty note."""
    start, _ = TRANSITIONS[name]
    article = story_in(start, reporter)
    fn = {"return": workflow.return_to_author, "correct": workflow.correct, "withdraw": workflow.withdraw}[name]
    with pytest.raises(workflow.WorkflowError):
        fn(article, user=chief_editor, note="   ")


@pytest.mark.django_db
def test_refused_admin_click_shows_the_reason(client, desk_editor, reporter):
    """A desk editor returning without a note sees the workflow's message in the admin."""
    article = story_in(S.SUBMITTED, reporter)
    client.force_login(desk_editor)
    url = reverse("admin:articles_article_transition", args=[article.pk, "return"])
    response = client.post(url, {"note": ""}, follow=True)
    assert "a note is required" in response.content.decode()
    article.refresh_from_db()
    assert article.status == S.SUBMITTED


@pytest.mark.django_db
def test_publishing_names_the_publishing_editor(desk_editor, reporter):
    """With no editor chosen, the sign-off names the editor who published."""
    article = story_in(S.SUBMITTED, reporter)
    workflow.publish(article, user=desk_editor)
    article.refresh_from_db()
    assert article.editor == desk_editor.editor_profile
