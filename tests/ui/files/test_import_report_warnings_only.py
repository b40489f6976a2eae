"""The wizard's report when rows have warnings but none was rejected (reviewer h109: partnerC's
59 warnings and no error, and "Save error report…" greyed out on the preview and absent after the
import): offered as "Save report…", saved with its Warnings sheet, and said with proper plurals
("Error report saved: … (1 rows)" before)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from ui.import_wizard.wizard import PAGE_COMMIT


def _workbook(path: Path, rows: list[list[str]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email", "Đơn vị", "Điện thoại"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# phones of the right length in a range not known yet: each kept unverified, with a warning
WARNED = [[f"Nguyễn Văn Người{i}", f"nguoi{i}@vcn.vn", "VCN", f"0992.450.3{i:02d}"] for i in range(3)]


def test_warnings_only_are_saved_as_a_report(qtbot: Any, ctx: Any, tmp_path: Path, language: str) -> None:
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "an.xlsx", WARNED))
    to_preview(qtbot, w)
    pp = w.preview_page
    assert pp.report.isEnabled()
    assert pp.report.text() == ("Lưu báo cáo…" if language == "vi" else "Save report…")
    report = tmp_path / "bao-cao.xlsx"
    pp.save_report(str(report))
    qtbot.waitUntil(lambda: not w.busy() and report.exists() and bool(pp.message.text()), timeout=TIMEOUT)
    said = (
        f"Đã lưu báo cáo: {report} (3 cảnh báo)."
        if language == "vi"
        else f"Report saved: {report} (3 warnings)."
    )
    assert pp.message.text() == said
    sheets = load_workbook(report).sheetnames
    assert sheets == ["Danh bạ", "Cảnh báo" if language == "vi" else "Warnings"]

    w.next()
    assert w.currentId() == PAGE_COMMIT
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    assert cp.report.isVisible() and cp.report.text() == pp.report.text()


def test_one_rejected_row_is_one_row(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    rows = [["Nguyễn Văn An", "an@vcn.vn", "VCN", ""], ["", "khong-ten@vcn.vn", "VCN", ""]]
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "an.xlsx", rows))
    to_preview(qtbot, w)
    pp = w.preview_page
    assert pp.report.isEnabled() and pp.report.text() == "Save error report…"
    report = tmp_path / "loi.xlsx"
    pp.save_report(str(report))
    qtbot.waitUntil(lambda: not w.busy() and report.exists() and bool(pp.message.text()), timeout=TIMEOUT)
    assert pp.message.text() == (
        f"Error report saved: {report} (1 row). Fix the rows and import that file again."
    )


def test_nothing_to_report_leaves_the_button_greyed(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "an.xlsx", [["Nguyễn Văn An", "an@vcn.vn", "VCN", ""]]))
    to_preview(qtbot, w)
    assert not w.preview_page.report.isEnabled()
