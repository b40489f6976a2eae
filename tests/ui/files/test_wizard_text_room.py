"""Text in the import wizard and the detail pane is not cut while there is room for it, at the
wizard's own size (980×660, as on a 1280×720 or 1366×768 screen), in English and Vietnamese
(reviewer: the sheet list's "không tìm thấy dòng tiêu đề cột (ví dụ "Họ và tên", "Em…" beside an
empty column; the sheet box's "Contacts (3,003 rows"; the pane's "Chọn một bản ghi…" running to
its edges). Real workbooks, real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard
from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard.wizard import PAGE_PREVIEW


def _book(tmp_path: Path, extra_rows: int = 0) -> Path:
    """The reviewer's workbook: "Contacts", "Organisations", and a summary sheet with no header row."""
    path = contacts_workbook(tmp_path / "tto-contacts.xlsx", extra_rows=extra_rows)
    wb = load_workbook(path)
    wb["Danh bạ"].title = "Contacts"
    wb["Tổ chức"].title = "Organisations"
    summary = wb.create_sheet("Tổng hợp", 0)
    summary.append(["Tổng số đại biểu", 7])
    summary.append(["Đơn vị", 3])
    wb.save(path)
    return path


def test_the_sheet_list_shows_why_a_sheet_is_left_out_whole(
    qtbot: Any, ctx: Any, tmp_path: Path, language: str
) -> None:
    w = open_wizard(qtbot, ctx, _book(tmp_path))
    w.show()
    qtbot.waitExposed(w)
    tree = w.file_page.tree
    (item,) = [
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Tổng hợp"
    ]
    said = item.text(1)
    assert ("no header row" if language == "en" else "không tìm thấy dòng tiêu đề") in said
    room = tree.header().sectionSize(1)
    assert tree.fontMetrics().horizontalAdvance(said) + 12 <= room, (said, room)
    w.reject()


def test_the_sheet_box_is_never_cut(qtbot: Any, ctx: Any, tmp_path: Path, language: str) -> None:
    w = open_wizard(qtbot, ctx, _book(tmp_path, extra_rows=3_000))
    w.show()
    qtbot.waitExposed(w)
    w.next()
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    box = w.preview_page.sheet_choice
    assert box.isVisible() and box.count() == 2
    for index in range(box.count()):
        box.setCurrentIndex(index)
        qtbot.wait(50)
        text = box.currentText()
        # its text, and the arrow beside it
        assert box.fontMetrics().horizontalAdvance(text) + 24 <= box.width(), (text, box.width())
        assert box.width() >= box.sizeHint().width()
    w.reject()


def test_the_detail_pane_placeholder_keeps_off_the_edges(qtbot: Any, window: Any, language: str) -> None:
    from ui.main_window import VIEWS

    window.nav.setCurrentRow(VIEWS.index("contact"))
    pane = window.views["contact"].detail
    pane.show_record("", 0)
    qtbot.waitUntil(pane.empty.isVisible)
    inside = pane.empty.contentsRect()
    assert inside.left() >= 12 and pane.empty.width() - inside.right() >= 12
