"""Dialogs from the keyboard on a laptop (reviewer h92): a list tabbed into selects a row (Trash's
Restore was greyed until Space); the existing record opened from Log meeting closes with Esc,
Ctrl+W or Close and leaves the form's buttons uncovered; "Save anyway" has its Alt letter (Cancel
stays the default); Letters and Working days have a Close button."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton

from app import records, trash
from app.already_logged import already_logged
from app.meetings import Chosen, MeetingDraft, save_meeting
from db import clock
from db.engine import read_session, unit_of_work
from tests.ui.helpers import open_log_meeting, wait_idle


def _shown(qtbot: Any, dialog: Any) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_tabbing_into_the_trash_selects_a_row_and_restore_is_on(qtbot, ctx, ids, engine) -> None:
    from ui.trash import TrashDialog

    with unit_of_work(engine) as s:
        records.delete(s, "contact", ids["nhung"], actor="test")
    dialog = _shown(qtbot, TrashDialog(ctx))
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 1, timeout=10_000)
    dialog.text.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.text.hasFocus)
    assert not dialog.restore_button.isEnabled()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.table
    assert dialog.selected() == [("contact", ids["nhung"])]
    assert dialog.restore_button.isEnabled()
    wait_idle(qtbot, ctx)


@pytest.mark.parametrize("name", ["letters", "workdays"])
def test_letters_and_working_days_have_a_close_button(qtbot, ctx, name) -> None:
    from ui.letters import LettersDialog
    from ui.workdays import WorkingDaysDialog

    dialog = _shown(qtbot, LettersDialog(ctx) if name == "letters" else WorkingDaysDialog(ctx))
    boxes = [b for b in dialog.findChildren(QDialogButtonBox) if b.isVisible()]
    close = [b.button(QDialogButtonBox.StandardButton.Close) for b in boxes]
    close = [c for c in close if c is not None and c.isVisible()]
    assert len(close) == 1
    assert dialog.rect().contains(close[0].mapTo(dialog, close[0].rect().bottomRight()))  # not cut off
    qtbot.mouseClick(close[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    wait_idle(qtbot, ctx)


@pytest.fixture
def lans(engine: Any, ids: dict[str, Any]) -> int:
    """A colleague's meeting with Genetica at the minute Log meeting opens on."""
    draft = MeetingDraft(
        {"title": "Lam viec voi Genetica", "starts_at": clock.now().replace(second=0, microsecond=0)},
        [Chosen(ids["genetica"], "Genetica")],
        [Chosen(ids["hung"], "Phạm Quốc Hùng")],
    )
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="Trần Thị Lan")


def _peeks() -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "record_peek" and w.isVisible()]


@pytest.mark.parametrize("key", ["esc", "ctrl+w", "close"])
def test_the_existing_meeting_closes_from_the_keyboard_and_leaves_save_uncovered(
    qtbot, ctx, ids, lans, monkeypatch, key
) -> None:
    monkeypatch.setattr("ui.dupwarn.ask_already_logged", lambda *_a: "open")
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    qtbot.keyClicks(dialog.title, "Lam viec voi Genetica")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(_peeks()), timeout=10_000)
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=10_000)
    peek = _peeks()[-1]
    for button in [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.window() is dialog]:
        at = button.mapToGlobal(button.rect().topLeft())
        assert not peek.frameGeometry().intersects(button.rect().translated(at)), button.text()
    assert peek.screen().availableGeometry().contains(peek.frameGeometry())
    qtbot.waitUntil(peek.isActiveWindow)
    if key == "esc":
        qtbot.keyClick(QApplication.focusWidget() or peek, Qt.Key.Key_Escape)
    elif key == "ctrl+w":
        qtbot.keyClick(QApplication.focusWidget() or peek, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.mouseClick(peek.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _peeks())
    assert dialog.isVisible() and dialog.saved_id is None  # Log meeting stays, as it was
    wait_idle(qtbot, ctx)


def _answered(twin: Any, press: Any) -> tuple[str, list[str], str]:
    """The Already logged? box, ``press(box)`` done to it once it is the active window (then
    Cancel, if it is still open). The box is the one ``exec`` is called on: looking for it among
    the modal widgets every 50 ms once found none in CI, and its answer was read as Cancel."""
    from ui import dupwarn

    seen: list[Any] = []
    original = QMessageBox.exec

    def exec_(box: QMessageBox) -> int:
        def answer() -> None:
            if not box.isVisible() or not box.isActiveWindow():
                QTimer.singleShot(20, answer)  # (shown and active first: its Alt letters then)
                return
            seen.append(([b.text() for b in box.buttons()], box.defaultButton().text()))
            press(box)
            QTimer.singleShot(200, lambda: box.isVisible() and box.reject())

        QTimer.singleShot(0, answer)
        return int(original(box))

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "exec", exec_)
        choice = dupwarn.ask_already_logged(None, twin, "dd/MM/yyyy")  # type: ignore[arg-type]
    assert seen, "the box was never shown and active"
    names, default = seen[0]
    return choice, names, default


def test_save_anyway_has_its_alt_letter_and_cancel_stays_the_default(qtbot, ctx, ids, engine, lans) -> None:
    from PySide6.QtTest import QTest

    with read_session(engine) as s:
        draft = MeetingDraft({"title": "x", "starts_at": clock.now()}, [Chosen(ids["genetica"], "Genetica")])
        twin = already_logged(s, draft, actor=ctx.actor())
    assert twin is not None
    choice, names, default = _answered(
        twin, lambda box: QTest.keyClick(box, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    )
    assert choice == "save" and "&Save anyway" in names and "&Open it" in names
    choice, _names, default = _answered(twin, lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
    assert choice == "cancel" and default == "Cancel"  # Enter loses nothing: Log meeting stays open


def test_enter_in_the_trash_filter_goes_into_the_list_and_restores_nothing(qtbot, ctx, ids, engine) -> None:
    """Enter in Trash's filter box pressed the default button, Restore, on the row selected:
    now it selects the first record the filter lists, in the list, and restores nothing."""
    from ui.trash import TrashDialog

    with unit_of_work(engine) as s:
        records.delete(s, "contact", ids["nhung"], actor="test")
        records.delete(s, "contact", ids["hung"], actor="test")
    dialog = _shown(qtbot, TrashDialog(ctx))
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 2, timeout=10_000)
    dialog.table.selectRow(0)
    dialog.text.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.text.hasFocus)
    qtbot.keyClicks(dialog.text, "nhung")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # at once: before the pause in typing is over
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table, timeout=10_000)
    assert dialog.selected() == [("contact", ids["nhung"])] and dialog.model.rowCount() == 1
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:  # both still in the trash: nothing restored
        assert {i.key for i in trash.list_trash(s, None, "")} >= {
            ("contact", ids["nhung"]),
            ("contact", ids["hung"]),
        }


def test_enter_in_the_letters_filter_goes_into_the_list_not_a_new_letter(
    qtbot, demo_ctx, monkeypatch
) -> None:
    ctx = demo_ctx
    from ui.letter_form import LetterForm
    from ui.letters import LettersDialog

    opened: list[Any] = []
    monkeypatch.setattr(LetterForm, "exec", lambda form: opened.append(form) or 0)
    dialog = _shown(qtbot, LettersDialog(ctx))
    dialog.year.setValue(0)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    dialog.words.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.words.hasFocus)
    qtbot.keyClick(dialog.words, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table, timeout=10_000)
    assert opened == [] and dialog.current_id() == dialog.model.rows[0]["id"]
    assert dialog.buttons["edit"].isEnabled()
    wait_idle(qtbot, ctx)
