"""Importing agency copy: the variants desks receive, and bad files refused cleanly."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Author, Editor, Section, Source
from articles.wire.text import WireFormatError, parse_wire

pytestmark = pytest.mark.django_db

COPY = """Home > News > Contents

Harbour cranes return to work after storm

Updated:\u00a0March 3, 2025\u00a0\u00a0Source: Harbour Press Agency
fontLarger fontSmaller

by Ana Souza and Kenji Mori

{dateline} Cranes at the container port resumed work on Monday.

Port officials said no one was hurt.

Editor: Ruth Adler
"""


def write(tmp_path, text, name="story.txt", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize(
    ("dateline", "place", "date"),
    [
        ("SANTOS, March 2 (HPA) --", "SANTOS", datetime.date(2025, 3, 2)),
        ("SANTOS, Mar. 2 (HPA) —", "SANTOS", datetime.date(2025, 3, 2)),
        ("SANTOS, Brazil, March 2 (HPA) –", "SANTOS, Brazil", datetime.date(2025, 3, 2)),
        ("MASERU, Lesotho, July 14 (HPA) —", "MASERU, Lesotho", datetime.date(2024, 7, 14)),
        ("RIO DE JANEIRO, Sept. 30 (HPA) --", "RIO DE JANEIRO", datetime.date(2024, 9, 30)),
        ("SANTOS,\u00a0March\u00a02\u00a0(HPA)\u00a0--", "SANTOS", datetime.date(2025, 3, 2)),
    ],
)
def test_dateline_variants(dateline, place, date):
    """Dashes --, — and –, short and full months, places with a region, non-breaking spaces."""
    story = parse_wire(COPY.format(dateline=dateline))
    assert story.dateline_place == place
    assert story.dateline_date == date
    assert story.agency_short_name == "HPA"
    assert story.paragraphs[0] == "Cranes at the container port resumed work on Monday."
    assert story.authors == ["Ana Souza", "Kenji Mori"]
    assert story.editor_name == "Ruth Adler"
    assert story.source_name == "Harbour Press Agency"
    assert story.section_names == ["News"]


def test_dateline_in_december_for_copy_updated_in_january():
    """A Dec. 30 dateline on copy updated Jan. 2 belongs to the year before."""
    copy = COPY.replace("March 3, 2025", "January 2, 2025").format(dateline="SANTOS, Dec. 30 (HPA) --")
    assert parse_wire(copy).dateline_date == datetime.date(2024, 12, 30)


def test_three_authors_and_iso_updated_time():
    """'by A, B and C' gives three authors; an Updated: time is kept to the minute."""
    copy = (
        "A headline\n\nUpdated: 2025-03-03 14:05:00 Source: Harbour Press Agency\n\n"
        "by Ana Souza, Kenji Mori and Lea Park\n\nSANTOS, March 3 (HPA) -- Body.\n"
    )
    story = parse_wire(copy)
    assert story.authors == ["Ana Souza", "Kenji Mori", "Lea Park"]
    assert (story.updated_at.hour, story.updated_at.minute) == (14, 5)


def test_import_reuses_people_and_source_by_name(tmp_path):
    """A second story from the same agency and people adds no duplicate rows."""
    Source.objects.create(name="Harbour Press Agency", short_name="HPA")
    Author.objects.create(name="Ana Souza")
    first = write(tmp_path, COPY.format(dateline="SANTOS, March 2 (HPA) --"), "a.txt")
    second = write(
        tmp_path, COPY.replace("Harbour cranes", "Harbour ferries").format(dateline="SANTOS, March 2 (HPA) --"), "b.txt"
    )
    call_command("import_wire", str(first), str(second))
    assert Article.objects.count() == 2
    assert Source.objects.count() == 1
    assert Author.objects.filter(name="Ana Souza").count() == 1
    assert Author.objects.count() == 2
    assert Editor.objects.count() == 1
    assert set(Article.objects.values_list("status", flat=True)) == {"draft"}


def test_import_into_named_section(tmp_path, capsys):
    """--section puts the story in that section; publishing uses the copy's Updated: date."""
    world = Section.objects.create(name="World", slug="world", parent=Section.objects.create(name="News", slug="news"))
    path = write(tmp_path, COPY.format(dateline="SANTOS, March 2 (HPA) --"))
    call_command("import_wire", str(path), "--publish", "--section", "news/world")
    article = Article.objects.get()
    assert article.section == world
    assert article.published_on == datetime.date(2025, 3, 3)
    assert "/news/world/2025/03/03/harbour-cranes-return-to-work-after-storm/" in capsys.readouterr().out


