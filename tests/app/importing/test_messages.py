"""The import's wording helpers: counts with their nouns, and the list of files the importer
reads kept in step with :data:`app.importing.reader.SUFFIXES` (in the message and the guide)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.importing.errors import ImportFileError
from app.importing.messages import TEMPLATES, count_text, counts_text, text
from app.importing.reader import SUFFIXES, file_kind

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("n", "code", "lang", "expected"),
    [
        (1, "staff", "en", "1 staff member"),
        (2, "staff", "en", "2 staff members"),
        (0, "contact", "en", "0 contacts"),
        (1, "organisation", "en", "1 organisation"),
        (5275, "row", "en", "5,275 rows"),
        (1, "staff", "vi", "1 cán bộ"),
        (5275, "row", "vi", "5.275 dòng"),
    ],
)
def test_count_text(n: int, code: str, lang: str, expected: str) -> None:
    assert count_text(n, code, lang) == expected


def test_counts_text_lists_each_kind_and_says_zero_plainly() -> None:
    counts = {"action": 3, "contact": 61, "organisation": 1}
    assert counts_text(counts, "en") == "3 actions, 61 contacts, 1 organisation"
    assert counts_text(counts, "vi") == "3 việc, 61 liên hệ, 1 tổ chức"
    assert counts_text({}, "en") == "0 records"


def test_the_unknown_format_message_lists_exactly_what_the_reader_reads(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# not a table\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        file_kind(readme)
    assert info.value.message is not None and info.value.message.code == "file_unknown_format"
    for lang in ("en", "vi"):
        said = text(info.value.message, lang)
        assert said.startswith("README.md: ")
        assert re.findall(r"\.\w+", said.split("(", 1)[1]) == list(SUFFIXES), lang
    assert str(info.value) == (
        "README.md: not a file Ketnoi imports (.xlsx, .xlsm, .xls, .ods, .csv, .txt, .tsv or .vcf)"
    )
    assert "{" not in TEMPLATES["file_unknown_format"][1].replace("{file}", "")


@pytest.mark.parametrize("guide", ["guide.md", "guide.vi.md"])
def test_the_user_guide_names_every_file_the_importer_reads(guide: str) -> None:
    body = (ROOT / "docs" / guide).read_text(encoding="utf-8")
    section = next(part for part in body.split("\n## ") if "Ctrl+I" in part)  # the import section
    named = set(re.findall(r"`(\.\w+)`", section))
    assert named == {*SUFFIXES, ".ics"}, named  # .ics: pointed to its own command


def test_row_numbers_and_ids_are_not_grouped_like_quantities() -> None:
    from app.importing.messages import Term, msg, text

    dup = msg("duplicate_of_row", other_row=2722, key=Term("email"))
    assert text(dup, "en") == "duplicate of row 2722 (same email)"
    assert text(dup, "vi") == "trùng dòng 2722 (cùng email)"
    assert text(msg("nothing_new", id=12345), "en") == "#12345: nothing new"
    assert "first 2,000 rows" in text(msg("sheet_no_header", file="a.xlsx", sheet_name="S", rows=2000), "en")
