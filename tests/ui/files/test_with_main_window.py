"""The entry points called from the real main window (as the menu lines in the report do)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard import open_import_wizard

TIMEOUT = 30_000


@pytest.fixture
def window(qtbot: Any, ctx: Any) -> Any:
    from ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    ctx.tasks.wait()


def test_import_refreshes_the_window_and_reports_in_the_status_bar(qtbot, ctx, window, tmp_path):
    from ui.main_window import VIEWS

    window.nav.setCurrentRow(VIEWS.index("contact"))
    contacts = window.views["contact"].list
    qtbot.waitUntil(lambda: contacts.total == 0, timeout=TIMEOUT)

    wizard = open_import_wizard(window, ctx, contacts_workbook(tmp_path / "c.xlsx"))
    assert wizard.parent() is window and wizard.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: bool(wizard.sheets) and not wizard.busy(), timeout=TIMEOUT)
    wizard.file_page.select_sheet("Danh bạ")
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy(), timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.commit_page.state == "done", timeout=TIMEOUT)
    batch = wizard.commit_result.batch_id
    assert window.statusBar().currentMessage() == f"Import #{batch}: 4 new, 0 updated"
    qtbot.waitUntil(lambda: contacts.total == 4, timeout=TIMEOUT)  # the list shows them at once

    wizard.commit_page.undo_import()
    qtbot.waitUntil(lambda: wizard.commit_page.state == "undone", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: contacts.total == 0, timeout=TIMEOUT)
    wizard.accept()
