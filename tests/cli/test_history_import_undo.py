"""``ketnoi history`` tells an import's undo from the import (reviewer: both rows read
"Lĩnh vực (nhập từ field-contacts.xlsx)"): the undo's rows say "undo of import #1 from
orgs.xlsx" / "hoàn tác lần nhập #1 từ orgs.xlsx". A real SQLite file, a real workbook, the CLI
in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import records
from app.cli import main
from db.engine import unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import write_xlsx

HEAD = ["Tên đơn vị", "Viết tắt", "Lĩnh vực", "Website"]


def _history(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: Path, record: int, lang: str
) -> str:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8" if lang == "vi" else "en_GB.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    assert main(["history", "organisation", str(record), "--db", str(db)]) == 0
    return capsys.readouterr().out


def test_history_says_the_undo_of_an_import_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        mof = records.create(
            s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF", "sectors": ["Fintech"]}
        )
    engine.dispose()
    book = write_xlsx(tmp_path / "orgs.xlsx", {"Tổ chức": [
        HEAD, ["MOF", None, "Fintech; AI", "mof.gov.vn"], ["Genetica", None, "Biotech", None],
    ]})  # fmt: skip
    assert main(["import", str(book), "--db", str(db)]) == 0
    assert main(["undo-import", "1", "--db", str(db)]) == 0
    capsys.readouterr()

    lines = [line for line in _history(monkeypatch, capsys, db, mof, "en").splitlines() if "Sectors" in line]
    assert len(lines) == 2, lines
    undone, imported = lines  # newest first
    assert undone.endswith("Sectors: Fintech, AI → Fintech (undo of import #1 from orgs.xlsx)")
    assert imported.endswith("Sectors: Fintech → Fintech, AI (import of orgs.xlsx)")

    out = _history(monkeypatch, capsys, db, mof, "vi")
    assert "(hoàn tác lần nhập #1 từ orgs.xlsx)" in out and "(nhập từ orgs.xlsx)" in out

    genetica = mof + 1  # the organisation the import created, removed by its undo
    out = _history(monkeypatch, capsys, db, genetica, "en")
    assert "Deleted (undo of import #1 from orgs.xlsx)" in out and "Created by the import of orgs.xlsx" in out
    assert "Đã xoá (hoàn tác lần nhập #1 từ orgs.xlsx)" in _history(monkeypatch, capsys, db, genetica, "vi")
