"""A list's "Merge the two selected…" (and Tools → Find duplicates' Merge…) reads which record to keep (the one with more linked
history: app.merge.kept_first) and what the merge dialog shows off the UI thread, then opens the
dialog. Counting each record's history held the window on a team database
(tests/benchmarks/probe_trash_merge_freeze.py). Here every query waits, as on a far server: the
command returns at once with a busy cursor and a word in the status bar, the window keeps
answering (its timer runs), no query runs on the UI thread until the dialog is up, and the
dialog keeps the record with the meeting, whichever was selected first."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog

from tests.ui.helpers import FarServer, wait_idle
from tests.ui.test_merge_keeps_history import _trang_twice

FAR_S = 0.2  # what each query waits


def test_merge_the_two_selected_reads_off_the_ui_thread_and_keeps_the_one_with_history(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import duplicates
    from ui.main_window import VIEWS

    older, newer = _trang_twice(engine, ids)  # the older one is in a meeting
    window.nav.setCurrentRow(VIEWS.index("contact"))
    panel = window.views["contact"].list
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.row_of(newer) >= 0, timeout=10_000)
    assert panel.select_id(newer)  # the newer one selected first
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    panel.view.selectionModel().select(panel.model.index(panel.model.row_of(older), 0), flags)
    assert panel.selected_ids() == [newer, older]
    wait_idle(qtbot, ctx)  # (the page of the record selected read)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    far = FarServer(engine, FAR_S)
    shown: list[dict[str, Any]] = []

    def exec_(dialog: Any) -> int:
        shown.append(
            {
                "kept": (dialog.survivor_id, dialog.other_id),
                "intro": dialog.intro.text(),
                "ticks": far.ticks,
                "on_ui_thread": far.on_ui_thread(),
                "cursor": window.cursor().shape(),
            }
        )
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(duplicates.MergeDialog, "exec", exec_)
    window._fill_selection_menu()
    merge = next(x for x in window.selection_menu.actions() if x.objectName() == "bulk_merge")
    far.start()
    try:
        started = time.monotonic()
        merge.trigger()
        took = time.monotonic() - started
        ticks_at_click = far.ticks
        assert shown == [] and took < FAR_S, f"the command waited {took:.2f} s for the database"
        assert window.cursor().shape() == Qt.CursorShape.BusyCursor
        assert said[-1] == "Reading the two records to merge…"
        merge.trigger()  # (a second Merge meanwhile: one dialog)
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    finally:
        far.stop()
    wait_idle(qtbot, ctx)
    assert len(shown) == 1
    dialog = shown[0]
    assert dialog["kept"] == (older, newer)
    assert "Moving to the kept record: 0 meetings" in dialog["intro"]  # (the newer has none)
    assert not dialog["on_ui_thread"], "a query ran on the UI thread"
    assert far.threads, "nothing was read"
    assert dialog["ticks"] - ticks_at_click >= 5, "the window stood still while the two were read"
    assert dialog["cursor"] != Qt.CursorShape.BusyCursor
    assert window.cursor().shape() != Qt.CursorShape.BusyCursor


def test_find_duplicates_merge_reads_the_pair_off_the_ui_thread(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import duplicates

    met, typed = _trang_twice(engine, ids, typed_first=True)  # the later one is in a meeting
    window.nav.setCurrentRow(2)  # Contacts
    window.act_duplicates.trigger()
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: dialog._task is None and dialog.tree.topLevelItemCount() > 0, timeout=10_000)
    ours = next(n for n, g in enumerate(dialog.groups) if met in g.ids)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(ours))
    wait_idle(qtbot, ctx)
    far = FarServer(engine, FAR_S)
    shown: list[dict[str, Any]] = []

    def exec_(merge_dialog: Any) -> int:
        shown.append(
            {
                "kept": (merge_dialog.survivor_id, merge_dialog.other_id),
                "ticks": far.ticks,
                "on_ui_thread": far.on_ui_thread(),
            }
        )
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(duplicates.MergeDialog, "exec", exec_)
    far.start()
    try:
        started = time.monotonic()
        dialog.merge_button.click()
        took = time.monotonic() - started
        ticks_at_click = far.ticks
        assert shown == [] and took < FAR_S, f"Merge… waited {took:.2f} s for the database"
        assert not dialog.merge_button.isEnabled()  # (not pressed twice meanwhile)
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    finally:
        far.stop()
    wait_idle(qtbot, ctx)
    assert shown[0]["kept"] == (met, typed)
    assert not shown[0]["on_ui_thread"], "a query ran on the UI thread"
    assert shown[0]["ticks"] - ticks_at_click >= 5, "the window stood still while the pair was read"
    assert dialog.merge_button.isEnabled()
    dialog.close()


def test_keeping_the_other_record_reads_nothing_again(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    """ "Keep the other record instead" exchanges the two as read (the defaults chosen again):
    it read both records again on the UI thread. The merge's own check meets what was saved since."""
    from app import records
    from db.engine import read_session
    from ui.dialogs.merge_dialog import MergeDialog

    older, newer = _trang_twice(engine, ids)
    dialog = MergeDialog(ctx, window.commands, "contact", older, newer, parent=window)
    qtbot.addWidget(dialog)
    intro = dialog.intro.text()
    far = FarServer(engine, 0.0)
    far.start()
    try:
        dialog.swap_button.click()
    finally:
        far.stop()
    assert not far.threads, "the swap read the database"
    assert (dialog.survivor_id, dialog.other_id) == (newer, older)
    assert dialog.choices()["full_name"] == "other"  # the accented name, now the other's
    assert "Moving to the kept record: 1 meeting" in dialog.intro.text() != intro
    assert dialog.findChild(object, "merge_organisation_id_survivor").text().startswith("Trung tâm")
    dialog.swap_button.click()  # and back
    assert (dialog.survivor_id, dialog.other_id) == (older, newer) and dialog.intro.text() == intro
    dialog.swap_button.click()
    dialog.do_merge()
    qtbot.waitUntil(lambda: dialog.merged_ids is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        kept = records.get(s, "contact", newer)
    assert kept["full_name"] == "Phạm Thị Thu Trang" and kept["position"] == "Chuyên viên"
