"""Edit meeting left open while a colleague deletes the meeting (two officers on one database).
Reviewer: Tuấn typed the decisions and pressed Ctrl+Return; the dialog said in English that Lan
had deleted it and Save did nothing more; the dialog is modal (View → Trash out of reach) and Esc
asked "Discard this meeting?": his minutes were lost. The dialog now does as the record form
does (ui.dialogs.gone): who did it and when, and "Restore and keep my changes", which restores
the meeting and saves what was typed (follow-ups too) in one unit of work; emptied from the
trash, it is saved as a new meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import bulk_edit, meetings, records, trash
from app.errors import RecordGone, ValidationError
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import ACT, CHANGE, MEET
from tests.ui.helpers import open_log_meeting

TIMEOUT = 10_000


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The ways on offered (text, button), each taken."""
    from ui.dialogs import gone

    asked: list[tuple[str, str]] = []

    def answer(_parent: Any, _title: str, text: str, go: str) -> bool:
        asked.append((text, go))
        return True

    monkeypatch.setattr(gone, "ask_way_on", answer)
    return asked


def _colleague_deletes(db_path: Path, meeting_id: int, *, empty_trash: bool = False) -> None:
    """Lan, in another program on the same file: the meeting to the trash (and the trash emptied)."""
    other = open_database(f"sqlite:///{db_path}")
    try:
        with unit_of_work(other) as s:
            bulk_edit.delete_records(s, "meeting", [meeting_id], actor="Trần Thị Lan")
        if empty_trash:
            with unit_of_work(other) as s:
                trash.empty_trash(s, actor="Trần Thị Lan")
    finally:
        other.dispose()


def _type_minutes(dialog: Any) -> None:
    dialog.minutes.setPlainText("Viettel sẽ thử nghiệm UAV ở Hòa Lạc")
    dialog.decisions.setPlainText("Ký biên bản ghi nhớ trong tháng sau")
    dialog.followups.what.setText("Gửi dự thảo biên bản cho Viettel")
    dialog.followups.add_current()


def test_a_save_after_a_colleagues_delete_restores_the_meeting_with_the_minutes(
    qtbot: Any, ctx: Any, ids: dict[str, Any], db_path: Path, engine: Engine, answers: list[tuple[str, str]]
) -> None:
    meeting = ids["past_meeting"]
    dialog = open_log_meeting(qtbot, ctx, meeting_id=meeting)
    _type_minutes(dialog)
    _colleague_deletes(db_path, meeting)
    said: list[str] = []
    ctx.status_message.connect(said.append)

    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=TIMEOUT)
    text, go = answers[0]
    assert "Trần Thị Lan deleted this meeting" in text and "View → Trash" in text
    assert "still in this form" in text and "(id " not in text  # not the service's English line
    assert go == "Restore and keep my changes"
    assert dialog.saved_id == meeting and not dialog.isVisible()
    with read_session(engine) as s:
        now = records.get(s, "meeting", meeting)  # live again
        follow_ups = s.execute(select(ACT.c.title).where(ACT.c.meeting_id == meeting)).scalars().all()
        groups = s.execute(
            select(CHANGE.c.op, CHANGE.c.group_id)
            .where(CHANGE.c.entity == "meeting", CHANGE.c.entity_id == meeting, CHANGE.c.field == "")
            .order_by(CHANGE.c.id)
        ).all()
    assert now["minutes"] == "Viettel sẽ thử nghiệm UAV ở Hòa Lạc"
    assert now["decisions"] == "Ký biên bản ghi nhớ trong tháng sau"
    assert now["location"] == "Hòa Lạc" and len(now["attendees"]) == 2  # the rest as it was
    assert "Gửi dự thảo biên bản cho Viettel" in follow_ups
    restore = [g for op, g in groups if op == "restore"]
    assert len(restore) == 1  # restored once, in the group of the save (one step to undo)
    with read_session(engine) as s:
        edits = s.execute(
            select(CHANGE.c.field).where(CHANGE.c.group_id == restore[0], CHANGE.c.entity == "meeting")
        ).scalars()
        assert {"minutes", "decisions"} <= set(edits)
    # nobody saved it meanwhile: nothing "merged" said; the status bar says it is back
    assert dialog.merged_said == ""
    assert said == ["“Họp làm việc về chương trình AI” is back from the trash, with your changes saved."]


