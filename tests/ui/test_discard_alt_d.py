"""Alt+D answers "Discard this meeting?" (reviewer: it did nothing; Qt's own "Discard" button
has no Alt letter). Esc and Enter still keep what was typed (Cancel is the default)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

_KEPT: list[QWidget] = []  # (the parent lives as long as its box is looked at)


def _asked(qtbot: Any, language: str) -> QMessageBox:
    from ui.widgets import discard_box

    parent = QWidget()
    _KEPT[:] = [parent]
    qtbot.addWidget(parent)
    box = discard_box(parent, "Discard this meeting?")
    box.open()
    qtbot.waitExposed(box)
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    return box


def test_alt_d_discards(qtbot: Any, language: str) -> None:
    box = _asked(qtbot, language)
    button = box.button(QMessageBox.StandardButton.Discard)
    assert button is not None and "&" in button.text()
    letter = button.text()[button.text().index("&") + 1]
    qtbot.keyClick(box, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert box.clickedButton() is button
    if language == "en":
        assert button.text() == "&Discard"


def test_enter_keeps_what_was_typed(qtbot: Any, language: str) -> None:
    box = _asked(qtbot, language)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert box.clickedButton() is box.button(QMessageBox.StandardButton.Cancel)
