"""Log meeting left open while the database is restored (reviewer h97): a contact picked, the
database restored from a backup that did not hold it, another contact created since taking its
id — the meeting was saved with that other person. The save is refused, the picks are taken
out (what was typed stays), and the meeting saved with the people picked again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app import records
from db import backup as backups
from db.engine import read_session, unit_of_work
from db.migrate import restore_database
from tests.ui.helpers import wait_idle


def test_a_restore_between_the_pick_and_the_save_never_saves_another_person(
    qtbot: Any, ctx: Any, engine: Any, db_path: Path
) -> None:
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.dialogs.pickers import Chosen

    backup = backups.take(db_path, "manual")
    assert backup is not None
    with unit_of_work(engine) as s:
        moi = records.create(s, "contact", {"full_name": "Đinh Văn Mới"})
    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Họp sau sao lưu")
    dialog.attendees.add(Chosen(moi, "Đinh Văn Mới"))
    dialog.attendees.changed.emit()
    wait_idle(qtbot, ctx)  # (the dialog's look-ups done: a restore comes at a person's pace)
    with dt_frozen():
        restore_database(f"sqlite:///{db_path}", backup)  # from the command line
    engine.dispose()  # (connections opened anew, as another process's would be)
    with unit_of_work(engine) as s:
        khac = records.create(s, "contact", {"full_name": "Hoàng Thị Khác"})
    assert khac == moi  # (the id the backup never held, given again)
    dialog.save()
    qtbot.waitUntil(
        lambda: dialog.buttons.isEnabled() and bool(dialog.errors["general"].text()), timeout=10_000
    )
    said = dialog.errors["general"].text()
    assert "restored from the backup" in said and backup.name in said
    assert dialog.attendees.values() == [] and dialog.title.text() == "Họp sau sao lưu"
    with read_session(engine) as s:
        titles = s.execute(text("SELECT title FROM meeting")).scalars().all()
    assert "Họp sau sao lưu" not in titles
    # picked again (knowingly, the one there is now): saved
    dialog.attendees.add(Chosen(khac, "Hoàng Thị Khác"))
    dialog.attendees.changed.emit()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        saved = records.get(s, "meeting", dialog.saved_id)
    assert [a["full_name"] for a in saved["attendees"]] == ["Hoàng Thị Khác"]
    wait_idle(qtbot, ctx)


def dt_frozen() -> Any:
    from db import clock

    return clock.frozen(dt.datetime(2026, 12, 6, 22, 59), ticking=False)
