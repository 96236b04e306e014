"""Errors in agency copy are translated whole, with the file's name passed in."""

import pytest
from django.utils import translation

from articles.wire.text import WireFormatError, decode_copy, parse_wire


@pytest.mark.parametrize(
    ("copy", "expected"),
    [
        ("", "story.txt：稿件为空。"),
        ("Home > News > Contents\n", "story.txt：没有标题（稿件只有导航路径）。"),
        ("Headline\nUpdated: Smarch 8, 2024\n\nBody.\n", "story.txt：Updated: 日期 'Smarch 8, 2024' 中的月份"),
    ],
)
def test_wire_copy_errors_read_in_chinese_and_name_the_file(copy, expected):
    """In the Chinese interface, unreadable copy is explained in Chinese, naming the file."""
    with translation.override("zh-hans"), pytest.raises(WireFormatError) as caught:
        parse_wire(copy, name="story.txt")
    assert str(caught.value).startswith(expected)


def test_english_errors_keep_their_wording():
    """In English the messages read as before the translation work, file name first."""
    with pytest.raises(WireFormatError) as caught:
        parse_wire("Headline\n\nBody without a source.\n", name="story.txt")
    assert str(caught.value) == "story.txt: no source: the copy has no 'Source:' line and no agency in a dateline."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Headline\x07\n\nBody\n", "odd.txt: the file holds 1 control character; it does not look like text."),
        (b"Headline\x07\x08\n\nBody\n", "odd.txt: the file holds 2 control characters; it does not look like text."),
    ],
)
def test_control_character_count_uses_the_right_plural(data, expected):
    """One control character is "1 control character", two are "2 control characters"."""
    with pytest.raises(WireFormatError) as caught:
        decode_copy(data, name="odd.txt")
    assert str(caught.value) == expected
