"""Migration 0015: dates a confidential meeting moved before confidential meetings stopped
moving "Last contacted" (session 7) are taken back once, by the rule app/contacted.py follows,
on SQLite and PostgreSQL. The state before the fix is made as it arose: an ordinary meeting
moved its attendees' dates, then the meeting was marked confidential by the old code (no
take-back: here a bare UPDATE of the flag)."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import select, text, update
from sqlalchemy.engine import Engine

from app import records, undo_history
from app.meetings import Chosen, MeetingDraft, save_meeting
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import alembic_config, open_database, stored_revision
from db.tables import CHANGE, MEET

OLD = dt.date(2025, 11, 15)


def _log(engine: Engine, org: int, at: dt.datetime, *people: int) -> int:
    draft = MeetingDraft({"title": "Làm việc với Bộ KH&CN", "starts_at": at}, [Chosen(org, "MOST")],
                         [Chosen(p, str(p)) for p in people])  # fmt: skip
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="Lan")


def _date(engine: Engine, contact: int) -> dt.date | None:
    with read_session(engine) as s:
        value: dt.date | None = records.get(s, "contact", contact)["last_contacted_on"]
        return value


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_dates_a_confidential_meeting_gave_are_taken_back_once(
    backend: str, db_url: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_empty_url") if backend == "postgresql" else db_url
    engine = open_database(url)
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        huong = records.create(s, "contact", {"full_name": "Nguyễn Minh Hương", "last_contacted_on": OLD})
        thu = records.create(s, "contact", {"full_name": "Đỗ Minh Thư"})
        nam = records.create(s, "contact", {"full_name": "Lê Văn Nam"})
        an = records.create(s, "contact", {"full_name": "Phạm Văn An"})
    _log(engine, org, dt.datetime(2026, 11, 2, 9), thu)  # Thư's ordinary meeting
    secret = _log(engine, org, dt.datetime(2026, 11, 20, 9), huong, thu, nam, an)
    open_meeting = _log(engine, org, dt.datetime(2026, 11, 10, 9), an)  # older: moved nothing
    with unit_of_work(engine) as s:  # Nam's date typed by a person afterwards: it stays
        records.update(s, "contact", nam, {"last_contacted_on": dt.date(2026, 11, 21)}, expected_version=None)
    engine.dispose()
    command.downgrade(alembic_config(url), "0014")
    raw = make_engine(url)
    with raw.begin() as conn:  # made confidential by the code before the fix: dates kept
        conn.execute(update(MEET).where(MEET.c.id == secret).values(confidential=True))
    assert _date(raw, huong) == dt.date(2026, 11, 20)
    raw.dispose()

    command.upgrade(alembic_config(url), "0015")  # (0016 after it is tests/db/test_migration_0016.py)
    engine = make_engine(url)
    try:
        assert stored_revision(engine) == "0015"
        assert _date(engine, huong) == OLD  # what the record said before
        assert _date(engine, thu) == dt.date(2026, 11, 2)  # her ordinary meeting
        assert _date(engine, nam) == dt.date(2026, 11, 21)  # typed since: left alone
        assert _date(engine, an) == dt.date(2026, 11, 10)  # the ordinary meeting he attended
        with read_session(engine) as s:
            rows = s.execute(
                select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new, CHANGE.c.group_id).where(
                    CHANGE.c.actor == "Ketnoi upgrade 0015"
                )
            ).all()
            assert sorted((r.entity_id, r.old, r.new, r.group_id) for r in rows) == sorted(
                [
                    (huong, "2026-11-20", OLD.isoformat(), ""),
                    (thu, "2026-11-20", "2026-11-02", ""),
                    (an, "2026-11-20", "2026-11-10", ""),
                ]
            )
            # not a step anyone can undo (which would show the date again)
            labels = [g.label for g in undo_history.recent_groups(s, limit=50)]
            assert not [g for g in labels if "0015" in g]
            assert open_meeting  # (the ordinary meeting is still there, untouched)
    finally:
        engine.dispose()
    command.downgrade(alembic_config(url), "0014")  # changes nothing back
    command.upgrade(alembic_config(url), "head")  # and a second run finds nothing to do
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM change WHERE actor = 'Ketnoi upgrade 0015'")).scalar()
        assert n == 3 and _date(engine, huong) == OLD
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_dates_the_application_already_took_back_stay_taken_back(
    backend: str, db_url: str, request: pytest.FixtureRequest
) -> None:
    """Reviewer's defect: session 7's code already took a date back when a meeting was made
    confidential, writing the take-back in the meeting's save; the migration read that row as
    the meeting's move and put the confidential day back."""
    url = request.getfixturevalue("pg_empty_url") if backend == "postgresql" else db_url
    engine = open_database(url)
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        huong = records.create(s, "contact", {"full_name": "Nguyễn Minh Hương", "last_contacted_on": OLD})
    secret = _log(engine, org, dt.datetime(2026, 11, 20, 9), huong)
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", secret)["version"]
        records.update(
            s, "meeting", secret, {"confidential": True}, expected_version=v, group_id=records.new_group_id()
        )
    assert _date(engine, huong) == OLD
    engine.dispose()
    command.downgrade(alembic_config(url), "0014")
    command.upgrade(alembic_config(url), "0015")
    engine = make_engine(url)
    try:
        assert stored_revision(engine) == "0015"
        assert _date(engine, huong) == OLD
    finally:
        engine.dispose()
