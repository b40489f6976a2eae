"""Undo history names an import of one record "(1 record)", not "(1 records)" (seen this round)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.importing import run_import
from app.undo_history import recent_groups
from db.engine import read_session
from tests.app.importing.helpers import preview, write_xlsx


def test_an_import_of_one_record_is_one_record(engine: Any, tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "one.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["Lê Minh Tuấn", "tuan@x.vn"]]}
    )
    run_import(engine, preview(engine, book))
    with read_session(engine) as s:
        assert [g.label for g in recent_groups(s, limit=1)] == ['Imported "one.xlsx" (1 record)']
        assert [g.label for g in recent_groups(s, limit=1, lang="vi")] == ['Nhập "one.xlsx" (1 bản ghi)']
