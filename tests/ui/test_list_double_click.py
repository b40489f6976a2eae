"""A double-click on a row opens its record once (reviewer: two identical edit dialogs stacked;
after Save in the first the second was still there, as if Save had done nothing, and a Save in
the leftover one after a restore closed it without a word). The view's double-click emits both
``doubleClicked`` and ``activated``; the list answers ``activated`` alone (Enter too)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.helpers import wait_idle


@pytest.mark.parametrize("entity", ["contact", "organisation", "action"])
def test_a_double_click_opens_the_record_once(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch, entity: str
) -> None:
    from PySide6.QtCore import Qt

    from ui.dialogs.record_form import RecordForm
    from ui.main_window import MainWindow

    opened: list[tuple[str, int | None]] = []

    def exec_(form: Any) -> int:  # (the modal form answered at once: Cancel)
        opened.append((form.entity, form.record_id))
        return 0

    monkeypatch.setattr(RecordForm, "exec", exec_)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, ctx)
    from ui.main_window import VIEWS

    window.nav.setCurrentRow(VIEWS.index(entity))
    panel = window.views[entity].list
    qtbot.waitUntil(lambda: panel.view.isVisible() and panel.model.rowCount() > 0)
    where = panel.view.visualRect(panel.model.index(0, 0)).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.wait(50)
    assert len(opened) == 1, opened
    # Enter on the current row opens it too, once
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert len(opened) == 2, opened
