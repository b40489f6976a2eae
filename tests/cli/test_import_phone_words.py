"""An import preview says a change of phones as people write them ("024 3825 1234, 0912 345 678"),
as the contact's page, the lists and the wizard do (tests/ui/files/test_preview_phones.py), in
the service's own words too: ``ketnoi import`` and every text of :func:`app.importing.messages.text`
said "+842438251234, +84912345678". What is written stays E.164."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import records
from app.importing.messages import text
from db.engine import unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import preview, write_xlsx
from tests.cli.inproc import run_cli

CHANGE = "Phones: 024 3825 1234 → 024 3825 1234, 0912 345 678, +65 6123 4567"
CHANGE_VI = "Điện thoại: 024 3825 1234 → 024 3825 1234, 0912 345 678, +65 6123 4567"


def _sheet(db: Path, tmp_path: Path) -> Path:
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Văn An", "position": "Viện trưởng", "phones": ["024 3825 1234"],
             "emails": ["an@nic.gov.vn"]},
        )  # fmt: skip
    engine.dispose()
    return write_xlsx(
        tmp_path / "danh-ba.xlsx",
        {
            "Danh bạ": [
                ["Họ và tên", "Chức vụ", "Email", "Điện thoại"],
                [
                    "Nguyễn Văn An",
                    "Phó Viện trưởng",
                    "an@nic.gov.vn",
                    "024 3825 1234; 0912 345 678; +65 6123 4567",
                ],
            ]
        },
    )


def test_the_preview_says_phones_as_written(tmp_path: Path) -> None:
    db = tmp_path / "ketnoi.db"
    path = _sheet(db, tmp_path)
    engine = open_database(f"sqlite:///{db}")
    try:
        (row,) = preview(engine, path).rows
    finally:
        engine.dispose()
    said = [text(m) for m in row.messages()]
    assert said[0] == f"updates #1: {CHANGE}" and "+84" not in " ".join(said)
    assert CHANGE_VI in text(row.messages()[0], "vi")
    assert row.changes["phones"][1] == ["+842438251234", "+84912345678", "+6561234567"]  # as stored


@pytest.mark.parametrize(("lang", "change"), [("en_GB.UTF-8", CHANGE), ("vi_VN.UTF-8", CHANGE_VI)])
def test_ketnoi_import_says_them_so(tmp_path: Path, lang: str, change: str) -> None:
    db = tmp_path / "ketnoi.db"
    path = _sheet(db, tmp_path)
    done = run_cli(db, "import", str(path), "--dry-run", lang=lang)
    assert done.returncode == 0, done.stderr
    assert change in done.stdout and "+84" not in done.stdout, done.stdout
