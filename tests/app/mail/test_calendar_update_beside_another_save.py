"""A meeting updated from an invitation (.ics) while someone else saves the meeting.

Between the preview (the plan the officer was shown) and pressing Import, a colleague corrected
the room: the window refused the whole update ("changed … (version 3, you edited version 2)").
Between the import's read and its write (another program on PostgreSQL): the update wrote every
field of the invitation over theirs unseen. Now the fields the invitation changes are written
beside theirs (kept and said); a field both changed — the time, moved by them and by the
organiser — is refused naming it with their value and the invitation's, and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app import calendars, records
from app.errors import ConflictError
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.helpers import another_save

THEY = "Trần Văn Bình"


def _ics(seq: int, start: str) -> bytes:
    """The organiser's invitation (UTC times: 02:30Z is 09:30 in Hà Nội), ``seq`` its SEQUENCE."""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:hop-genetica@nic.gov.vn\r\n"
        f"SEQUENCE:{seq}\r\nDTSTART:20261203T{start}00Z\r\nDTEND:20261203T040000Z\r\n"
        "SUMMARY:Họp Genetica về hợp tác\r\nLOCATION:Genetica\\, 12 Duy Tân\r\n"
        "DESCRIPTION:Trao đổi về hợp tác\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest, db_url: str) -> Iterator[Engine]:
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else db_url
    eng = open_database(url)
    yield eng
    eng.dispose()


def _imported(engine: Engine) -> int:
    with unit_of_work(engine) as s:
        return calendars.import_invitation(s, calendars.read_ics(_ics(0, "0230"), "a.ics")).meeting_id


def _meeting(engine: Engine, mid: int) -> dict[str, Any]:
    with read_session(engine) as s:
        return records.get(s, "meeting", mid)


def _previewed(engine: Engine) -> tuple[calendars.Invitation, calendars.Plan]:
    """The organiser moved it to 10:00 (SEQUENCE 1): read and previewed."""
    moved = calendars.read_ics(_ics(1, "0300"), "a.ics")
    with read_session(engine) as s:
        return moved, calendars.plan_invitation(s, moved)


def test_a_room_corrected_after_the_preview_is_kept_beside_the_new_time(engine: Engine) -> None:
    mid = _imported(engine)
    moved, plan = _previewed(engine)
    assert [f for f, *_ in plan.changes] == ["starts_at"]
    another_save(engine, "meeting", mid, {"location": "Phòng 301, Genetica, 12 Duy Tân"}, THEY)
    with unit_of_work(engine) as s:
        result = calendars.import_invitation(s, moved, seen=plan, actor="Anh")
    assert result.status == "updated" and result.kept == ("location",)
    assert result.saved is not None and result.saved.actor == THEY
    now = _meeting(engine, mid)
    assert now["starts_at"] == dt.datetime(2026, 12, 3, 10, 0)
    assert now["location"] == "Phòng 301, Genetica, 12 Duy Tân"


def test_a_time_both_moved_is_refused_naming_it_and_nothing_is_written(engine: Engine) -> None:
    mid = _imported(engine)
    moved, plan = _previewed(engine)
    another_save(
        engine,
        "meeting",
        mid,
        {"starts_at": dt.datetime(2026, 12, 3, 14, 0), "ends_at": dt.datetime(2026, 12, 3, 15, 0)},
        THEY,
    )
    with pytest.raises(ConflictError) as raised, unit_of_work(engine) as s:
        calendars.import_invitation(s, moved, seen=plan, actor="Anh")
    exc = raised.value
    assert exc.clashing == ["starts_at"]
    assert "When is now 03/12/2026 14:00 (yours: 03/12/2026 10:00)" in str(exc), str(exc)
    assert "from another window or the command line at " in str(exc)
    assert _meeting(engine, mid)["starts_at"] == dt.datetime(2026, 12, 3, 14, 0)


@pytest.fixture
def lands(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``lands(engine, mid, column, value)``: another program's save of the meeting right after
    the import read it (its plan): in the import's own transaction on SQLite (which holds the
    file's write lock), committed from another connection on PostgreSQL."""

    def arrange(engine: Engine, mid: int, column: str, value: Any) -> None:
        real, landed = calendars.plan_invitation, []
        sql = f"UPDATE meeting SET {column} = :v, version = version + 1 WHERE id = :i"

        def plan(session: Session, inv: Any, **kw: Any) -> Any:
            read = real(session, inv, **kw)
            if not landed:
                landed.append(True)
                if engine.dialect.name == "sqlite":
                    session.execute(text(sql), {"v": value, "i": mid})
                else:
                    with engine.begin() as conn:
                        conn.execute(text(sql), {"v": value, "i": mid})
            return read

        monkeypatch.setattr(calendars, "plan_invitation", plan)

    return arrange


def test_a_room_saved_between_the_read_and_the_write_is_kept(any_engine: Engine, lands: Any) -> None:
    mid = _imported(any_engine)
    lands(any_engine, mid, "location", "Phòng 301")
    with unit_of_work(any_engine) as s:
        result = calendars.import_invitation(s, calendars.read_ics(_ics(1, "0300"), "a.ics"), actor="Anh")
    now = _meeting(any_engine, mid)
    assert (now["location"], now["starts_at"]) == ("Phòng 301", dt.datetime(2026, 12, 3, 10, 0))
    assert result.status == "updated" and result.kept == ("location",)


def test_a_time_saved_between_the_read_and_the_write_is_never_overwritten(
    any_engine: Engine, lands: Any
) -> None:
    mid = _imported(any_engine)
    lands(any_engine, mid, "starts_at", dt.datetime(2026, 12, 3, 8, 0))
    with pytest.raises(ConflictError) as raised, unit_of_work(any_engine) as s:
        calendars.import_invitation(s, calendars.read_ics(_ics(1, "0300"), "a.ics"), actor="Anh")
    assert raised.value.clashing == ["starts_at"]
    assert "When is now 03/12/2026 08:00 (yours: 03/12/2026 10:00)" in str(raised.value)
