"""After a save met the merge (the record changed under the dialog: another window, a colleague),
the merge dialog reads the two records again off the UI thread, as a list's Merge reads them
first (h142, tests/ui/test_list_merge_off_the_ui_thread.py). It read them on the UI thread: on a
far team server the window held still. Meanwhile the dialog is busy — a busy cursor, "Reading the
two records again…" in it and in the status bar, Merge and Keep the other off — and then it shows
the records as they are now, to choose again."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app import records
from db.engine import read_session, unit_of_work
from tests.helpers import another_save
from tests.ui.helpers import wait_idle

THEY = "Trần Văn Bình"


def _pair(engine: Any) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "Nguyễn Văn Hùng", "position": "Giám đốc"})
        b = records.create(s, "contact", {"full_name": "Nguyen Van Hung", "position": "Engineer"})
    return a, b


def test_the_pair_is_read_again_on_another_thread_with_the_dialog_busy(
    qtbot: Any, window: Any, ctx: Any, engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import merge_facts
    from ui.dialogs.merge_dialog import MergeDialog

    a, b = _pair(engine)
    dialog = MergeDialog(ctx, window.commands, "contact", a, b, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(object, "merge_position_survivor").setChecked(True)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    ui_thread = threading.get_ident()
    reads: list[int] = []  # the threads read_pair ran on
    go_on = threading.Event()
    real = merge_facts.read_pair

    def read_pair(s: Any, entity: str, survivor_id: int, other_id: int) -> Any:
        reads.append(threading.get_ident())
        go_on.wait(timeout=5)  # held, as on a far server, until the busy dialog is seen
        return real(s, entity, survivor_id, other_id)

    monkeypatch.setattr(merge_facts, "read_pair", read_pair)
    another_save(engine, "contact", b, {"position": "CTO"}, THEY)  # the removed one's, dropped
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: bool(reads), timeout=10_000)
        assert reads[0] != ui_thread, "the records were read again on the UI thread"
        busy = {
            "cursor": dialog.cursor().shape(),
            "merge": dialog.merge_button.isEnabled(),
            "swap": dialog.swap_button.isEnabled(),
            "reading": dialog.findChild(object, "merge_reading").isVisible(),
            "said": said[-1] if said else "",
            "position": dialog.findChild(object, "merge_position_other").text(),
        }
    finally:
        go_on.set()
    assert busy == {
        "cursor": Qt.CursorShape.BusyCursor,
        "merge": False,
        "swap": False,
        "reading": True,
        "said": "Reading the two records again…",
        "position": "Engineer",  # (as read before, until the new reading comes)
    }
    assert "Position is now CTO (yours: Giám đốc). Nothing was overwritten" in dialog.error.text()
    qtbot.waitUntil(lambda: dialog.findChild(object, "merge_position_other").text() == "CTO", timeout=10_000)
    wait_idle(qtbot, ctx)
    assert set(reads) == {reads[0]}  # (read once, off the UI thread)
    assert dialog.cursor().shape() != Qt.CursorShape.BusyCursor
    assert dialog.merge_button.isEnabled() and dialog.swap_button.isEnabled()
    assert not dialog.findChild(object, "merge_reading").isVisible()
    assert dialog.error.isVisible()  # why the pair was read again stays said
    dialog.findChild(object, "merge_position_other").setChecked(True)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merged_ids == (a, b), timeout=10_000)
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        assert records.get(s, "contact", a)["position"] == "CTO"


def test_a_record_gone_meanwhile_is_said_and_merge_stays_off(
    qtbot: Any, window: Any, ctx: Any, engine: Any
) -> None:
    from ui.dialogs.merge_dialog import MergeDialog

    a, b = _pair(engine)
    dialog = MergeDialog(ctx, window.commands, "contact", a, b, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(object, "merge_position_survivor").setChecked(True)
    another_save(engine, "contact", b, {"position": "CTO"}, THEY)
    dialog.reload(a, b + 1000)  # (a pair that cannot be read: a record deleted for good)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert dialog.error.text()
    assert not dialog.merge_button.isEnabled()
    assert dialog.cursor().shape() != Qt.CursorShape.BusyCursor
    assert not dialog.findChild(object, "merge_reading").isVisible()
