"""A record form left open while the database is restored from a backup (reviewer: its save
went onto whatever the restored file has under that id). The save is refused, the dialog says a
restore happened and offers no "Save mine over theirs", and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton

from app import records
from db import backup as backups
from db.engine import read_session, unit_of_work
from db.migrate import restore_database


def test_a_form_open_during_a_restore_is_told_and_writes_nothing(
    qtbot: Any, ctx: Any, ids: Any, engine: Any, db_path: Path, monkeypatch: Any
) -> None:
    from ui.dialogs import record_form

    with unit_of_work(engine) as s:  # the backup's Đặng has no position
        records.update(s, "contact", ids["dang"], {"position": ""}, expected_version=None)
    backup = backups.take(db_path, "manual")
    assert backup is not None
    form = record_form.RecordForm(ctx, "contact", ids["dang"])
    qtbot.addWidget(form)
    restore_database(f"sqlite:///{db_path}", backup)  # from another window

    seen: dict[str, Any] = {}

    def fake_exec(dialog: Any) -> int:
        seen["shown"] = seen.get("shown", 0) + 1
        seen["title"] = dialog.windowTitle()
        seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]
        seen["rows"] = [
            [dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())
        ]
        dialog.choice = "edit"
        return 0

    monkeypatch.setattr(record_form.ConflictDialog, "exec", fake_exec)
    form.widgets["position"].setText("Phó Giám đốc")
    form.save()
    qtbot.waitUntil(lambda: "title" in seen, timeout=10_000)
    assert seen["title"] == "The database was restored from a backup"
    assert "Save mine over theirs" not in seen["buttons"]
    # what was typed, beside the restored record's (reviewer: an empty table, and "theirs")
    assert seen["rows"] == [["Position", "—", "Phó Giám đốc"]]
    assert "Discard mine, keep the restored record" in seen["buttons"]
    assert "restored from a backup" in form.general_error.text()
    form.save()  # again: still refused, the form never takes the restored record's version
    qtbot.waitUntil(lambda: seen["shown"] == 2 and form.buttons.isEnabled(), timeout=10_000)
    with read_session(engine) as s:
        assert not records.get(s, "contact", ids["dang"])["position"]


def test_the_restore_is_dated_in_the_chosen_date_format(
    qtbot: Any, ctx: Any, ids: Any, engine: Any, db_path: Path, monkeypatch: Any
) -> None:
    """Reviewer: "(ketnoi-…-before-import.db, 2026-12-06 02:58)" — an ISO date where every other
    date is 06/12/2026."""
    import datetime as dt

    from PySide6.QtWidgets import QLabel

    from db.models import Setting
    from ui.dialogs import record_form

    assert ctx.settings.date_format == "dmy"
    backup = backups.take(db_path, "before-import")
    assert backup is not None
    form = record_form.RecordForm(ctx, "contact", ids["dang"])
    qtbot.addWidget(form)
    restore_database(f"sqlite:///{db_path}", backup)
    with read_session(engine) as s:
        mark = s.get(Setting, backups.RESTORED_KEY)
        assert mark is not None
        at = dt.datetime.fromisoformat(mark.value["at"]).replace(tzinfo=None)

    seen: list[str] = []

    def fake_exec(dialog: Any) -> int:
        seen.extend(label.text() for label in dialog.findChildren(QLabel) if "restored" in label.text())
        dialog.choice = "edit"
        return 0

    monkeypatch.setattr(record_form.ConflictDialog, "exec", fake_exec)
    form.widgets["position"].setText("Chuyên viên chính")
    form.save()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    said = f"({backup.name}, {at:%d/%m/%Y %H:%M})"
    assert said in seen[0], seen[0]
    assert at.isoformat()[:10] not in seen[0]
    qtbot.waitUntil(form.buttons.isEnabled, timeout=10_000)
