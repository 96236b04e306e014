"""Every stored body passes the allow-list: story structure survives, scripts do not."""

import pytest

from articles.richtext import sanitize_html
from tests.factories import ArticleFactory

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle/></svg>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example/"><input name=q><button>Go</button></form>',
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">cover</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<body onload=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<style>body{display:none}</style>",
    "<base href=https://evil.example/>",
    '<p onmouseover="alert(1)">hover</p>',
    "<<script>script>alert(1)<</script>/script>",
    "<!--<script>alert(1)</script>-->",
    '<img src="x" srcset="javascript:alert(1) 1x">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<blockquote cite="javascript:alert(1)">q</blockquote>',
]

DANGEROUS = ["<script", "onerror", "onload", "onmouseover", "javascript:", "vbscript:", "data:text", "<iframe",
             "<object", "<embed", "<form", "<input", "style=", "<style", "<meta", "<link", "<base", "<svg",
             "<math"]  # fmt: skip


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_are_neutralised(payload):
    """Nothing that can run script or restyle the page survives cleaning."""
    cleaned = sanitize_html(payload).lower()
    for marker in DANGEROUS:
        assert marker not in cleaned, f"{marker!r} survived in {cleaned!r}"


@pytest.mark.parametrize(
    "html",
    [
        '<p>Text with <strong>bold</strong>, <em>italic</em> and a <a href="https://example.org/">link</a>.</p>',
        "<blockquote><p>“A quotation,” she said.</p></blockquote>",
        "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>",
        "<h2>Heading</h2><h3>Subheading</h3>",
        '<figure class="image"><img src="/media/photo.jpg" alt="Harbour at dawn" width="640" height="427">'
        "<figcaption>The harbour (Newsroom/Demo)</figcaption></figure>",
        "<table><thead><tr><th>Team</th><th>Points</th></tr></thead><tbody><tr><td>A</td><td>3</td></tr></tbody></table>",
    ],
)
def test_story_structure_survives(html):
    """Quotes, links, lists, headings, images and tables keep their shape."""
    cleaned = sanitize_html(html)
    for tag in ("strong", "em", "blockquote", "li", "h2", "h3", "figure", "img", "figcaption", "table", "th", "td"):
        assert cleaned.count(f"<{tag}") == html.count(f"<{tag}")
    if "https://example.org/" in html:
        assert 'href="https://example.org/"' in cleaned
        assert 'rel="noopener noreferrer"' in cleaned
    if "<img" in html:
        assert 'alt="Harbour at dawn"' in cleaned and 'width="640"' in cleaned


@pytest.mark.django_db
def test_body_is_cleaned_on_every_save(client):
    """A body saved with a script is stored and served without it."""
    article = ArticleFactory(published=True, body='<p onclick="steal()">Hello<script>steal()</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Hello</p>"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "steal()" not in page


@pytest.mark.django_db
def test_headline_and_dateline_are_escaped(client):
    """Text fields are shown as text even when they contain markup."""
    article = ArticleFactory(published=True, headline="<b>Bold</b> claim", dateline_place="<i>PARIS</i>")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; claim" in page
    assert "&lt;i&gt;PARIS&lt;/i&gt;" in page
