"""What a new officer met in their first week (reviewer h143, English, 1280×720): each test
drives the real window or dialog and fails on the code before its fix."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import show_page, wait_idle


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("Emily Carter", "Good day, Emily"),
        ("Trần Minh Anh", "Good day, Anh"),
        ("Nguyen Thi Hong Nhung", "Good day, Nhung"),
    ],
)
def test_the_dashboard_greets_by_the_given_name(
    qtbot: Any, ctx: Any, engine: Engine, ids: Any, name: str, greeted: str
) -> None:
    """ "I am" Emily Carter was greeted "Good day, Carter": the last word, right only for a
    Vietnamese name. Now the given name, wherever the name's order puts it."""
    from ui.main_window import MainWindow

    with unit_of_work(engine) as s:
        records.update(s, "staff", ids["me"], {"name": name}, expected_version=None)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: window.dashboard.loaded)
    assert window.dashboard.heading.text().startswith(greeted + " — ")


def test_the_meeting_page_names_our_staff(qtbot: Any, ctx: Any, ids: Any, language: str) -> None:
    """`meeting show` said "Our staff  Emily Carter"; the meeting's page did not name them at
    all. Now it does, in the window's language."""
    from ui.details.pane import DetailPane

    with unit_of_work(ctx.engine) as s:
        emily = records.create(s, "staff", {"name": "Emily Carter"})
        records.update(
            s, "meeting", ids["past_meeting"], {"staff_ids": [emily, ids["colleague"]]}, expected_version=None
        )
    pane = DetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    page = show_page(qtbot, pane, "meeting", ids["past_meeting"])
    said = {"en": "Our staff", "vi": "Cán bộ bên ta"}[language]
    line = next((line for line in page.splitlines() if line.startswith(f"{said}: ")), "")
    assert sorted(line.removeprefix(f"{said}: ").split(", ")) == ["Emily Carter", "Lê Văn Bình"], page


@pytest.fixture
def namesakes(engine: Engine, ids: Any) -> tuple[int, int]:
    """Two contacts, one the other's name without accents (added before the window opens)."""
    with unit_of_work(engine) as s:
        kept = records.create(s, "contact", {"full_name": "Nguyễn Văn Hùng", "emails": ["hung@a.vn"]})
        other = records.create(s, "contact", {"full_name": "Nguyen Van Hung", "emails": ["hung@b.vn"]})
    return int(kept), int(other)


def test_undoing_a_merge_selects_the_contact_brought_back(
    qtbot: Any, namesakes: tuple[int, int], window: Any, ctx: Any
) -> None:
    """README: Ctrl+Z that brings one record back selects it in the list shown. After a merge
    undone the selection stayed on the kept contact (the undo rewrote two records, so it named
    none); now the one brought back from the trash is selected and shown."""
    from PySide6.QtCore import Qt

    from ui.dialogs.duplicates import MergeDialog
    from ui.main_window import VIEWS

    kept, other = namesakes
    window.nav.setCurrentRow(VIEWS.index("contact"))
    panel = window.views["contact"].list
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.row_of(other) >= 0)
    dialog = MergeDialog(ctx, window.commands, "contact", kept, other, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merged_ids == (kept, other), timeout=10_000)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.row_of(other) < 0)
    assert panel.select_id(kept)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.selected_ids() == [other], timeout=10_000)
    assert panel.view.current_id() == other
    qtbot.waitUntil(lambda: window.views["contact"].detail.record_id == other)


def _status(engine: Engine, action_id: int) -> str:
    with unit_of_work(engine) as s:
        return str(records.get(s, "action", action_id)["status"])


def test_ctrl_d_twice_marks_done_then_reopens_the_same_action(
    qtbot: Any, window: Any, ctx: Any, engine: Engine, ids: Any
) -> None:
    """On "All open" the action marked done left the list and the next row was selected, so the
    second Ctrl+D marked that one done. Now the action stays, struck through, selected: Ctrl+D
    again reopens it; moving to another row lets it go."""
    from PySide6.QtCore import Qt

    from ui.lists.model import ROW_ROLE

    window.show_actions("open")
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() >= 3)
    first = ids["a_overdue"]
    others = [i for i in panel.model.loaded_ids() if i != first]
    assert panel.select_id(first)
    panel.view.setFocus()
    qtbot.waitUntil(window.act_done.isEnabled)
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: _status(engine, first) == "done")
    row = panel.model.row_of(first)
    assert row >= 0 and panel.selected_ids() == [first]
    index = panel.model.index(row, 0)
    qtbot.waitUntil(lambda: (panel.model.data(index, ROW_ROLE) or {}).get("status") == "done")
    assert panel.model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: _status(engine, first) == "open")
    assert all(_status(engine, i) != "done" for i in others)
    assert panel.selected_ids() == [first]
    # done again, then the officer moves on: the done action leaves the "All open" list
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: _status(engine, first) == "done")
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.model.row_of(first) < 0)
    assert panel.selected_ids() and first not in panel.selected_ids()


