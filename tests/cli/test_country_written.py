"""A country written as a name is read as the country it names, the same way everywhere: the
command line, the forms' Country box and an import's Country cell (code review: ``contact add
--country Germany`` was stored as "GE", Georgia, and the contact's national numbers were then read
as Georgian; the Country box read "Áo" (Austria) as Angola and "Mỹ" as Malaysia)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.countries import find
from tests.cli.inproc import run_cli


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Germany", "DE"), ("Đức", "DE"), ("duc", "DE"), ("Áo", "AT"), ("AO", "AO"), ("Mỹ", "US"), ("uk", "GB")],
)
def test_the_country_box_reads_names_as_an_import_does(typed: str, code: str) -> None:
    found = find(typed)
    assert found is not None and found.code == code


def test_a_country_name_on_the_command_line_is_its_code(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    added = run_cli(db, "contact", "add", "--name", "Jürgen Weiß", "--country", "Germany", "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["record"]["country"] == "DE"
    org = run_cli(db, "org", "add", "--name", "Fraunhofer IIS", "--country", "Đức", "--json")
    assert org.returncode == 0, org.stderr
    assert json.loads(org.stdout)["record"]["country"] == "DE"


def test_a_country_no_one_knows_is_refused_in_both_languages(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    en = run_cli(db, "contact", "add", "--name", "Lê Hoa", "--country", "Atlantis")
    vi = run_cli(db, "contact", "add", "--name", "Lê Hoa", "--country", "Atlantis", lang="vi_VN.UTF-8")
    assert en.returncode == vi.returncode == 1
    assert '"Atlantis" is not a country Ketnoi knows' in en.stderr
    assert "“Atlantis” không phải quốc gia Ketnoi biết" in vi.stderr
