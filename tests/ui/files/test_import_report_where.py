"""Where "Save error report…" offers the report, and under which name: in the folder Ketnoi's
workbooks were last saved to (else the documents folder), never beside the source file (often
a shared, read-only folder or a colleague's), named in the window's language — "-errors.xlsx"
in English, "-loi.xlsx" in Vietnamese (it was "…-loi-errors.xlsx" beside the source)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tests.ui.files.workbooks import contacts_workbook
from ui import file_dialogs
from ui.exports import FOLDER_KEY
from ui.import_wizard import open_import_wizard
from ui.import_wizard.wizard import PAGE_PREVIEW

TIMEOUT = 30_000


def _previewed(qtbot: Any, ctx: Any, source: Path) -> Any:
    w = open_import_wizard(None, ctx, source)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    w.file_page.select_sheet("Danh bạ")
    w.next()
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    return w


def test_the_report_is_offered_in_the_export_folder_named_in_the_window_s_language(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: Any, language: str
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    source = contacts_workbook(shared / "dai-bieu.xlsx")
    exports = tmp_path / "exports"
    exports.mkdir()
    ctx.settings.qsettings.setValue(FOLDER_KEY, str(exports))
    offered: list[str] = []

    def ask(_parent: Any, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        offered.append(folder)
        return folder, ""

    monkeypatch.setattr(file_dialogs, "get_save_file_name", ask)
    w = _previewed(qtbot, ctx, source)
    w.preview_page.save_report()
    name = "dai-bieu-loi.xlsx" if language == "vi" else "dai-bieu-errors.xlsx"
    assert offered == [str(exports / name)]
    qtbot.waitUntil(lambda: (exports / name).exists() and not w.busy(), timeout=TIMEOUT)
    assert load_workbook(exports / name, read_only=True).sheetnames  # written there
    assert sorted(p.name for p in shared.iterdir()) == ["dai-bieu.xlsx"]  # nothing beside the source


def test_without_an_export_folder_it_is_offered_in_the_documents_and_remembered(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    source = contacts_workbook(shared / "dai-bieu.xlsx")
    chosen = tmp_path / "mine"
    chosen.mkdir()
    offered: list[str] = []

    def ask(_parent: Any, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        offered.append(folder)
        return str(chosen / "loi-hoi-thao"), ""  # (typed without .xlsx)

    monkeypatch.setattr(file_dialogs, "get_save_file_name", ask)
    w = _previewed(qtbot, ctx, source)
    w.preview_page.save_report()
    assert Path(offered[0]).name == "dai-bieu-errors.xlsx"
    assert Path(offered[0]).parent != shared
    qtbot.waitUntil(lambda: (chosen / "loi-hoi-thao.xlsx").exists() and not w.busy(), timeout=TIMEOUT)
    assert ctx.settings.qsettings.value(FOLDER_KEY) == str(chosen)  # offered there next time
