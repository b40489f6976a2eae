"""Undoing the link of an invitation (.ics) to a meeting logged by hand takes the link away
(app.invitation_links.after_undo), and a redo puts it back.

Reviewer: an officer logged her meeting with Genetica, a colleague imported the Outlook
invitation, which linked to it, and she undid that (Edit → Undo): the time and place went back,
but the invitation's UID stayed on her meeting, so the invitation's next update moved her meeting
again and its cancellation put it in the trash. And the "keep the title" of a link outlived the
meeting: a new meeting given its id once the trash was emptied kept its title against its own
invitation. Real SQLite file, .ics files written by icalendar and read back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from app import calendars, history, history_words, invitation_links, trash, undo, undo_history
from db.engine import read_session, unit_of_work
from tests.app.mail import test_invitation_linked as linked
from tests.app.mail.test_invitation_linked import (
    TITLE,
    UID,
    apply,
    at,
    log,
    meeting,
    plan,
    write_ics,
)

net = linked.net  # its fixture: Genetica and Hồ Đức Giang, Anti-Scam and Lê Anh Tuấn
INVITED = "Genetica - Sandbox discussion"


def _undo(engine: Engine, group: str) -> str:
    with unit_of_work(engine) as s:
        return undo.undo_group(s, group, actor="Trần Thị Lan").group_id


def _link(engine: Engine, people: dict[str, int], tmp_path: Path) -> tuple[int, str]:
    """Her meeting at 09:33 with no room; the invitation (09:00, room 3) linked to it."""
    mid = log(engine, [people["gen"]], [people["giang"]], starts=at(9, 33))
    result = apply(engine, write_ics(tmp_path / "invite.ics"))
    assert (result.status, result.meeting_id) == ("linked", mid)
    assert meeting(engine, mid)["starts_at"] == at(9)
    return mid, result.group_id


def _linked_uid(engine: Engine, mid: int) -> str | None:
    with read_session(engine) as s:
        found = calendars.invitation_of(s, mid)
        return str(found["ical_uid"]) if found is not None else None


def test_the_update_of_an_invitation_whose_link_was_undone_leaves_her_meeting_alone(
    engine: Engine,
    net: dict[str, int],
    tmp_path: Path,
) -> None:
    mid, group = _link(engine, net, tmp_path)
    _undo(engine, group)
    after = meeting(engine, mid)
    assert (after["starts_at"], after["location"], after["title"]) == (at(9, 33), "", TITLE)
    assert _linked_uid(engine, mid) is None  # the invitation is no longer on her meeting
    moved = write_ics(tmp_path / "Updated invite.ics", seq=1, start=at(14), end=at(15), title="Moved")
    seen = plan(engine, moved)
    assert seen.meeting_id is None and seen.kept == ()  # not an update of her meeting any more
    result = apply(engine, moved)  # the default choice: a meeting of its own (not logged at 14:00)
    assert result.status == "created" and result.meeting_id != mid
    assert meeting(engine, mid)["starts_at"] == at(9, 33) and meeting(engine, mid)["title"] == TITLE


def test_the_update_at_the_same_time_is_offered_to_be_linked_again(
    engine: Engine,
    net: dict[str, int],
    tmp_path: Path,
) -> None:
    mid, group = _link(engine, net, tmp_path)
    _undo(engine, group)
    again = plan(engine, write_ics(tmp_path / "Updated invite.ics", seq=1, title="Genetica sync"))
    assert again.meeting_id is None and again.logged is not None and again.logged.meeting_id == mid
    assert again.kept == ("title",)  # asked again, by the rule Log meeting uses


def test_the_cancellation_of_an_invitation_whose_link_was_undone_finds_no_meeting(
    engine: Engine,
    net: dict[str, int],
    tmp_path: Path,
) -> None:
    mid, group = _link(engine, net, tmp_path)
    _undo(engine, group)
    cancel = write_ics(tmp_path / "Canceled.ics", seq=2, method="CANCEL", status="CANCELLED")
    result = apply(engine, cancel)
    assert result.status == "not_found"
    assert meeting(engine, mid)["deleted_at"] is None  # her meeting is not in the trash


def test_a_redo_links_again_and_the_step_is_in_the_meetings_history(
    engine: Engine,
    net: dict[str, int],
    tmp_path: Path,
) -> None:
    mid, group = _link(engine, net, tmp_path)
    with read_session(engine) as s:
        assert undo.describe(s, group) == f'Linked meeting "{TITLE}" to the calendar invitation "{INVITED}"'
        assert undo.describe(s, group, "vi") == f'Liên kết cuộc họp "{TITLE}" với lời mời lịch "{INVITED}"'
        assert undo_history.entry(s, group).kind == "calendar_link"  # (not "Bulk edit")
        rows = history.record_history(s, "meeting", mid)
    said = [history_words.describe(e, "en", "meeting") for e in rows]
    assert f"Linked to the calendar invitation “{INVITED}”" in said
    assert f"Liên kết với lời mời lịch “{INVITED}”" in [
        history_words.describe(e, "vi", "meeting") for e in rows
    ]
    undone = _undo(engine, group)
    redone = _undo(engine, undone)  # the undo undone: a redo
    assert meeting(engine, mid)["starts_at"] == at(9)
    assert _linked_uid(engine, mid) == UID
    with read_session(engine) as s:
        assert invitation_links.kept_fields(s, mid) == ("title",)
    moved = write_ics(tmp_path / "Updated invite.ics", seq=1, start=at(14), end=at(15), title="Moved")
    result = apply(engine, moved)  # the link is back: the update moves her meeting, her title kept
    assert (result.status, result.meeting_id) == ("updated", mid)
    assert (meeting(engine, mid)["starts_at"], meeting(engine, mid)["title"]) == (at(14), TITLE)
    _undo(engine, result.group_id)
    _undo(engine, redone)  # the redo undone: the link goes again
    assert _linked_uid(engine, mid) is None and meeting(engine, mid)["starts_at"] == at(9, 33)


def test_a_link_does_not_outlive_its_meeting_removed_for_good(
    engine: Engine,
    net: dict[str, int],
    tmp_path: Path,
) -> None:
    mid, _group = _link(engine, net, tmp_path)
    with unit_of_work(engine) as s:
        calendars.records.delete(s, "meeting", mid, actor="Trần Thị Lan")
        trash.empty_trash(s, actor="Trần Thị Lan")
    day, uid = dt.date(2026, 12, 10), "OTHER-INVITATION"
    first = apply(
        engine, write_ics(tmp_path / "other.ics", uid=uid, start=at(15, day=day), title="Anti-Scam demo")
    )
    assert (first.status, first.meeting_id) == ("created", mid)  # SQLite gave the id out again
    renamed = write_ics(
        tmp_path / "other2.ics", uid=uid, seq=1, start=at(15, day=day), title="Anti-Scam demo (v2)"
    )
    assert apply(engine, renamed).status == "updated"
    assert meeting(engine, mid)["title"] == "Anti-Scam demo (v2)"  # its own invitation's title
