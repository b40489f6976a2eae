"""Bulk actions on a multi-selection, one transaction each, undone from Edit → Undo."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import func, select

from app import records
from db import models as m
from db.engine import read_session
from tests.app.lists.seed import bulk_contacts
from tests.ui.helpers import wait_idle


def _tagged(engine: Any, tag: str) -> int:
    with read_session(engine) as s:
        return int(
            s.execute(
                select(func.count())
                .select_from(m.ContactTag)
                .join(m.Tag, m.Tag.id == m.ContactTag.tag_id)  # type: ignore[arg-type]
                .where(m.Tag.name == tag)
            ).scalar_one()
        )


def _answer(monkeypatch: Any, value: Any) -> None:
    from ui.bulk import BulkActions

    monkeypatch.setattr(BulkActions, "_ask", lambda self, entity, ids, kind, title, prompt: (True, value))


def test_bulk_tag_over_1000_selected_contacts_and_undo_from_the_edit_menu(
    qtbot: Any, window: Any, ctx: Any, engine: Any, monkeypatch: Any, qtmodeltester: Any
) -> None:
    bulk_contacts(engine, 1000)
    window.nav.setCurrentRow(2)
    panel = window.views["contact"].list
    panel.refresh()  # the thousand were written behind the window's back
    assert panel.model.rowCount() < 1005  # the ids are read again off the UI thread
    panel.view.setFocus()
    with qtbot.waitSignal(panel.selection_complete, timeout=10_000):
        qtbot.keyClick(panel.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    chosen = panel.selected_ids()
    assert len(chosen) == 1005  # the seed's five and the thousand
    assert panel.model.complete
    _answer(monkeypatch, ["VIP"])
    window._fill_selection_menu()
    add = next(a for a in window.selection_menu.actions() if a.objectName() == "bulk_add_tags")
    assert add.isEnabled()
    start = time.perf_counter()
    add.trigger()
    qtbot.waitUntil(lambda: _tagged(engine, "VIP") == 1005, timeout=30_000)
    wait_idle(qtbot, ctx)
    took = time.perf_counter() - start
    assert took < 15, took
    with read_session(engine) as s:  # one history group for the whole operation
        groups = s.execute(
            select(func.count(func.distinct(m.Change.group_id))).where(m.Change.field == "tags")  # type: ignore[arg-type]
        ).scalar_one()
    assert groups == 1
    assert "VIP" in window.act_undo.text() and window.undo_button.isVisible()
    window.act_undo.trigger()  # Edit → Undo
    qtbot.waitUntil(lambda: _tagged(engine, "VIP") == 0, timeout=30_000)
    wait_idle(qtbot, ctx)
    assert "Undone" in window.statusBar().currentMessage()


def test_ids_read_after_the_first_screen_keep_the_model_sound(
    qtbot: Any, qtmodeltester: Any, ctx: Any, engine: Any
) -> None:
    from app import lists
    from ui.lists.model import RecordListModel

    bulk_contacts(engine, 450)
    model = RecordListModel(ctx, lists.default_query("contact"))
    # the first screen at once (the rest arrives through the event loop, not before)
    assert model.rowCount() == model.FIRST and not model.complete
    with qtbot.waitSignal(model.rowsInserted, timeout=10_000) as inserted:
        pass
    assert inserted.args[1:] == [model.FIRST, 454]
    assert model.complete
    assert model.rowCount() == 455  # the rest of the ids, appended after the first screen
    with read_session(engine) as s:
        assert model.loaded_ids() == lists.ids(s, model.query)
    qtmodeltester.check(model, force_py=True)


def test_context_menu_sets_status_on_selected_actions_and_ctrl_z_undoes(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from PySide6.QtCore import QItemSelectionModel

    window.show_actions("open")
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1):
        panel.view.selectionModel().select(panel.model.index(row, 0), flags)
    chosen = panel.selected_ids()
    with read_session(engine) as s:
        before = {i: records.get(s, "action", i)["status"] for i in chosen}
    panel.view.customContextMenuRequested.emit(QPoint(5, 5))
    menu = window.context_menu
    names = {a.objectName() for a in menu.actions()}
    assert {"bulk_set_status", "bulk_set_due_date", "bulk_set_organisation_id", "bulk_delete"} <= names
    _answer(monkeypatch, "waiting")
    next(a for a in menu.actions() if a.objectName() == "bulk_set_status").trigger()
    menu.close()

    def statuses() -> dict[int, str]:
        with read_session(engine) as s:
            return {i: records.get(s, "action", i)["status"] for i in chosen}

    qtbot.waitUntil(lambda: set(statuses().values()) == {"waiting"}, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert window.undo_button.isVisible()
    from PySide6.QtWidgets import QApplication

    window.activateWindow()  # the context menu took the activation
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: statuses() == before, timeout=10_000)
    wait_idle(qtbot, ctx)


def test_bulk_delete_of_organisations_is_one_undoable_step(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    window.nav.setCurrentRow(1)
    panel = window.views["organisation"].list
    panel.view.selectAll()
    chosen = panel.selected_ids()
    assert len(chosen) == 3
    window.bulk.delete("organisation", chosen, confirm=False)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert window.act_undo.text().startswith(window.tr("&Undo"))
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10_000)
    wait_idle(qtbot, ctx)
