"""History of any record from its page and its context menu: who, when, field, old → new with
names and the user's date format; "Restore this value" as an undoable edit; a conflict shows
the conflict dialog."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel

from app import records
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle


def _open(qtbot: Any, window: Any, entity: str, record_id: int) -> Any:
    window.navigate(entity, record_id)
    assert window.act_history in window.views[entity].detail.toolbar.actions()
    window.act_history.trigger()
    dialog = window.history_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    return dialog


def _rows(dialog: Any) -> list[tuple[str, ...]]:
    m = dialog.model
    return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]


def _select(dialog: Any, row: int) -> None:
    dialog.table.selectionModel().select(
        dialog.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_every_record_page_and_context_menu_offers_history(
    qtbot: Any, window: Any, ids: dict[str, Any]
) -> None:
    for entity, key in (
        ("organisation", "nic"),
        ("contact", "nhung"),
        ("meeting", "past_meeting"),
        ("action", "a_week"),
    ):
        assert window.act_history in window.record_actions[entity]
        window.navigate(entity, ids[key])
        assert window.act_history.isEnabled()
        view = window.views[entity]
        menu = window.bulk.context_menu(
            window,
            entity,
            view.list.selected_ids,
            [a for a in window.record_actions[entity] if a is not window.act_delete],
        )
        assert menu is not None and window.act_history in menu.actions()


def test_history_shows_names_dates_and_restores_an_old_value_undoably(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, qtmodeltester: Any
) -> None:
    ctx.settings.date_format = "ymd"
    with unit_of_work(engine) as s:
        records.update(s, "action", ids["a_week"], {"due_date": dt.date(2026, 12, 10), "organisation_id": ids["genetica"]}, expected_version=None, actor="Lê Văn Bình")  # fmt: skip
    dialog = _open(qtbot, window, "action", ids["a_week"])
    qtmodeltester.check(dialog.model, force_py=True)
    rows = _rows(dialog)
    assert dialog.windowTitle() == "History of Receive pilot budget"
    changed = {r[2]: r for r in rows}
    assert changed["Due"][1:] == ("Lê Văn Bình", "Due", "2026-11-27", "2026-12-10")
    assert changed["Organisation"][3:] == ("Trung tâm Đổi mới sáng tạo Quốc gia", "Genetica")
    assert rows[-1][2] == "Created" and rows[-1][3:] == ("", "")
    assert rows[0][0].startswith("2026-11-23 ")

    due_row = next(i for i, r in enumerate(rows) if r[2] == "Due")
    _select(dialog, due_row)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        assert records.get(s, "action", ids["a_week"])["due_date"] == dt.date(2026, 11, 27)
    qtbot.waitUntil(lambda: dialog.loaded and len(_rows(dialog)) == len(rows) + 1, timeout=10_000)
    assert _rows(dialog)[0][2:] == ("Due", "2026-12-10", "2026-11-27")
    _select(dialog, 0)
    assert dialog.restore_button.isEnabled()  # its old value (the 10th) can be written back in turn
    # the restore is an ordinary edit: Ctrl+Z takes it back
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        assert records.get(s, "action", ids["a_week"])["due_date"] == dt.date(2026, 12, 10)
    # a value the record holds already cannot be "restored"
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    created = len(_rows(dialog)) - 1
    _select(dialog, created)
    assert not dialog.restore_button.isEnabled()


def _restore_position_after(
    qtbot: Any,
    window: Any,
    ctx: Any,
    ids: dict[str, Any],
    engine: Any,
    monkeypatch: Any,
    theirs: dict[str, Any],
) -> list[Any]:
    """Dang's History open on "Position: Phó Giám đốc → Giám đốc"; someone else saves
    ``theirs`` (another window: this one is not told); "Restore this value" pressed, a conflict
    answered "Save mine over theirs". The conflicts shown."""
    import ui.history

    with unit_of_work(engine) as s:
        records.update(s, "contact", ids["dang"], {"position": "Giám đốc"}, expected_version=None)
    dialog = _open(qtbot, window, "contact", ids["dang"])
    shown: list[Any] = []

    class Conflict:
        def __init__(self, _ctx: Any, exc: Any, _parent: Any) -> None:
            shown.append(exc)
            self.choice = "mine"

        def exec(self) -> int:
            return 1

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(ui.history, "ConflictDialog", Conflict)
    with unit_of_work(engine) as s:
        records.update(s, "contact", ids["dang"], theirs, expected_version=None)
    row = next(i for i, r in enumerate(_rows(dialog)) if r[2] == "Position")
    _select(dialog, row)
    window.statusBar().clearMessage()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=10_000)
    wait_idle(qtbot, ctx)
    return shown


def test_a_record_saved_since_the_history_was_opened_in_another_field_restores_without_asking(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviewer: a colleague's note saved since the History was opened made "Restore this
    value" (the position) a conflict; the two edits do not clash and are now both kept."""
    shown = _restore_position_after(qtbot, window, ctx, ids, engine, monkeypatch, {"notes": "gọi lại"})
    assert shown == []
    with read_session(engine) as s:
        current = records.get(s, "contact", ids["dang"])
    assert (current["position"], current["notes"]) == ("Phó Giám đốc", "gọi lại")
    assert window.statusBar().currentMessage() == "Position set back to “Phó Giám đốc”"


def test_the_same_field_changed_since_the_history_was_opened_shows_the_conflict_dialog(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = {"position": "Trưởng phòng", "notes": "gọi lại"}
    shown = _restore_position_after(qtbot, window, ctx, ids, engine, monkeypatch, theirs)
    assert len(shown) == 1 and shown[0].clashing == ["position"]
    assert (shown[0].current["position"], shown[0].attempted) == (
        "Trưởng phòng",
        {"position": "Phó Giám đốc"},
    )
    with read_session(engine) as s:
        current = records.get(s, "contact", ids["dang"])
    assert (
        current["position"] == "Phó Giám đốc" and current["notes"] == "gọi lại"
    )  # "save mine" kept theirs too
