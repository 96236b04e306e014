"""The seed round trip: agency copy in, the same page out, element for element."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from lxml import html as lxml_html

from articles.models import Article

SEED_URL = "/news/2024/01/08/turkiye-seeks-cooperation-with-china-on-electric-cars-battery-production/"


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


@pytest.fixture
def seed_page(db, client, seed_path, capsys):
    call_command("import_wire", str(seed_path), "--publish")
    printed = capsys.readouterr().out
    response = client.get(SEED_URL)
    return printed, response


def test_import_prints_admin_and_public_url(seed_page):
    """The command names the draft's admin page and the public page a reader can open."""
    printed, _ = seed_page
    article = Article.objects.get()
    assert printed.strip().endswith(f"http://127.0.0.1:8000{SEED_URL}")
    assert f"http://127.0.0.1:8000{reverse('admin:articles_article_change', args=[article.pk])}" in printed


def test_seed_page_shows_every_element_in_order(seed_page, seed_path):
    """A reader sees breadcrumb, headline, meta line, size buttons, byline, dateline, body, sign-off."""
    _, response = seed_page
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    article = doc.get_element_by_id("article")

    crumbs = doc.xpath('//nav[@aria-label="Breadcrumb"]//li')
    assert [_text(li) for li in crumbs] == ["Home", "News", "Contents"]
    assert doc.xpath('//nav[@aria-label="Breadcrumb"]//a/@href') == ["/", "/news/"]

    ordered = [
        ("headline", article.xpath(".//h1")[0]),
        ("meta", article.xpath('.//*[@class="meta-line"]')[0]),
        ("font", article.xpath('.//*[contains(@class, "font-controls")]')[0]),
        ("byline", article.xpath('.//*[@class="byline"]')[0]),
        ("body", article.xpath('.//*[@class="article-body"]')[0]),
        ("sign-off", article.xpath('.//*[@class="sign-off"]')[0]),
    ]
    positions = [list(article.iter()).index(el) for _, el in ordered]
    assert positions == sorted(positions), "the elements must appear in the seed's order"
    elements = dict(ordered)

    assert _text(elements["headline"]) == ("Türkiye seeks cooperation with China on electric cars, battery production")
    assert _text(elements["meta"]) == "Updated: January 8, 2024 Source: Xinhua News Agency"
    buttons = elements["font"].xpath(".//button")
    assert [b.get("aria-label") for b in buttons] == ["Larger text", "Smaller text"]
    assert _text(elements["byline"]) == "by Burak Akinci"
    paragraphs = elements["body"].xpath("./p")
    assert _text(paragraphs[0]).startswith(
        "ANKARA, Jan. 5 (Xinhua) -- Türkiye is seeking to cooperate and learn from China's expertise"
    )
    assert _text(elements["sign-off"]) == "Editor: Li Shimeng"

    seed_paragraphs = [line.strip() for line in seed_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    first = seed_paragraphs.index(next(p for p in seed_paragraphs if p.startswith("ANKARA")))
    expected_body = seed_paragraphs[first:-1]
    assert [_text(p) for p in paragraphs] == expected_body


def test_seed_fields_keep_the_three_dates_apart(seed_page):
    """Dateline Jan. 5, publication and update Jan. 8: three dates, never confused."""
    article = Article.objects.get()
    assert article.dateline_date.isoformat() == "2024-01-05"
    assert article.published_on.isoformat() == "2024-01-08"
    assert article.updated_at == article.published_at
    assert article.dateline_place == "ANKARA"
    assert article.source.short_name == "Xinhua"
    assert article.editor.user is None
    assert [a.name for a in article.byline_authors()] == ["Burak Akinci"]
