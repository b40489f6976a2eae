"""Enter in a record form moves to the next field, as in Log meeting; Ctrl+Return saves
(reviewer h149: Ctrl+N, a new contact's name typed, Enter — and a contact was saved with only a
name, the form's Save being the default button). Organisation, contact and action forms alike."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from sqlalchemy import func, select

from db.engine import read_session
from db.models import Action, Contact, Organisation
from tests.ui.helpers import wait_idle

FIRST = {
    "contact": ("full_name", Contact),
    "organisation": ("name", Organisation),
    "action": ("title", Action),
}


def _count(engine: Any, model: Any) -> int:
    with read_session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("entity", ["contact", "organisation", "action"])
def test_enter_after_the_name_moves_on_and_ctrl_return_saves(
    qtbot: Any, ctx: Any, engine: Any, entity: str
) -> None:
    from ui.dialogs.record_form import RecordForm

    field, model = FIRST[entity]
    before = _count(engine, model)
    form = RecordForm(ctx, entity)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()  # (its Ctrl+Return is the active window's shortcut)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=5_000)
    name = form.widgets[field]
    assert isinstance(name, QLineEdit)
    name.setFocus()
    qtbot.keyClicks(name, "Le Thi Thu Ha" if entity == "contact" else "Sao Mai Tech")  # (QTest types ASCII)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert form.isVisible() and form.saved_id is None  # not saved with a name alone
    assert _count(engine, model) == before
    moved = form.focusWidget()
    assert moved is not None and moved is not name  # on to the next field
    qtbot.keyClick(moved, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
    assert _count(engine, model) == before + 1
    save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isDefault() and not save.autoDefault()  # (not drawn as what Enter presses)
