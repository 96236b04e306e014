"""Copy the models refuse (bad section names, over-long names) gives a clear error, never a 500."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, Author, Editor, Section, Source

pytestmark = pytest.mark.django_db

COPY = """{breadcrumb}

Harbour cranes return to work after storm

Updated:\u00a0March 3, 2025\u00a0\u00a0Source: {source}

by {author}

{place}, March 2 (HPA) -- Cranes at the container port resumed work on Monday.

Port officials said no one was hurt.

Editor: {editor}
"""


def copy(**overrides) -> str:
    values = {
        "breadcrumb": "Home > News > Contents",
        "source": "Harbour Press Agency",
        "author": "Ana Souza",
        "place": "SANTOS",
        "editor": "Ruth Adler",
        **overrides,
    }
    return COPY.format(**values)


BAD_SECTIONS = {
    "reserved name": ({"breadcrumb": "Home > Admin > Contents"}, "slug"),
    "year as section": ({"breadcrumb": "Home > 2024 > Contents"}, "slug"),
    "long section name": ({"breadcrumb": f"Home > {'S' * 81} > Contents"}, "name"),
    "long dateline place": ({"place": "P" * 101}, "dateline_place"),
}
LONG_PEOPLE = {
    "author": ({"author": "A" * 150}, "author"),
    "editor": ({"editor": "E" * 150}, "editor"),
    "source": ({"source": "S" * 150}, "source"),
}


@pytest.mark.parametrize("case", BAD_SECTIONS.values(), ids=BAD_SECTIONS.keys())
def test_admin_import_shows_field_errors_as_a_message(admin_client, case):
    """The import page shows what is wrong with the copy, naming the field, instead of crashing."""
    overrides, field = case
    response = admin_client.post(reverse("admin:articles_article_import"), {"text": copy(**overrides)})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert f"{field}:" in errors
    assert Article.objects.count() == 0


@pytest.mark.parametrize("case", LONG_PEOPLE.values(), ids=LONG_PEOPLE.keys())
def test_command_refuses_over_long_names(tmp_path, capsys, case):
    """import_wire names the file and the too-long name, exits with an error and writes nothing."""
    overrides, what = case
    path = tmp_path / "long.txt"
    path.write_text(copy(**overrides), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_wire", str(path))
    assert raised.value.returncode == 1
    err = capsys.readouterr().err
    assert str(path) in err and f"the {what}" in err and "at most" in err
    assert not Article.objects.exists() and not Author.objects.exists() and not Editor.objects.exists()
    assert not Source.objects.exists() and not Section.objects.exists()


@pytest.mark.parametrize("case", LONG_PEOPLE.values(), ids=LONG_PEOPLE.keys())
def test_admin_import_refuses_over_long_names(admin_client, case):
    """The import page says which name is too long and stores nothing."""
    overrides, what = case
    response = admin_client.post(reverse("admin:articles_article_import"), {"text": copy(**overrides)})
    assert response.status_code == 200
    assert f"the {what}" in " ".join(response.context["form"].non_field_errors())
    assert not Article.objects.exists() and not Author.objects.exists() and not Editor.objects.exists()