def test_unknown_section_is_an_error(tmp_path):
    """A section that does not exist stops the import before anything is written."""
    path = write(tmp_path, COPY.format(dateline="SANTOS, March 2 (HPA) --"))
    with pytest.raises(CommandError, match="No section 'sport'"):
        call_command("import_wire", str(path), "--section", "sport")
    assert Article.objects.count() == 0


BAD_FILES = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"\n\n  \n", "the file is empty"),
    ("no-headline.txt", b"Home > News > Contents\n", "no headline"),
    ("starts-with-byline.txt", b"by Ana Souza\n\nSANTOS, March 2 (HPA) -- Text.\n", "no headline"),
    (
        "no-body.txt",
        b"A headline\n\nUpdated: March 3, 2025 Source: HPA\n\nby Ana Souza\n\nEditor: Ruth Adler\n",
        "no body",
    ),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01", "binary data"),
    ("latin1.txt", "Café headline\n\nBody.\n".encode("latin-1"), "not UTF-8"),
    ("bad-date.txt", b"A headline\n\nUpdated: Smarch 40, 2025 Source: HPA\n\nBody.\n", "Updated: date"),
    ("no-source.txt", b"A headline\n\nby Ana Souza\n\nJust a body with no dateline.\n", "no source"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_and_nothing_is_written(tmp_path, capsys, name, data, message):
    """Each bad file gets an error naming it and the problem, exit status 1, and no rows."""
    path = write(tmp_path, data, name)
    with pytest.raises(CommandError) as excinfo:
        call_command("import_wire", str(path))
    assert excinfo.value.returncode == 1
    err = capsys.readouterr().err
    assert str(path) in err
    assert message in err
    assert Article.objects.count() == Author.objects.count() == Source.objects.count() == 0


def test_oversized_file_is_refused_before_reading(tmp_path, capsys, settings):
    """A 50 MB file is refused by its size, naming the limit."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(CommandError):
        call_command("import_wire", str(path))
    err = capsys.readouterr().err
    assert "huge.txt" in err and "52,428,800 bytes" in err and "limited to 1,048,576 bytes" in err
    assert Article.objects.count() == 0


def test_good_and_bad_files_together(tmp_path, capsys):
    """One bad file among good ones fails the run but the good ones are imported."""
    good = write(tmp_path, COPY.format(dateline="SANTOS, March 2 (HPA) --"), "good.txt")
    bad = write(tmp_path, b"", "bad.txt")
    with pytest.raises(CommandError, match="1 of 2"):
        call_command("import_wire", str(good), str(bad))
    out = capsys.readouterr().out
    assert "good.txt: http://127.0.0.1:8000/admin/articles/article/" in out
    assert Article.objects.count() == 1


def test_missing_file(tmp_path, capsys):
    """A path that does not exist is named in the error."""
    with pytest.raises(CommandError):
        call_command("import_wire", str(tmp_path / "nope.txt"))
    assert "nope.txt: cannot be read" in capsys.readouterr().err


def test_copy_is_never_markup():
    """Angle brackets in copy are shown as text, not run as HTML."""
    story = parse_wire("Headline\n\nSource: HPA\n\n<script>alert(1)</script> & more\n")
    assert story.body_html() == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"


def test_control_characters_are_refused():
    """Text full of control characters is not copy."""
    from articles.wire.text import decode_copy

    with pytest.raises(WireFormatError, match="control characters"):
        decode_copy(b"Headline\x07\x08\n\nBody\x1b[31m\n", name="odd.txt")
