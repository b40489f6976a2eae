"""An action a sheet says is done keeps the completion date the sheet gives, and none when it
gives none: the day of the import is not the day it was done (a reviewer's "Xong" action of
last year was "completed" on the import's day, in the app and in the export)."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from app import records
from app.importing import inspect_sheet, preview_import, run_import
from db import models as m
from db.engine import Engine, read_session
from tests.app.importing.helpers import write_xlsx


def test_done_actions_keep_the_sheets_completion_date_or_none(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "viec.xlsx",
        {
            "Việc cần làm": [
                ["Việc", "Trạng thái", "Ngày hoàn thành", "Hạn"],
                ["Gửi 7 đề xuất phát triển UAV", "Xong", None, "01/10/2025"],
                ["Gửi thư giới thiệu", "Xong", "15/11/2026", None],
                ["Chuẩn bị hội thảo", "Đang làm", None, None],
            ]
        },
    )
    with read_session(engine) as s:
        layout = inspect_sheet(book, session=s)
        assert layout.kind == "action"
        preview = preview_import(book, layout, session=s)
    assert [r.status for r in preview.rows] == ["new", "new", "new"]
    result = run_import(engine, preview)
    assert result.counts["new"] == 3
    with read_session(engine) as s:
        ids = s.exec(select(m.Action.id)).all()
        got = {
            a["title"]: (a["status"], a["completed_on"]) for a in (records.get(s, "action", i) for i in ids)
        }
    assert got["Gửi 7 đề xuất phát triển UAV"] == ("done", None)
    assert got["Gửi thư giới thiệu"][0] == "done" and str(got["Gửi thư giới thiệu"][1]) == "2026-11-15"
    assert got["Chuẩn bị hội thảo"] == ("in_progress", None)
