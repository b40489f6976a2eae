"""The merge dialog while someone else saves one of the two records.

It refused any save since it opened ("changed … (version 3, you edited version 2); reload it"),
without saying what changed, and kept showing the old values. Now a save the merge keeps (the
kept record's newer position) is merged with and said in the status bar; one it would drop (the
removed record's new position, when the kept one's is chosen) is refused naming the field with
their value, and the dialog shows the two records as they are now, to choose again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app import records
from db.engine import read_session, unit_of_work
from tests.helpers import another_save
from tests.ui.helpers import wait_idle

THEY = "Trần Văn Bình"  # the colleague who saves meanwhile


def _pair(engine: Any) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "Nguyễn Văn Hùng", "position": "Giám đốc"})
        b = records.create(s, "contact", {"full_name": "Nguyen Van Hung", "position": "Engineer"})
    return a, b


def _dialog(qtbot: Any, window: Any, ctx: Any, a: int, b: int) -> Any:
    from ui.dialogs.duplicates import MergeDialog

    dialog = MergeDialog(ctx, window.commands, "contact", a, b, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(object, "merge_position_survivor").setChecked(True)
    return dialog


def test_the_kept_records_newer_position_is_merged_and_said(
    qtbot: Any, window: Any, ctx: Any, engine: Any
) -> None:
    a, b = _pair(engine)
    dialog = _dialog(qtbot, window, ctx, a, b)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    another_save(engine, "contact", a, {"position": "Phó Giám đốc"}, THEY)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merged_ids == (a, b), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert dialog.newer_said == (
        "What was saved on them meanwhile in another window or from the command line is kept: Position."
    )
    assert said[-1].endswith(dialog.newer_said) and said[-1].startswith("Merged “Nguyen Van Hung” into")
    with read_session(engine) as s:
        assert records.get(s, "contact", a)["position"] == "Phó Giám đốc"


def test_the_removed_records_new_position_refuses_and_shows_the_pair_as_it_is_now(
    qtbot: Any, window: Any, ctx: Any, engine: Any
) -> None:
    a, b = _pair(engine)
    dialog = _dialog(qtbot, window, ctx, a, b)
    another_save(engine, "contact", b, {"position": "CTO"}, THEY)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert "Position is now CTO (yours: Giám đốc). Nothing was overwritten" in dialog.error.text()
    assert dialog.merged_ids is None and dialog.merge_button.isEnabled()
    assert dialog.findChild(object, "merge_position_other").text() == "CTO"  # as it is now
    dialog.findChild(object, "merge_position_other").setChecked(True)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merged_ids == (a, b), timeout=10_000)
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        assert records.get(s, "contact", a)["position"] == "CTO"
