"""Keyboard navigation with Ctrl selects the row it moves to, so Del, Ctrl+D and Edit act on the
record the detail pane shows; Ctrl+click and Ctrl+Space still toggle, Shift still extends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from db.engine import read_session
from db.models import Action, Contact

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _panel(qtbot: Any, window: Any, entity: str) -> Any:
    from ui.main_window import VIEWS

    window.nav.setCurrentRow(VIEWS.index(entity))
    panel = window.views[entity].list
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() >= 3, timeout=10_000)
    return panel


def _click(qtbot: Any, panel: Any, row: int, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    index = panel.model.index(row, 0)
    panel.view.scrollTo(index)
    pos = panel.view.visualRect(index).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def _deleted(engine: Any, model: Any, record_id: int) -> bool:
    with read_session(engine) as s:
        return s.scalar(select(model.deleted_at).where(model.id == record_id)) is not None


def _status(engine: Any, action_id: int) -> str:
    with read_session(engine) as s:
        return str(s.scalar(select(Action.status).where(Action.id == action_id)))


def test_ctrl_end_then_delete_deletes_the_last_row_not_the_clicked_one(qtbot, window, ctx, engine):
    panel = _panel(qtbot, window, "contact")
    detail = window.views["contact"].detail
    clicked, last = panel.model.id_at(0), panel.model.id_at(panel.model.rowCount() - 1)
    _click(qtbot, panel, 0)
    assert panel.selected_ids() == [clicked] and detail.record_id == clicked
    qtbot.keyClick(panel.view, Qt.Key.Key_End, CTRL)
    assert panel.selected_ids() == [last]
    assert detail.record_id == last  # the pane and the selection name the same record
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _deleted(engine, Contact, last) and not ctx.tasks.busy(), timeout=10_000)
    assert not _deleted(engine, Contact, clicked)


def test_ctrl_home_then_ctrl_d_marks_the_first_action_done(qtbot, window, ctx, engine):
    window.show_actions("open")
    panel = _panel(qtbot, window, "action")
    first, clicked = panel.model.id_at(0), panel.model.id_at(2)
    _click(qtbot, panel, 2)
    assert panel.selected_ids() == [clicked]
    qtbot.keyClick(panel.view, Qt.Key.Key_Home, CTRL)
    assert panel.selected_ids() == [first]
    assert window.views["action"].detail.record_id == first
    qtbot.keyClick(panel.view, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: _status(engine, first) == "done" and not ctx.tasks.busy(), timeout=10_000)
    assert _status(engine, clicked) == "open"


def test_ctrl_up_down_and_page_keys_select_where_they_move(qtbot, window):
    panel = _panel(qtbot, window, "contact")
    detail = window.views["contact"].detail
    _click(qtbot, panel, 0)
    for key, row in (
        (Qt.Key.Key_Down, 1),
        (Qt.Key.Key_Down, 2),
        (Qt.Key.Key_Up, 1),
        (Qt.Key.Key_PageDown, panel.model.rowCount() - 1),
        (Qt.Key.Key_PageUp, 0),
    ):
        qtbot.keyClick(panel.view, key, CTRL)
        assert panel.view.currentIndex().row() == row, key
        assert panel.selected_ids() == [panel.model.id_at(row)], key
        assert detail.record_id == panel.model.id_at(row), key


def test_ctrl_click_and_ctrl_space_still_toggle_and_shift_still_extends(qtbot, window):
    panel = _panel(qtbot, window, "contact")
    detail = window.views["contact"].detail
    ids = [panel.model.id_at(r) for r in range(3)]
    _click(qtbot, panel, 0)
    _click(qtbot, panel, 2, CTRL)
    assert panel.selected_ids() == [ids[0], ids[2]]
    qtbot.keyClick(panel.view, Qt.Key.Key_Space, CTRL)  # the current row (2) toggled off
    assert panel.selected_ids() == [ids[0]]
    assert detail.record_id == ids[0]  # exactly one selected: the pane shows it, not row 2
    _click(qtbot, panel, 0, CTRL)  # the last one toggled off: nothing selected, nothing shown
    assert panel.selected_ids() == []
    assert detail.record_id == 0
    assert not window.act_delete.isEnabled()
    _click(qtbot, panel, 1)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, SHIFT)
    assert panel.selected_ids() == [ids[1], ids[2]]
    qtbot.keyClick(panel.view, Qt.Key.Key_Home, CTRL | SHIFT)  # Shift with Ctrl still extends
    assert panel.selected_ids() == ids[:2]  # the anchor stays on row 1


def test_a_record_opened_from_a_link_is_what_delete_acts_on(qtbot, window, ctx, ids, engine):
    """The list filtered to one person, selected; a link opens another person the list does not
    hold: Del deletes the person on the page, not the row still highlighted in the list."""
    panel = _panel(qtbot, window, "contact")
    panel.search.setText("nhung")
    panel.apply_filters()
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() == 1, timeout=10_000)
    _click(qtbot, panel, 0)
    assert panel.selected_ids() == [ids["nhung"]]
    window.navigate("contact", ids["bao"])
    assert window.views["contact"].detail.record_id == ids["bao"]
    assert panel.selected_ids() == []  # the list's highlight does not claim another record
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _deleted(engine, Contact, ids["bao"]) and not ctx.tasks.busy(), timeout=10_000)
    assert not _deleted(engine, Contact, ids["nhung"])


def test_edit_opens_the_record_on_the_page_when_several_are_selected(qtbot, window, monkeypatch):
    panel = _panel(qtbot, window, "contact")
    opened: list[tuple[str, int]] = []
    monkeypatch.setattr(window.commands, "edit", lambda entity, i: opened.append((entity, i)))
    _click(qtbot, panel, 0)
    _click(qtbot, panel, 2, SHIFT)  # rows 0-2 selected, row 2 current and on the page
    shown = panel.model.id_at(2)
    assert window.views["contact"].detail.record_id == shown
    assert len(panel.selected_ids()) == 3
    qtbot.keyClick(panel.view, Qt.Key.Key_E, CTRL)
    assert opened == [("contact", shown)]


def test_a_row_filtered_out_and_back_shows_again_when_clicked(qtbot, window, ids):
    panel = _panel(qtbot, window, "contact")
    detail = window.views["contact"].detail
    everyone = panel.model.rowCount()
    _click(qtbot, panel, panel.model.row_of(ids["nhung"]))
    assert detail.record_id == ids["nhung"]
    for text, rows in (("zzz-nobody", 0), ("", everyone)):
        panel.search.setText(text)
        panel.apply_filters()
        qtbot.waitUntil(lambda r=rows: panel.model.complete and panel.model.rowCount() == r)
    assert detail.record_id == 0  # it left the list: the page was cleared
    _click(qtbot, panel, panel.model.row_of(ids["nhung"]))
    assert panel.selected_ids() == [ids["nhung"]]
    assert detail.record_id == ids["nhung"]
