"""A record's History (Ctrl+H) tells a redo from an undo (reviewer h129: an action's new due date
undone and redone read "Undo" twice, "Hoàn tác" in Vietnamese): each says what it took back or
did again, as Edit → Undo history does — "Undo: Rescheduled action …", "Redo: …"; "Hoàn tác:
Dời hạn việc cần làm …", "Làm lại: …"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import records, undo
from db.engine import unit_of_work
from tests.ui.test_history import _open, _rows
from ui import i18n

TITLE = "Send the compute-credit programme terms"


def _rescheduled_undone_redone(engine: Any) -> int:
    with unit_of_work(engine) as s:
        aid = records.create(s, "action", {"title": TITLE, "due_date": dt.date(2026, 12, 10)})
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        version = records.get(s, "action", aid)["version"]
        records.update(
            s, "action", aid, {"due_date": dt.date(2026, 12, 20)}, expected_version=version, group_id=group
        )
    with unit_of_work(engine) as s:
        undone = undo.undo_group(s, group).group_id
    with unit_of_work(engine) as s:
        undo.undo_group(s, undone)  # the undo undone: a redo
    return aid


def test_history_says_the_redo_as_a_redo_of_what(qtbot: Any, qapp: Any, window: Any, engine: Any) -> None:
    aid = _rescheduled_undone_redone(engine)
    dialog = _open(qtbot, window, "action", aid)
    said = [row[2] for row in _rows(dialog)]
    assert said[:4] == [
        "Due",
        f'Redo: Rescheduled action "{TITLE}"',
        "Due",
        f'Undo: Rescheduled action "{TITLE}"',
    ], said
    dialog.close()
    assert i18n.install(qapp, "vi") == "vi"
    try:
        dialog = _open(qtbot, window, "action", aid)
        said = [row[2] for row in _rows(dialog)]
        assert f'Làm lại: Dời hạn việc cần làm "{TITLE}"' in said, said
        assert f'Hoàn tác: Dời hạn việc cần làm "{TITLE}"' in said, said
        dialog.close()
    finally:
        i18n.install(qapp, "en")
