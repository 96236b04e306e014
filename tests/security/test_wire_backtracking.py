"""Agency copy is read in time proportional to its length: hostile copy gets the importer's own error."""

import lxml.html
import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.richtext import sanitize_html
from articles.wire.text import WireFormatError, decode_copy, parse_wire

BODY = "ANKARA, Jan. 5 (Xinhua) -- Turkish officials said on Friday the plan goes ahead.\n"


def one_megabyte_with(line_start: str, line_end: str) -> str:
    """Copy whose header line is padded with spaces to the paste limit (1 MB)."""
    head = "Electric cars arrive in Ankara\n" + line_start
    tail = line_end + "\n" + BODY
    spaces = settings.NEWSROOM["WIRE_MAX_BYTES"] - len(head) - len(tail)
    text = head + " " * spaces + tail
    assert len(text.encode()) == settings.NEWSROOM["WIRE_MAX_BYTES"]
    return text


@pytest.mark.parametrize(
    ("line_start", "line_end"),
    [
        ("Updated: January 8, 2024", "x"),
        ("Updated: January 8, 2024", "Source: Xinhua News Agency"),
        ("Updated:", "January 8, 2024"),
        ("Source: Xinhua", "News Agency x"),
    ],
)
def test_a_megabyte_of_spaces_in_the_updated_line_is_refused(line_start, line_end):
    """A header line padded with a megabyte of spaces is refused with a message naming its length and the limit."""
    text = one_megabyte_with(line_start, line_end)
    decode_copy(text.encode(), name="paste")  # the paste itself is accepted: within the size limit
    with pytest.raises(WireFormatError) as refused:
        parse_wire(text, name="paste")
    message = str(refused.value)
    assert message.startswith("paste: line 2 is ")
    assert "characters; a line of copy is limited to" in message


def test_the_editor_line_padded_with_spaces_is_refused():
    """An Editor: sign-off padded with a megabyte of spaces is refused, not read for minutes."""
    text = "Electric cars arrive in Ankara\nSource: Xinhua\n" + BODY + "Editor: Li" + " " * 1_000_000 + "x\n"
    with pytest.raises(WireFormatError, match="line 4 is 1,000,011 characters"):
        parse_wire(text, name="paste")


def test_spaces_between_the_date_and_the_source_still_read():
    """A normal Updated: line with a few spaces before Source: gives the date and the source."""
    story = parse_wire(
        "Electric cars arrive in Ankara\nUpdated: January 8, 2024"
        + " " * 40
        + "Source:   Xinhua News Agency  \n"
        + BODY
    )
    assert story.updated_at is not None and story.updated_at.date().isoformat() == "2024-01-08"
    assert story.source_name == "Xinhua News Agency"


def test_editor_with_spaces_inside_the_name_reads():
    """An Editor: line with runs of spaces inside names gives the name as written, trimmed."""
    story = parse_wire("Cars arrive\nSource: Xinhua\n" + BODY + "Editor:   Li    Shimeng   \n")
    assert story.editor_name == "Li    Shimeng"


PREFIXES = [
    "Home > ", "Updated:", "Updated: January 8, 2024", "Source:", "Editor:", "by ", "fontLarger fontSmaller",
    "ANKARA, Jan. 5 (Xinhua) -- ", "MASERU, Lesotho, July 14 (Xinhua) — ", "A, B, C, D, E, F, ", "",
]  # fmt: skip
FRAGMENTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            " ",
            "\t",
            "\u00a0",
            "\u3000",
            ",",
            ".",
            "-",
            "—",
            "(",
            ")",
            ">",
            "and ",
            "Source: ",
            "2024",
            "<script>",
            "<a href='javascript:x'>",
            "&amp;",
            "\x0b",
            "\x1b",
            "\r",
            "\ufeff",
        ]
    ),  # fmt: skip
    st.integers(min_value=1, max_value=300).map(lambda n: " " * n),
)
LINE = st.builds(
    lambda prefix, parts: prefix + "".join(parts), st.sampled_from(PREFIXES), st.lists(FRAGMENTS, max_size=8)
)
COPY = st.lists(LINE, max_size=12).map("\n".join)
FAST = hypothesis_settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(COPY, st.text()))
def test_the_wire_parser_only_ever_refuses_with_its_own_error(text):
    """Whatever text is pasted, the parser gives a story or its own explained refusal, never a crash."""
    try:
        story = parse_wire(text, name="paste")
    except WireFormatError as refused:
        assert str(refused).startswith("paste: ")
    else:
        assert story.headline and story.paragraphs


@FAST
@given(st.one_of(st.binary(max_size=400), COPY.map(str.encode)))
def test_decoding_copy_only_ever_refuses_with_its_own_error(data):
    """Whatever bytes are uploaded, decoding gives text or its own explained refusal."""
    try:
        decode_copy(data, name="upload")
    except WireFormatError as refused:
        assert str(refused).startswith("upload: ")


MARKUP = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<script>",
                "</script>",
                "<a href='javascript:alert(1)'>",
                "<img src=x onerror=y>",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "<table><tr><td>",
                "<",
                ">",
                "&",
                '"',
                "'",
                "\x00",
                "\x0b",
                "<svg onload=1>",
                "<style>",
                "<iframe>",
                "<math>",
            ]
        ),  # fmt: skip
    ),
    max_size=20,
).map("".join)


@FAST
@given(st.one_of(MARKUP, st.text()))
def test_the_sanitizer_never_fails_and_leaves_nothing_that_runs(html):
    """Whatever HTML reaches a body, the sanitizer returns markup with no script, handler or javascript: link."""
    clean = sanitize_html(html)
    assert isinstance(clean, str)
    for element in lxml.html.fragment_fromstring(clean, create_parent="div").iter():
        assert element.tag not in {"script", "style", "iframe", "svg", "math"}, clean
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), clean
            assert "javascript:" not in value.lower().replace(" ", ""), clean
