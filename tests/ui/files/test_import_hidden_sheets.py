"""The wizard shows a sheet Excel hides, not ticked and said so (the user ticks it if it is not
old data), and says in the preview that a mapped column Excel hides is imported: a real
workbook written with openpyxl, read back through the wizard."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt

from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard
from ui.import_wizard.wizard import PAGE_PREVIEW


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email", "Đơn vị", "Chức vụ"])
    ws.append(["Nguyễn Văn An", "an@vcn.vn", "VCN", "Trưởng phòng"])
    ws.column_dimensions["D"].hidden = True
    old = wb.create_sheet("Danh bạ cũ")
    old.append(["Họ và tên", "Email"])
    old.append(["Lê Văn Cũ", "cu@vcn.vn"])
    old.sheet_state = "hidden"
    lists = wb.create_sheet("Lists")
    lists.append(["Họ và tên", "Email"])
    lists.append(["Phạm Máy", "may@vcn.vn"])
    lists.sheet_state = "veryHidden"
    wb.save(path)
    return path


def test_a_hidden_sheet_is_listed_not_ticked_and_a_hidden_column_said(qtbot, ctx, tmp_path):  # type: ignore[no-untyped-def]
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "danh-ba.xlsx"))
    tree = w.file_page.tree
    items = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert set(items) == {"Danh bạ", "Danh bạ cũ"}  # the very hidden one is the workbook's machinery
    hidden = items["Danh bạ cũ"]
    assert hidden.checkState(0) == Qt.CheckState.Unchecked
    assert hidden.text(1) == "Contacts  · hidden in Excel, not ticked"
    assert items["Danh bạ"].checkState(0) == Qt.CheckState.Checked
    assert tree.currentItem() is items["Danh bạ"]
    assert [i.name for i in w.file_page.ticked()] == ["Danh bạ"]

    w.next()
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    assert [p.layout.sheet for p in w.previews] == ["Danh bạ"]
    assert w.preview_page.message.text() == (
        "1 of 1 rows will be written. Hidden in Excel, yet imported like the other columns: Chức vụ (D); "
        "if a hidden column holds old values, choose “not imported” for it in the mapping, or delete it "
        "from the file."
    )
