"""The wizard's preview says once that a column's dates are written month first (a partner's
file), naming the column and an example row, and the dates are stored as the sheet meant them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from db.engine import read_session
from db.models import Contact
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from ui.import_wizard.wizard import PAGE_COMMIT


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email", "Ngày liên hệ"])
    ws.append(["Nguyễn Văn An", "an@nic.vn", "03/04/2026"])
    ws.append(["Trần Thị Bình", "binh@nic.vn", "03/25/2026"])
    wb.save(path)
    return path


def test_the_preview_says_a_column_is_read_month_first(qtbot, ctx, engine, tmp_path):  # type: ignore[no-untyped-def]
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "partner.xlsx"))
    to_preview(qtbot, w)
    said = w.preview_page.message.text()
    assert said == (
        "2 of 2 rows will be written. Column Ngày liên hệ (C) writes its dates month first (row 3: "
        '"03/25/2026" can only be month/day/year), so every date in it was read as month/day/year.'
    )
    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    with read_session(engine) as s:
        got = {c.full_name: c.last_contacted_on for c in s.execute(select(Contact)).scalars()}
    assert got == {"Nguyễn Văn An": dt.date(2026, 3, 4), "Trần Thị Bình": dt.date(2026, 3, 25)}
