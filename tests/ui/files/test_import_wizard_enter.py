"""Enter goes forward on every page of the import wizard, never back nor to a side button
(reviewer: on the preview page Enter went back to the mapping page — focus had fallen on
"< Back" when "Next" gave way to "Import"; after "Undo this import", Enter opened "Save error
report…" — focus had fallen on it when the undo button was disabled)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWizard

from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard import history_dialog, open_import_wizard
from ui.import_wizard.wizard import PAGE_COMMIT, PAGE_MAPPING, PAGE_PREVIEW

TIMEOUT = 30_000


def _enter(qtbot: Any, w: Any) -> None:
    """Enter where the keyboard is now (the focused widget, else the wizard)."""
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Return)


def test_enter_goes_forward_through_the_wizard(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    w = open_import_wizard(None, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    w.file_page.select_sheet("Danh bạ")
    _enter(qtbot, w)
    assert w.currentId() == PAGE_MAPPING
    _enter(qtbot, w)
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    commit = w.button(QWizard.WizardButton.CommitButton)
    assert commit.isDefault()
    for side in (w.button(QWizard.WizardButton.BackButton), w.preview_page.report):
        assert not side.isDefault()
    _enter(qtbot, w)  # Import, not Back
    assert w.currentId() == PAGE_COMMIT
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    assert cp.report.isVisible()  # rows were rejected: the side button is there
    assert w.button(QWizard.WizardButton.FinishButton).isDefault()

    monkeypatch.setattr(
        history_dialog, "answer", lambda box: box.findChild(QPushButton, "import_history_confirm_undo")
    )
    cp.undo.setFocus()
    qtbot.keyClick(cp.undo, Qt.Key.Key_Space)  # the keyboard's own way to press a focused button
    qtbot.waitUntil(lambda: cp.state == "undone", timeout=TIMEOUT)
    opened: list[Any] = []
    monkeypatch.setattr(cp, "save_report", lambda *a: opened.append(a))
    finished: list[int] = []
    w.finished.connect(finished.append)
    _enter(qtbot, w)  # Finish, not "Save error report…"
    assert opened == []
    assert finished == [QWizard.DialogCode.Accepted.value] or finished == [1]
