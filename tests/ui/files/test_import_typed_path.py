"""A path typed or pasted into the import wizard's file box is read once it names a file.
Reviewer: the path pasted did nothing — Next stayed grey, no sheet list, no hint — until Enter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard import open_import_wizard

TIMEOUT = 30_000


def _wizard(qtbot: Any, ctx: Any) -> Any:
    w = open_import_wizard(None, ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    edit = w.file_page.path_edit
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    return w


def _next_enabled(w: Any) -> bool:
    return bool(w.button(QWizard.WizardButton.NextButton).isEnabled())


def test_a_typed_path_is_read_after_a_pause_without_enter(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    path = contacts_workbook(tmp_path / "dai-bieu.xlsx")
    w = _wizard(qtbot, ctx)
    assert not _next_enabled(w)
    qtbot.keyClicks(w.file_page.path_edit, str(path))  # no Enter
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    assert w.path == path
    assert w.file_page.tree.isVisible() and w.file_page.tree.topLevelItemCount() == len(w.sheets)
    qtbot.waitUntil(lambda: _next_enabled(w))
    w.reject()


def test_a_path_pasted_in_quotes_is_read(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    path = contacts_workbook(tmp_path / "dai-bieu.xlsx")
    w = _wizard(qtbot, ctx)
    QApplication.clipboard().setText(f'"{path}"')  # Windows' "Copy as path"
    qtbot.keyClick(w.file_page.path_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert w.file_page.path_edit.text() == f'"{path}"'
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    assert w.path == path and w.file_page.path_edit.text() == str(path)
    qtbot.waitUntil(lambda: _next_enabled(w))
    w.reject()


def test_a_path_naming_no_file_waits_quietly_for_enter_which_says_why(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    w = _wizard(qtbot, ctx)
    edit = w.file_page.path_edit
    qtbot.keyClicks(edit, str(tmp_path / "not-there.xlsx"))
    qtbot.wait(w.file_page.TYPING_PAUSE_MS + 300)
    QApplication.processEvents()
    assert w.path is None and not w.busy() and not w.file_page.message.isVisible()
    assert edit.text() == str(tmp_path / "not-there.xlsx")  # nothing typed is lost
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter reads it, and says it is not there
    qtbot.waitUntil(lambda: w.file_page.message.isVisible() and not w.busy(), timeout=TIMEOUT)
    assert not _next_enabled(w)
    w.reject()
