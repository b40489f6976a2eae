"""An action a sheet says is done keeps the completion date the sheet gives; with none, its due
date when that is past, said on the row: the day of the import is not the day it was done (a
reviewer's "Xong" action of last year was "completed" on the import's day, in the app and in the
export), and an undated one was missed where work is counted by completion date (a reviewer's
"Xong" action came in with no date, in no period's digest)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import select

from app import records
from app.briefing.gather import gather_digest
from app.importing import inspect_sheet, preview_import, run_import
from app.importing.messages import text
from db import clock
from db import models as m
from db.engine import Engine, read_session
from tests.app.importing.helpers import write_xlsx


def test_done_actions_keep_the_sheets_completion_date_or_their_past_due_date(
    engine: Engine, tmp_path: Path
) -> None:
    book = write_xlsx(
        tmp_path / "viec.xlsx",
        {
            "Việc cần làm": [
                ["Việc", "Trạng thái", "Ngày hoàn thành", "Hạn"],
                ["Gửi 7 đề xuất phát triển UAV", "Xong", None, "01/10/2025"],
                ["Gửi thư giới thiệu", "Xong", "15/11/2026", None],
                ["Chuẩn bị hội thảo", "Đang làm", None, None],
                ["Gửi báo cáo quý", "Xong", None, "31/12/2026"],  # due after today: not a past day
                ["Gửi danh sách chuyên gia", "Xong", None, None],
            ]
        },
    )
    with clock.frozen(dt.datetime(2026, 12, 5, 10)):
        with read_session(engine) as s:
            layout = inspect_sheet(book, session=s)
            assert layout.kind == "action"
            preview = preview_import(book, layout, session=s, parallel=False)
        assert [r.status for r in preview.rows] == ["new"] * 5
        result = run_import(engine, preview)
    assert result.counts["new"] == 5
    with read_session(engine) as s:
        ids = s.exec(select(m.Action.id)).all()
        got = {
            a["title"]: (a["status"], a["completed_on"]) for a in (records.get(s, "action", i) for i in ids)
        }
        digest = gather_digest(s, dt.date(2025, 10, 1), dt.date(2025, 10, 31), today=dt.date(2026, 12, 5))
    assert got["Gửi 7 đề xuất phát triển UAV"] == ("done", dt.date(2025, 10, 1))
    assert [a.title for a in digest.completed] == ["Gửi 7 đề xuất phát triển UAV"]  # counted in October
    assert got["Gửi thư giới thiệu"] == ("done", dt.date(2026, 11, 15))
    assert got["Chuẩn bị hội thảo"] == ("in_progress", None)
    assert got["Gửi báo cáo quý"] == got["Gửi danh sách chuyên gia"] == ("done", None)
    said = {r.row: [text(w, "en") for w in r.said_warnings] for r in preview.rows}
    assert said[2] == [
        "Trạng thái (B): done, with no completion date: dated 01/10/2025, its due date; change it if "
        "it was done another day"
    ]
    assert said[3] == said[4] == []
    undated = (
        "Trạng thái (B): done, with no completion date nor a past due date: left without one, so no "
        "period counts it as completed; enter the date it was done"
    )
    assert said[5] == said[6] == [undated]
    vi = text(preview.rows[0].said_warnings[0], "vi", where=True)
    assert vi == (
        'trang "Việc cần làm", dòng 2, cột Trạng thái (B): đã xong nhưng không có ngày hoàn thành: lấy '
        "hạn 01/10/2025 làm ngày hoàn thành; hãy sửa nếu việc xong vào ngày khác"
    )