def test_del_twice_deletes_one_record(qtbot: Any, window: Any, ctx: Any, engine: Engine, ids: Any) -> None:
    """Del deleted and selected the next row, so Del again deleted a second record the officer
    had not looked at. Now the next row is only the current one, not selected: Del again does
    nothing until a row is chosen."""
    from PySide6.QtCore import Qt

    from app import lists as app_lists
    from ui.main_window import VIEWS

    window.nav.setCurrentRow(VIEWS.index("contact"))
    panel = window.views["contact"].list
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() >= 3)
    n = panel.model.rowCount()
    victim = panel.model.id_at(0)
    assert victim is not None and panel.select_id(victim)
    panel.view.setFocus()
    qtbot.waitUntil(window.act_delete.isEnabled)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.model.row_of(victim) < 0 and panel.model.rowCount() == n - 1)
    assert panel.selected_ids() == []
    assert panel.view.currentIndex().row() == 0  # the arrows go on from where it was
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    wait_idle(qtbot, ctx)
    with unit_of_work(engine) as s:
        left = app_lists.ids(s, panel.model.query)
    assert len(left) == n - 1


@pytest.mark.parametrize(
    ("answer", "said"),
    [("Merge into it", "Restored 1 record and merged"), ("Leave in the trash", "Nothing restored")],
)
def test_the_trash_says_what_it_restored_once_the_question_is_answered(
    qtbot: Any,
    window: Any,
    ctx: Any,
    engine: Engine,
    ids: Any,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    said: str,
) -> None:
    """ "Restored 0 records" stood in the status bar while "Already there?" was still open. Now
    nothing is said until the answer, then what was restored."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.test_trash import _open_trash, _select

    window.commands.delete("contact", [ids["nhung"]])
    wait_idle(qtbot, ctx)
    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "emails": ["nhung@nic.gov.vn"]})
    messages: list[str] = []
    ctx.status_message.connect(messages.append)
    while_asked: list[list[str]] = []

    def exec_(box: QMessageBox) -> int:
        while_asked.append(list(messages))
        next(b for b in box.buttons() if b.text().replace("&", "") == answer).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    dialog = _open_trash(qtbot, window)
    _select(dialog, {"Nguyễn Thị Hồng Nhung"})
    messages.clear()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(while_asked), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert not [m for m in while_asked[0] if m.startswith("Restored")], while_asked[0]
    qtbot.waitUntil(lambda: bool(messages) and messages[-1].startswith(said), timeout=10_000)
    assert not [m for m in messages if m.startswith("Restored 0")], messages


def test_the_typed_but_not_added_warning_moves_nothing_in_log_meeting(qtbot: Any, ctx: Any, ids: Any) -> None:
    """The warning under Organisations pushed the follow-up section down ~40 px, so the next
    click landed in the wrong field. It lies over the foot of the list now: nothing moves."""
    from PySide6.QtCore import QPoint, Qt

    from tests.ui.helpers import open_log_meeting
    from tests.ui.test_keyboard_flows import type_into

    dialog = open_log_meeting(qtbot, ctx)
    dialog.resize(1280, 680)
    qtbot.wait(50)
    dialog.title.setText("Gặp Bộ KH&CN về UAV")
    followups, orgs = dialog.followups, dialog.organisations

    def where() -> tuple[int, int, int]:
        top = followups.mapTo(dialog, QPoint(0, 0)).y()
        return top, dialog.attendees.mapTo(dialog, QPoint(0, 0)).y(), dialog.height()

    before = where()
    orgs.input.setFocus()
    type_into(orgs.input, "most")
    dialog.location.setFocus()
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Save
    error = dialog.errors["organisation_ids"]
    assert error.isVisible() and "is typed but not added" in error.text()
    qtbot.wait(50)
    assert where() == before
    assert error.geometry().bottom() <= orgs.parentWidget().height()  # within its box, whole


def test_the_welcome_says_the_sample_opens_in_this_window(qtbot: Any, window: Any) -> None:
    """ "Look around with sample data … in a new window" replaced the window. Now the words say
    what it does."""
    from ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(window)
    qtbot.addWidget(dialog)
    said = dialog.sample.description()
    assert "new window" not in said
    assert "in this window, in place of yours" in said


def test_after_new_staff_member_enter_presses_ok(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After "New staff member…" closed, the focus stayed on that button, so Enter opened a second
    dialog instead of pressing OK. The focus is on "I am" now, the new member chosen; Enter is OK."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QInputDialog

    from ui.dialogs.settings import SettingsDialog

    asked: list[str] = []

    def get_text(*_a: Any, **_k: Any) -> tuple[str, bool]:
        asked.append("new staff")
        return "Emily Carter", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.add_staff.setFocus()
    qtbot.waitUntil(dialog.add_staff.hasFocus)
    qtbot.keyClick(dialog.add_staff, Qt.Key.Key_Space)  # the button pressed from the keyboard
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.staff.currentText() == "Emily Carter")
    assert QApplication.focusWidget() is dialog.staff
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert asked == ["new staff"]
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()


def test_an_action_marked_done_leaves_the_open_list_once_another_view_is_shown(
    qtbot: Any, window: Any, ctx: Any, engine: Engine, ids: Any
) -> None:
    """Ctrl+D keeps the action listed, struck through, while it is selected; switching to the
    contacts and back is moving on too: it stayed on "All open" until another row was chosen."""
    from PySide6.QtCore import Qt

    from ui.main_window import VIEWS

    window.show_actions("open")
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() >= 3)
    first = ids["a_overdue"]
    assert panel.select_id(first)
    panel.view.setFocus()
    qtbot.waitUntil(window.act_done.isEnabled)
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: _status(engine, first) == "done")
    assert panel.model.row_of(first) >= 0  # kept while selected
    window.nav.setCurrentRow(VIEWS.index("contact"))
    qtbot.waitUntil(lambda: not panel.isVisible())
    wait_idle(qtbot, ctx)
    window.nav.setCurrentRow(VIEWS.index("action"))
    qtbot.waitUntil(panel.isVisible)
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.row_of(first) < 0)
