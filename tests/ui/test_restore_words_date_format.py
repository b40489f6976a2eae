"""The window's sentences about a restore from a backup write its day in the date format chosen
in Settings, as the window's other dates (reviewer: "(06/12/2026 09:14)" under year-month-day);
the command line keeps dd/mm/yyyy. The status bar's "Nothing to undo: the database was restored
…" and the Undo history's reason for an operation from before the restore; a real backup
restored into the window's SQLite file."""

from __future__ import annotations

from typing import Any

from app import bulk_edit, undo
from app.cli import main
from db import backup as backups
from db.engine import read_session, sqlite_path, unit_of_work
from tests.ui.helpers import restore_in_window

TIMEOUT = 10_000


def test_restore_sentences_follow_the_chosen_date_format(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any, capsys: Any
) -> None:
    from ui.dialogs.undo_history import UndoHistoryDialog

    ctx.settings.date_format = "ymd"
    db_file = sqlite_path(str(ctx.engine.url))
    assert db_file is not None
    with unit_of_work(ctx.engine) as s:  # done before the backup
        deleted = bulk_edit.delete_records(s, "organisation", [ids["genetica"]], actor=ctx.actor())
    taken = backups.take(db_file, "manual")
    assert taken is not None

    restore_in_window(qtbot, ctx, window, monkeypatch, taken, TIMEOUT)
    with read_session(ctx.engine) as s:
        mark = undo.restore_mark(s)
    assert mark is not None
    ymd, dmy = f"{mark.at:%Y-%m-%d %H:%M}", f"{mark.at:%d/%m/%Y %H:%M}"

    assert f"({ymd})" in ctx.undo_blocked and dmy not in ctx.undo_blocked  # the status bar's

    history = UndoHistoryDialog(ctx, window)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: history.loads > 0, timeout=TIMEOUT)
    row = next(r for r, e in enumerate(history.model.rows) if e.group_id == deleted)
    tip = history.model.index(row, 0).data(3)  # the tooltip: label, status, reason
    assert f"({ymd})" in tip and dmy not in tip
    history.close()

    # the command line keeps its dd/mm/yyyy
    assert main(["undo", deleted, "--db", str(db_file)]) == 1
    assert f"({dmy})" in capsys.readouterr().err
