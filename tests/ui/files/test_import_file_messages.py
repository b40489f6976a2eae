"""What the import wizard's first page says of a file it cannot import, read in a real window:
the CLI's words for a CSV renamed .xlsx (one message, from the reader, for both), and, for a
workbook of empty sheets, where the reasons really are (the list below, not "above")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ui.import_wizard import open_import_wizard

TIMEOUT = 30_000


def _opened(qtbot: Any, ctx: Any, path: Path) -> Any:
    w = open_import_wizard(None, ctx, path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.file_page.message.isVisible() and not w.busy(), timeout=TIMEOUT)
    return w


def test_a_csv_renamed_xlsx_is_told_as_the_cli_tells_it(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("Họ và tên,Email\nAn,an@example.vn\n", encoding="utf-8")
    w = _opened(qtbot, ctx, fake)
    said = w.file_page.message.text()
    assert "fake.xlsx: the name ends in .xlsx, but the content is another kind of file (renamed?)" in said
    assert "not a file Ketnoi imports" not in said
    assert not w.file_page.isComplete()


def test_a_workbook_of_empty_sheets_says_the_reasons_are_below(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    w = _opened(qtbot, ctx, path)
    page = w.file_page
    said = page.message.text()
    assert "No sheet of this file can be imported" in said
    assert "below" in said and "above" not in said
    assert page.message.geometry().bottom() < page.tree.geometry().top()  # it is said above the list
    item = page.tree.topLevelItem(0)
    assert item.text(0) == "Sheet" and item.text(1)  # the reason, beside the sheet
