"""axe-core finds no accessibility violations on the reader's pages, and they fit a 320 px screen."""

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(live_server):
    """The live site with the demo content: the main page kinds and their addresses."""
    call_command("load_demo", verbosity=0)
    article = Article.objects.published().select_related("section").get(section__path="news/world")
    return {
        "home": live_server.url + "/",
        "section": live_server.url + "/news/world/",
        "article": live_server.url + article.get_absolute_url(),
        "search": live_server.url + "/search/?q=port",
    }


def axe_violations(page, axe_script) -> list[str]:
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("async () => await axe.run(document)")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in result["violations"]]


@pytest.mark.parametrize("kind", ["home", "section", "article", "search"])
def test_no_axe_violations(chromium_browser, site, axe_script, kind):
    """A screen-reader and keyboard user meets no axe-core violations on the page."""
    # The checker is injected as an inline script, which the page's own policy rightly refuses;
    # the browser lets the test tool past it (the page's scripts still run under the policy).
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(site[kind])
    assert axe_violations(page, axe_script) == []
    context.close()


@pytest.mark.parametrize("kind", ["home", "section", "article", "search"])
def test_fits_a_320px_screen(chromium_browser, site, kind):
    """On a 320 px wide phone the page has no horizontal scroll (screenshots in test-artifacts/)."""
    context = chromium_browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site[kind])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reader-{kind}-320.png"), full_page=True)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    context.close()
    assert width <= 320


def test_skip_link_and_focus_are_visible(page, site):
    """The first Tab shows the skip link with a visible focus outline."""
    page.goto(site["article"])
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.className, s.outlineStyle, e.getBoundingClientRect().left]; }"
    )
    assert focused[0] == "skip-link"
    assert focused[1] != "none"
    assert focused[2] >= 0


def test_print_hides_navigation(page, site):
    """Printed, the article keeps its text and drops the header, breadcrumb and footer."""
    page.goto(site["article"])
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.site-header', '.breadcrumb', '.site-footer']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none", "none"]
    assert page.locator("h1.headline").is_visible()


def test_article_reads_without_javascript(chromium_browser, site):
    """With JavaScript off the article reads in full and the text-size buttons stay hidden."""
    context = chromium_browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site["article"])
    assert page.locator("h1.headline").is_visible()
    assert page.locator(".article-body p").first.is_visible()
    assert not page.locator(".font-controls").is_visible()
    context.close()
