"""File → Import calendar invitation of an update while a colleague corrects the meeting's room
with the preview open: the import refused it all ("changed … (version 3, you edited version
2); reload it"); now the new time is written beside their room, and the status bar says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import calendars, records
from db.engine import read_session, unit_of_work
from tests.app.mail.test_calendars import _outlook

TIMEOUT = 10_000


def test_a_room_corrected_with_the_preview_open_is_kept_beside_the_new_time(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import calendar_files

    refused: list[str] = []  # a refusal's box, answered (it would wait for a click)
    monkeypatch.setattr(calendar_files.QMessageBox, "warning", lambda _p, _t, text: refused.append(text))

    ics = tmp_path / "invite.ics"
    ics.write_bytes(_outlook())
    calendar_files.import_invitation(window, ctx, ics, ask=False)
    qtbot.waitUntil(
        lambda: "created from the invitation" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    with read_session(ctx.engine) as s:
        mid = calendars.plan_invitation(s, calendars.read_ics(_outlook(), "invite.ics")).meeting_id
    assert mid is not None
    ics.write_bytes(_outlook(seq=1, start="100000"))  # the organiser moves it to 10:00

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "invitation_dialog":
            QTimer.singleShot(50, answer)
            return
        with unit_of_work(ctx.engine) as s:  # a colleague, with the preview open
            records.update(s, "meeting", mid, {"location": "Phòng 301, Genetica"}, expected_version=None)
        dialog.accept()

    QTimer.singleShot(50, answer)
    calendar_files.import_invitation(window, ctx, ics)
    qtbot.waitUntil(
        lambda: "updated from the invitation" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    assert (
        window.statusBar()
        .currentMessage()
        .endswith(
            ". What was saved on the meeting meanwhile in another window or from the command line is kept: Location."
        )
    )
    with read_session(ctx.engine) as s:
        now = records.get(s, "meeting", mid)
    assert (now["location"], now["starts_at"]) == ("Phòng 301, Genetica", dt.datetime(2026, 12, 3, 10, 0))
