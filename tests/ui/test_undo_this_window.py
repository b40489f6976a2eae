"""Ctrl+Z undoes what THIS window did (reviewer: she edited a contact in the window, ``ketnoi
contact edit`` changed another under her login meanwhile, and Ctrl+Z undid the command line's
change — "Đã hoàn tác: Sửa liên hệ 'Trần Anh Hà'" — with her own edit next). What the command
line, another window or a colleague did since the window opened is not offered; with nothing
of the window's own left, Edit → Undo is off and says that Undo history… lists every change,
with who made it — and that dialog still undoes a colleague's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app import records
from db.engine import read_session, sqlite_path, unit_of_work
from db.migrate import open_database
from tests.cli.inproc import run_cli
from tests.ui.helpers import wait_idle

ME = "Trần Minh Anh"  # the seed's staff member, the ctx fixture's user
LAN = "Lê Thị Lan"


def _contact(engine: Any, rid: int) -> dict[str, Any]:
    with read_session(engine) as s:
        return dict(records.snapshot(s, "contact", rid, include_deleted=True))


def test_ctrl_z_undoes_this_windows_delete_not_the_command_lines_later_edit(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    assert ctx.actor() == ME
    window.navigate("contact", ids["bao"])
    panel = window.views["contact"].list
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # her step, in this window
    wait_idle(qtbot, ctx)
    assert _contact(engine, ids["bao"])["deleted_at"] is not None

    db_file = sqlite_path(str(ctx.engine.url))
    assert isinstance(db_file, Path)
    done = run_cli(  # the same person's name on the command line, later
        db_file, "contact", "edit", str(ids["smith"]), "--position", "Giám đốc", env={"KETNOI_ACTOR": ME}
    )
    assert done.returncode == 0, done.stderr
    ctx.records_changed({"contact": [ids["smith"]]}, fields={"contact": ["position"]}, membership=False)
    wait_idle(qtbot, ctx)

    assert window.act_undo.isEnabled()
    assert window.act_undo.text() == '&Undo: Deleted contact "Vũ Ngọc Bảo"'  # not the CLI's edit
    window.act_undo.trigger()  # Ctrl+Z
    wait_idle(qtbot, ctx)
    assert _contact(engine, ids["bao"])["deleted_at"] is None  # hers undone
    assert _contact(engine, ids["smith"])["position"] == "Giám đốc"  # the command line's kept
    assert window.statusBar().currentMessage() == 'Undone: Deleted contact "Vũ Ngọc Bảo"'
    assert not window.act_undo.isEnabled()  # nothing else of this window's


def test_with_nothing_of_this_windows_undo_is_off_and_the_history_undoes_a_colleagues(
    qtbot: Any, window: Any, ctx: Any, db_url: str, ids: dict[str, Any]
) -> None:
    from ui.dialogs.undo_history import COL_WHO, UndoHistoryDialog

    other = open_database(db_url)  # another window (hers) and a colleague, on the same file
    try:
        mine_elsewhere = records.new_group_id()
        lans = records.new_group_id()
        with unit_of_work(other) as s:
            records.update(
                s, "contact", ids["smith"], {"position": "Giám đốc"}, expected_version=None,
                actor=ME, group_id=mine_elsewhere,
            )  # fmt: skip
        with unit_of_work(other) as s:
            records.update(
                s, "organisation", ids["nic"], {"city": "Huế"}, expected_version=None,
                actor=LAN, group_id=lans,
            )  # fmt: skip
    finally:
        other.dispose()
    ctx.records_changed({"contact": [ids["smith"]], "organisation": [ids["nic"]]}, membership=False)
    wait_idle(qtbot, ctx)

    undo = window.act_undo
    assert not undo.isEnabled() and ctx.undo_offer is None
    assert undo.text() == "&Undo" and not window.undo_button.isVisible()
    assert "Undo history" in undo.toolTip() and "who made it" in undo.toolTip()
    assert undo.statusTip() == undo.toolTip()
    menu = window.menus["edit"]  # the pointer resting on the item that is off: it says why
    menu.popup(window.mapToGlobal(QPoint(0, 0)))
    qtbot.waitExposed(menu)
    spot = menu.actionGeometry(undo).center()
    QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, spot, menu.mapToGlobal(spot)))
    assert QToolTip.isVisible() and QToolTip.text() == undo.toolTip()
    QToolTip.hideText()
    menu.hide()

    dialog = UndoHistoryDialog(ctx, window)  # every step, with whose it was
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loads >= 1, timeout=10_000)
    rows = {e.group_id: (e, r) for r, e in enumerate(dialog.model.rows)}
    assert rows[lans][0].undoable and rows[mine_elsewhere][0].undoable
    assert dialog.model.index(rows[lans][1], COL_WHO).data() == LAN
    dialog.select_group(lans)
    assert dialog.undo_button.isEnabled()
    loads = dialog.loads
    dialog.undo_selected()
    qtbot.waitUntil(lambda: dialog.loads > loads, timeout=10_000)
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        assert records.get(s, "organisation", ids["nic"])["city"] != "Huế"  # the colleague's undone
    dialog.close()
    assert not window.act_undo.isEnabled()  # (an undo is not a step to undo: Redo offers it back)
    assert window.act_redo.isEnabled()
