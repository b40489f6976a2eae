"""File menu and Brief button from the main window: the work runs off the UI thread and real
files come out (the dialogs themselves are tested in tests/ui/files)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ui import briefs, file_dialogs


def test_file_export_writes_the_workbook(qtbot, window, ctx, tmp_path, monkeypatch):
    target = tmp_path / "all.xlsx"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    window.act_export.trigger()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20_000)
    wb = load_workbook(target, read_only=True)
    names = {c.value for ws in wb.worksheets for row in ws.iter_rows(max_row=50) for c in row}
    assert "Nguyễn Thị Hồng Nhung" in names


def test_brief_button_writes_the_organisation_pdf(qtbot, window, ctx, ids, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    window.navigate("organisation", ids["nic"])
    assert window.act_brief.isEnabled() and window.act_brief in window.record_actions["organisation"]
    window.act_brief.trigger()
    dialog = next(w for w in window.findChildren(briefs.BriefDialog) if w.isVisible())
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    text = "".join(p.extract_text() for p in PdfReader(opened[0]).pages)
    assert "Nguyễn Thị Hồng Nhung" in text
