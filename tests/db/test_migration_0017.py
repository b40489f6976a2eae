"""Migration 0017: what a calendar link keeps moves from its ``setting`` row
("calendar.linked.<meeting id>") onto the link's own row in ``meeting_calendar``, on SQLite and
PostgreSQL; a setting row whose meeting is gone (or holds another invitation) is dropped, and a
meeting the invitation made keeps nothing. The state before is made as the code before wrote it:
the link made at the head, then the database taken down to 0016 (which writes the setting rows
back), plus a stray row of a meeting removed for good."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from app import calendars, invitation_links, records
from app.meetings import Chosen, MeetingDraft, save_meeting
from db import models as m
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import alembic_config, open_database, stored_revision

DAY = dt.date(2026, 12, 3)


def _ics(uid: str, hour: int, email: str) -> bytes:
    start, end = dt.datetime.combine(DAY, dt.time(hour)), dt.datetime.combine(DAY, dt.time(hour + 1))
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:20261202T020000Z\r\nSUMMARY:Invitation {uid}\r\n"
        f"DTSTART;TZID=Asia/Ho_Chi_Minh:{start:%Y%m%dT%H%M%S}\r\nDTEND;TZID=Asia/Ho_Chi_Minh:{end:%Y%m%dT%H%M%S}\r\n"
        f"ATTENDEE;CN=Guest:mailto:{email}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def _settings(engine: Engine) -> dict[str, object]:
    with engine.connect() as conn:
        setting = m.Setting.__table__  # type: ignore[attr-defined]
        rows = conn.execute(
            select(setting.c.key, setting.c.value).where(setting.c.key.like("calendar.linked.%"))
        ).all()
    return {str(k): v for k, v in rows}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_what_a_link_keeps_moves_onto_its_row(
    backend: str, db_url: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_empty_url") if backend == "postgresql" else db_url
    engine = open_database(url)
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"})
        giang = records.create(
            s,
            "contact",
            {"full_name": "Hồ Đức Giang", "organisation_id": org, "emails": ["giang@genetica.vn"]},
        )
        draft = MeetingDraft(
            {
                "title": "Làm việc với Genetica",
                "starts_at": dt.datetime.combine(DAY, dt.time(9)),
                "agenda": "Sandbox",
            },
            [Chosen(org, "")],
            [Chosen(giang, "")],
        )
        logged = save_meeting(s, draft, actor="Lan")
    with unit_of_work(engine) as s:
        linked = calendars.import_invitation(s, calendars.read_ics(_ics("LINKED", 9, "giang@genetica.vn")))
        made = calendars.import_invitation(s, calendars.read_ics(_ics("MADE", 15, "x@example.com")))
    assert (linked.status, linked.meeting_id, made.status) == ("linked", logged, "created")
    engine.dispose()

    command.downgrade(alembic_config(url), "0016")
    raw = make_engine(url)
    assert _settings(raw) == {f"calendar.linked.{logged}": {"kept": ["title", "agenda"], "uid": "LINKED"}}
    with raw.begin() as conn:  # a link whose meeting was removed for good since (its id free)
        conn.execute(
            insert(m.Setting).values(key="calendar.linked.99", value={"kept": ["title"], "uid": "GONE"})
        )
    raw.dispose()

    command.upgrade(alembic_config(url), "0017")
    engine = make_engine(url)
    try:
        assert stored_revision(engine) == "0017"
        assert _settings(engine) == {}
        with read_session(engine) as s:
            assert invitation_links.kept_fields(s, logged) == ("title", "agenda")
            assert invitation_links.kept_fields(s, made.meeting_id) == ()
            assert invitation_links.kept_fields(s, 99) == ()
            kept = dict(s.execute(select(invitation_links.CAL.c.ical_uid, invitation_links.CAL.c.kept)).all())
            assert kept["LINKED"] == ["title", "agenda"] and not kept["MADE"]
            assert s.get(m.Meeting, logged) is not None
    finally:
        engine.dispose()
