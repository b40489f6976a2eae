"""File menu work from the window: Excel export and PDF briefs written off the UI thread."""

from __future__ import annotations

from pypdf import PdfReader


def test_export_runs_in_the_background_and_writes_the_workbook(qtbot, window, ctx, tmp_path):
    from openpyxl import load_workbook

    from ui import files

    target = tmp_path / "all.xlsx"
    files.export_workbook(window, ctx, str(target))
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20_000)
    wb = load_workbook(target, read_only=True)
    names = {c.value for ws in wb.worksheets for row in ws.iter_rows(max_row=50) for c in row}
    assert "Nguyễn Thị Hồng Nhung" in names


def test_brief_button_writes_the_organisation_pdf(qtbot, window, ctx, ids):
    from ui import files

    window.navigate("organisation", ids["nic"])
    assert window.act_brief.isEnabled() and window.act_brief in window.record_actions["organisation"]
    written = []
    files.brief(window, ctx, "organisation", ids["nic"], open_file=False)
    qtbot.waitUntil(lambda: "Brief written" in window.statusBar().currentMessage(), timeout=30_000)
    written.append(window.statusBar().currentMessage().split(": ", 1)[1])
    text = "".join(p.extract_text() for p in PdfReader(written[0]).pages)
    assert "Nguyễn Thị Hồng Nhung" in text
