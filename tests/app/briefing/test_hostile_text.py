"""Fields of any length print: a long field is clipped with a note, a row taller than a page
continues on the next, a 1 MB note does not become 161 pages, a date no digest can cover is
one line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from db.engine import unit_of_work
from tests.app.briefing.pdfutil import pdf_text


def test_a_ten_thousand_character_address_and_a_one_megabyte_note(
    engine: Engine, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with unit_of_work(engine) as s:
        records.create(
            s,
            "organisation",
            {
                "name": "Viện Công nghệ Hòa Lạc",
                "address": ("Khu Công nghệ cao Hòa Lạc, Thạch Thất, Hà Nội. " * 230)[:10_000],
                "notes": "Ghi chú cuộc họp: <b>không phải markup</b> & ký tự đặc biệt. " * 17_000,
            },
        )
    out = tmp_path / "brief.pdf"
    started = time.perf_counter()
    assert main(["brief", "org", "Viện Công nghệ Hòa Lạc", "--db", db_url, "-o", str(out)]) == 0
    took = time.perf_counter() - started
    capsys.readouterr()
    pages = len(PdfReader(out).pages)
    text = " ".join(pdf_text(out))
    assert pages <= 12, pages
    assert took < 30
    assert "more characters in Ketnoi" in text
    assert "<b>không phải markup</b>" in text  # user text is text, never markup


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--to", "9999-12-31"], "9999-12-31 is not a date a digest can cover"),
        (["--from", "1800-01-01", "--to", "1800-01-07"], "1800-01-07 is not a date"),
        (["--from", "1901-01-01", "--to", "2026-01-01"], "at most 50 years"),
    ],
)
def test_a_digest_period_no_diary_holds_is_one_line(
    engine: Engine,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    says: str,
) -> None:
    code = main(["brief", "digest", *args, "--db", db_url, "-o", str(tmp_path / "d.pdf")])
    err = capsys.readouterr().err
    assert code == 1 and says in err and len(err.strip().splitlines()) == 1
