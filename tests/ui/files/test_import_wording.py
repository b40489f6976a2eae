"""The import's wording, on real workbooks and a real SQLite file (reviewer h109, at 1280×720):
plurals ("1 of them are hidden", "Leave out the 1 rows hidden in Excel"), what an undo also
removed ("contact 4"), the preview's sheet box cut ("Liên hệ (Contacts) (75 r"), a hidden sheet
said as having no header row, and a Vietnamese line ending in an English reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from app.cli import main
from app.importing.undo import undo_import
from db.engine import unit_of_work
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from ui.import_wizard.history_dialog import undo_summary
from ui.import_wizard.wizard import PAGE_PREVIEW

HEADER = ["Họ và tên", "Email", "Đơn vị"]


def _people(ws: Any, n: int, org: str = "VCN") -> None:
    ws.append(HEADER)
    for i in range(n):
        ws.append([f"Nguyễn Văn Người{i}", f"nguoi{i}@vcn.vn", org])


def test_one_hidden_row_is_one_row(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    _people(ws, 4)
    ws.row_dimensions[3].hidden = True
    wb.save(tmp_path / "an.xlsx")
    w = open_wizard(qtbot, ctx, tmp_path / "an.xlsx")
    to_preview(qtbot, w)
    pp = w.preview_page
    assert pp.hidden_box.text() == "&Leave out the 1 row hidden in Excel (hidden or filtered out)"
    assert pp.message.text() == (
        "4 of 4 rows will be written. "
        "1 of them is hidden in Excel (hidden or filtered out): imported too, with a warning."
    )
    pp.hidden_box.click()
    qtbot.waitUntil(
        lambda: w.preview is not None and not w.busy() and pp.hidden_box.isEnabled(), timeout=TIMEOUT
    )
    assert pp.message.text() == (
        "3 of 4 rows will be written. 1 row hidden in Excel (hidden or filtered out) is left out."
    )


def _to_preview(qtbot: Any, w: Any, sheets: list[str]) -> None:
    w.file_page.tick_sheets(sheets)
    w.next()
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)


def test_the_sheet_box_shows_each_sheet_whole(qtbot: Any, ctx: Any, tmp_path: Path, language: str) -> None:
    """The box took its width when first shown: after Back, other sheets' longer names were cut."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổ chức (Organisations)"
    ws.append(["Tên tổ chức", "Viết tắt"])
    ws.append(["Viện Công nghệ Việt Nam", "VCN"])
    _people(wb.create_sheet("Liên hệ (Contacts)"), 75)
    short = wb.create_sheet("TC")
    short.append(["Tên tổ chức", "Viết tắt"])
    short.append(["Viện Hàn lâm", "VAST"])
    _people(wb.create_sheet("LH"), 2)
    wb.save(tmp_path / "hai.xlsx")
    w = open_wizard(qtbot, ctx, tmp_path / "hai.xlsx")
    w.resize(1280, 720)
    _to_preview(qtbot, w, ["TC", "LH"])
    w.back()
    w.back()
    _to_preview(qtbot, w, ["Tổ chức (Organisations)", "Liên hệ (Contacts)"])
    box = w.preview_page.sheet_choice
    assert box.isVisible() and box.count() == 2
    texts = [box.itemText(i) for i in range(box.count())]
    assert ("Liên hệ (Contacts) (75 dòng)" if language == "vi" else "Liên hệ (Contacts) (75 rows)") in texts
    widest = max(box.fontMetrics().horizontalAdvance(t) for t in texts)
    assert box.width() >= widest + 20  # the text, and the arrow beside it


def test_a_hidden_sheet_without_a_header_is_said_hidden(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    _people(ws, 2)
    lookup = wb.create_sheet("Tra cứu")
    for i in range(5):
        lookup.append([i, i * 2])
    lookup.sheet_state = "hidden"
    wb.save(tmp_path / "an.xlsx")
    w = open_wizard(qtbot, ctx, tmp_path / "an.xlsx")
    tree = w.file_page.tree
    (item,) = [
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Tra cứu"
    ]
    assert item.text(1).startswith("hidden in Excel (often old data): no header row"), item.text(1)


def test_what_an_undo_also_removed_is_counted_in_words(
    ctx: Any, engine: Any, db_path: Path, tmp_path: Path
) -> None:
    for name, rows in (
        ("a", ["An,an@anhduong.vn,Công ty Ánh Dương"]),
        ("b", ["Bình,binh@anhduong.vn,Công ty Ánh Dương"]),
    ):
        (tmp_path / f"{name}.csv").write_text(
            "Họ và tên,Email,Đơn vị\n" + "\n".join(rows) + "\n", encoding="utf-8"
        )
        assert main(["import", str(tmp_path / f"{name}.csv"), "--db", str(db_path)]) == 0
    with unit_of_work(engine) as s:
        undo_import(1, session=s)  # keeps the organisation: b.csv's person is in it
    with unit_of_work(engine) as s:
        result = undo_import(2, session=s)  # and now removes it
    assert result.swept == {"organisation": 1}
    assert "Also removed, left by imports undone before: 1 organisation" in undo_summary(ctx, result)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_damaged_workbook_is_said_in_one_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert main(["import", str(broken), "--db", str(tmp_path / "k.db"), "--lang", lang]) != 0
    err = capsys.readouterr().err
    if lang == "vi":
        assert "tệp Excel bị hỏng (nội dung không phải dạng nén zip mà tệp .xlsx phải có)" in err, err
        assert "File is not a zip file" not in err
    else:
        assert "the workbook is damaged (File is not a zip file)" in err, err
