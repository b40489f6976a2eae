"""The wizard's preview says which rows Excel hides and offers to leave them out: a real
workbook with hidden rows, the checkbox ticked like a person would, the rows checked again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from db.engine import read_session
from db.models import Contact
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from ui.import_wizard.model import COL_DETAILS
from ui.import_wizard.preview_page import WARNINGS_ENTRY
from ui.import_wizard.wizard import PAGE_COMMIT


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email", "Đơn vị"])
    for i in range(8):
        ws.append([f"Nguyễn Văn Người{i}", f"nguoi{i}@vcn.vn", "VCN"])
    ws.row_dimensions[3].hidden = True  # left the office
    ws.row_dimensions[7].hidden = True  # filtered out
    wb.save(path)
    return path


def _contacts(engine: Any) -> int:
    with read_session(engine) as s:
        return int(s.execute(select(func.count()).select_from(Contact)).scalar_one())


def test_hidden_rows_are_said_and_can_be_left_out(qtbot, ctx, engine, tmp_path):  # type: ignore[no-untyped-def]
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "an.xlsx"))
    to_preview(qtbot, w)
    pp = w.preview_page
    box = pp.hidden_box
    assert box.isVisible() and not box.isChecked()
    assert box.text() == "&Leave out the 2 rows hidden in Excel (hidden or filtered out)"
    assert pp.message.text() == (
        "8 of 8 rows will be written. 2 of them are hidden in Excel (hidden or filtered out): "
        "imported too, each with a warning."
    )
    assert pp.filter.itemText(WARNINGS_ENTRY) == "With warnings (2)"
    # nothing rejected, nothing left out: a report of the two warnings (it was greyed out)
    assert pp.report.isEnabled() and pp.report.text() == "Save report…"
    pp.filter.setCurrentIndex(WARNINGS_ENTRY)
    assert [pp.model.row_at(i).row for i in range(pp.model.rowCount())] == [3, 7]
    assert "hidden in Excel (a hidden or filtered-out row): imported like the others" in (
        pp.model.index(0, COL_DETAILS).data()
    )
    pp.view.setCurrentIndex(pp.model.index(0, 0))
    assert pp.row_detail.text() == (
        'sheet "Danh bạ", row 3: hidden in Excel (a hidden or filtered-out row): imported like the others'
    )

    box.click()  # leave them out: the rows are checked again
    assert w.skip_hidden
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy() and box.isEnabled(), timeout=TIMEOUT)
    assert box.isVisible() and box.isChecked()
    assert pp.model.counts() == {"new": 6, "update": 0, "duplicate": 0, "error": 0, "skip": 2}
    assert pp.message.text() == (
        "6 of 8 rows will be written. 2 rows hidden in Excel (hidden or filtered out) are left out."
    )
    pp.show_only(("skip",))
    assert [pp.model.row_at(i).row for i in range(pp.model.rowCount())] == [3, 7]
    assert pp.model.index(0, 2).data() == "Nguyễn Văn Người1 — VCN"  # which row it is, from the sheet
    assert "left out, as asked" in pp.model.index(0, COL_DETAILS).data()
    # the report lists the rows left out (nothing else is rejected): they can be imported later
    assert pp.report.isEnabled()
    report = tmp_path / "an-loi.xlsx"
    pp.save_report(str(report))
    qtbot.waitUntil(lambda: not w.busy() and report.exists(), timeout=TIMEOUT)
    rows = [[c.value for c in r] for r in load_workbook(report).worksheets[0].iter_rows(min_row=2)]
    assert [(r[0], r[-1]) for r in rows] == [("Nguyễn Văn Người1", 3), ("Nguyễn Văn Người5", 7)]

    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    assert _contacts(engine) == 6


def test_no_checkbox_for_a_sheet_that_hides_nothing(qtbot, ctx, tmp_path):  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "an.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email"])
    ws.append(["Nguyễn Văn An", "an@vcn.vn"])
    wb.save(path)
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    assert not w.preview_page.hidden_box.isVisible()
    assert w.preview_page.message.text() == "1 of 1 rows will be written."