def test_declining_keeps_the_dialog_open_with_what_was_typed(
    qtbot: Any, ctx: Any, ids: dict[str, Any], db_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import gone

    monkeypatch.setattr(gone, "ask_way_on", lambda *_a: False)
    meeting = ids["past_meeting"]
    dialog = open_log_meeting(qtbot, ctx, meeting_id=meeting)
    _type_minutes(dialog)
    _colleague_deletes(db_path, meeting)
    dialog.save()
    error = dialog.errors["general"]
    qtbot.waitUntil(lambda: "deleted this meeting" in error.text(), timeout=TIMEOUT)
    assert dialog.isVisible() and dialog.minutes.toPlainText() == "Viettel sẽ thử nghiệm UAV ở Hòa Lạc"
    assert dialog.buttons.isEnabled()
    with read_session(engine) as s:
        assert s.execute(select(MEET.c.deleted_at).where(MEET.c.id == meeting)).scalar() is not None


def test_a_meeting_removed_for_good_is_saved_as_a_new_one(
    qtbot: Any, ctx: Any, ids: dict[str, Any], db_path: Path, engine: Engine, answers: list[tuple[str, str]]
) -> None:
    meeting = ids["past_meeting"]
    dialog = open_log_meeting(qtbot, ctx, meeting_id=meeting)
    _type_minutes(dialog)
    _colleague_deletes(db_path, meeting, empty_trash=True)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=TIMEOUT)
    assert "removed this meeting for good" in answers[0][0] and answers[0][1] == "Save as new"
    assert dialog.saved_id != meeting
    with read_session(engine) as s:
        new = records.get(s, "meeting", dialog.saved_id)
        follow_ups = s.execute(select(ACT.c.title).where(ACT.c.meeting_id == new["id"])).scalars().all()
    assert new["title"] == "Họp làm việc về chương trình AI"
    assert new["minutes"] == "Viettel sẽ thử nghiệm UAV ở Hòa Lạc" and len(new["attendees"]) == 2
    assert follow_ups == ["Gửi dự thảo biên bản cho Viettel"]


def test_restore_and_save_is_one_unit_of_work(engine: Engine, ids: dict[str, Any]) -> None:
    """A save that fails (here an empty title) leaves the meeting in the trash: the restore is
    not written without the save."""
    meeting = ids["past_meeting"]
    with read_session(engine) as s:
        base = meetings.as_stored(records.get(s, "meeting", meeting))
    with unit_of_work(engine) as s:
        bulk_edit.delete_records(s, "meeting", [meeting], actor="Trần Thị Lan")
    values = {k: base[k] for k in ("title", "starts_at", "kind", "location", "agenda", "decisions")}
    draft = meetings.MeetingDraft(
        {**values, "title": "", "minutes": "Biên bản"}, meeting_id=meeting, version=base["version"], base=base
    )
    with pytest.raises(ValidationError), unit_of_work(engine) as s:
        meetings.restore_and_save(s, draft, actor="Tuấn")
    with read_session(engine) as s:
        assert s.execute(select(MEET.c.deleted_at).where(MEET.c.id == meeting)).scalar() is not None
    with unit_of_work(engine) as s:
        draft.values["title"] = "Họp Viettel về UAV"
        done = meetings.restore_and_save(s, draft, actor="Tuấn")
    assert done.meeting_id == meeting and not done.merged
    with read_session(engine) as s:
        now = records.get(s, "meeting", meeting)
    assert (now["title"], now["minutes"]) == ("Họp Viettel về UAV", "Biên bản")
    assert now["starts_at"] == base["starts_at"] and isinstance(now["starts_at"], dt.datetime)
    with unit_of_work(engine) as s:
        trash.empty_trash(s)
        records.delete(s, "meeting", meeting)
        trash.empty_trash(s)
    with pytest.raises(RecordGone), unit_of_work(engine) as s:
        meetings.restore_and_save(s, draft, actor="Tuấn")


def test_minutes_she_changed_before_deleting_are_asked_about_then_mine_restored_and_saved(
    qtbot: Any,
    ctx: Any,
    ids: dict[str, Any],
    db_path: Path,
    engine: Engine,
    answers: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lan wrote other minutes, then deleted the meeting: the restore asks about the minutes as
    any save does ("Save mine"), and the meeting comes back with Tuấn's — restored once."""
    from ui.dialogs.conflict import ConflictDialog

    shown: list[list[str]] = []

    def exec_(dialog: Any) -> int:
        table = dialog.table
        shown.extend([table.item(r, c).text() for c in range(3)] for r in range(table.rowCount()))
        dialog.choice = "mine"
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    meeting = ids["past_meeting"]
    dialog = open_log_meeting(qtbot, ctx, meeting_id=meeting)
    _type_minutes(dialog)
    other = open_database(f"sqlite:///{db_path}")
    with unit_of_work(other) as s:
        records.update(s, "meeting", meeting, {"minutes": "Biên bản của Lan"}, expected_version=None)
    other.dispose()
    _colleague_deletes(db_path, meeting)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=TIMEOUT)
    assert len(answers) == 1 and shown and "Biên bản của Lan" in shown[0]
    with read_session(engine) as s:
        now = records.get(s, "meeting", meeting)
        restores = s.execute(
            select(CHANGE.c.id).where(
                CHANGE.c.entity == "meeting", CHANGE.c.entity_id == meeting, CHANGE.c.op == "restore"
            )
        ).all()
    assert now["minutes"] == "Viettel sẽ thử nghiệm UAV ở Hòa Lạc" and len(restores) == 1
    assert now["decisions"] == "Ký biên bản ghi nhớ trong tháng sau"
