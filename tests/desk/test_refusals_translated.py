"""Refusals read as whole sentences in Chinese: no English verb spliced into a Chinese sentence."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, UserFactory

Status = Article.Status

# The action names the refusals once spliced in untranslated ("您没有权限submit稿件").
ENGLISH_VERBS = re.compile(r"submit|return|publish|correct|withdraw|restore|schedule", re.IGNORECASE)


def _refusal(call) -> str:
    """The message a transition raises, read in the Chinese interface."""
    with translation.override("zh-hans"), pytest.raises((PermissionDenied, workflow.WorkflowError)) as caught:
        call()
    return str(caught.value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("transition", "role", "expected"),
    [
        ("submit", None, "您没有权限提交稿件。"),
        ("return", "Reporter", "您没有权限将稿件退回给作者。"),
        ("publish", "Reporter", "您没有权限发布稿件。"),
        ("correct", "Reporter", "您没有权限更正稿件。"),
        ("withdraw", "Desk editor", "您没有权限撤回稿件。"),
        ("restore", "Reporter", "您没有权限恢复稿件的历史版本。"),
    ],
)
def test_permission_refusal_names_the_action_in_chinese(transition, role, expected):
    """Someone without the permission is told, in Chinese, which action they may not take."""
    from tests.factories import user_in_role

    user = user_in_role(role) if role else UserFactory()
    article = ArticleFactory(published=transition in {"correct", "withdraw"})
    calls = {
        "submit": lambda: workflow.submit(article, user=user),
        "return": lambda: workflow.return_to_author(article, user=user, note="Check the figures."),
        "publish": lambda: workflow.publish(article, user=user),
        "correct": lambda: workflow.correct(article, user=user, note="The port is in Izmir."),
        "withdraw": lambda: workflow.withdraw(article, user=user, note="Legal advice."),
        "restore": lambda: workflow.restore_version(article, user=user, version_id=1),
    }
    message = _refusal(calls[transition])
    assert message == expected
    assert not ENGLISH_VERBS.search(message)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("transition", "state", "expected"),
    [
        ("submit", {"status": Status.SUBMITTED}, "无法提交“港口电站”：该稿件当前状态为已提交。"),
        ("return", {}, "无法退回“港口电站”：该稿件当前状态为草稿。"),
        ("publish", {"withdrawn": True}, "无法发布“港口电站”：该稿件当前状态为已撤回。"),
        ("correct", {"status": Status.SUBMITTED}, "无法更正“港口电站”：该稿件当前状态为已提交。"),
        ("withdraw", {"withdrawn": True}, "无法撤回“港口电站”：该稿件当前状态为已撤回。"),
    ],
)
def test_state_refusal_names_the_action_and_status_in_chinese(chief_editor, transition, state, expected):
    """A transition the story's state does not allow is refused with the Chinese verb and status."""
    article = ArticleFactory(headline="港口电站", created_by=chief_editor, **state)
    calls = {
        "submit": lambda: workflow.submit(article, user=chief_editor),
        "return": lambda: workflow.return_to_author(article, user=chief_editor, note="Check the figures."),
        "publish": lambda: workflow.publish(article, user=chief_editor),
        "correct": lambda: workflow.correct(article, user=chief_editor, note="The port is in Izmir."),
        "withdraw": lambda: workflow.withdraw(article, user=chief_editor, note="Legal advice."),
    }
    message = _refusal(calls[transition])
    assert message == expected
    assert not re.search(r"[A-Za-z]", message)


@pytest.mark.django_db
def test_admin_shows_a_chinese_desk_editor_the_refusal_in_chinese(client, desk_editor, reporter):
    """Bulk-publishing a withdrawn story in the Chinese admin explains the refusal in Chinese, and counts in Chinese."""
    ready = ArticleFactory(headline="Ready", created_by=reporter)
    ArticleFactory(headline="Taken down", created_by=reporter, withdrawn=True)
    Article.objects.filter(pk=ready.pk).update(status=Status.SUBMITTED)
    client.force_login(desk_editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": list(Article.objects.values_list("pk", flat=True))},
        follow=True,
    )
    html = response.content.decode()
    assert "无法发布“Taken down”：该稿件当前状态为已撤回。" in html
    assert "已发布 1 篇稿件。" in html
    assert "Cannot publish" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "expected"), [(1, "1 article published."), (2, "2 articles published.")])
def test_bulk_publish_counts_in_the_right_english_plural(client, desk_editor, reporter, count, expected):
    """The success message says "1 article" and "2 articles", not "article(s)"."""
    stories = [ArticleFactory(created_by=reporter) for _ in range(count)]
    Article.objects.filter(pk__in=[s.pk for s in stories]).update(status=Status.SUBMITTED)
    client.force_login(desk_editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [s.pk for s in stories]},
        follow=True,
    )
    assert expected in response.content.decode()
