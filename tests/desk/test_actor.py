"""Every transition names who acts: a person, or the newsroom itself for server commands."""

import pytest

from articles import workflow
from articles.models import Transition
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CALLS = {
    "submit": lambda article, **who: workflow.submit(article, **who),
    "return_to_author": lambda article, **who: workflow.return_to_author(article, note="Why", **who),
    "publish": lambda article, **who: workflow.publish(article, **who),
    "correct": lambda article, **who: workflow.correct(article, note="Fixed", **who),
    "withdraw": lambda article, **who: workflow.withdraw(article, note="Legal", **who),
    "restore_version": lambda article, **who: workflow.restore_version(article, version_id=1, **who),
}


@pytest.mark.parametrize("name", CALLS)
@pytest.mark.parametrize("who", [{"user": None}, {}], ids=["user=None", "no user"])
def test_a_transition_without_an_actor_raises_and_changes_nothing(name, who):
    """A call that forgets to say who acts is refused before anything is checked or written."""
    article = ArticleFactory(published=True)
    revision = article.revision
    with pytest.raises(TypeError):
        CALLS[name](article, **who)
    article.refresh_from_db()
    assert article.revision == revision
    assert not Transition.objects.filter(article=article).exists()


def test_the_newsroom_acts_under_its_own_name():
    """A command's transition is logged with no user and named 'the newsroom'."""
    article = ArticleFactory(status="submitted")
    workflow.publish(article, user=workflow.SYSTEM)
    entry = Transition.objects.get(article=article)
    assert entry.user is None
    assert str(workflow.SYSTEM) == "the newsroom"


def test_publish_writes_only_its_own_fields():
    """Publishing from a stale copy does not put back text another editor saved meanwhile."""
    article = ArticleFactory(status="submitted", headline="Old headline")
    stale = type(article).objects.get(pk=article.pk)
    article.headline = "New headline saved by the desk"
    article.save()
    workflow.publish(stale, user=workflow.SYSTEM)
    article.refresh_from_db()
    assert article.status == "published"
    assert article.headline == "New headline saved by the desk"
