"""Migration 0016: "Last contacted" dates the code before session 8 left wrong (a meeting moved
to an earlier day, an attendee taken off, a meeting deleted: none of these counted the date
again) are counted again once when the database is opened, on SQLite and PostgreSQL; the date a
sheet or a person gave stays the floor. The wrong state is written directly, as that code left
it: the meeting's row changed, the attendees' dates not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import delete, select, text, update
from sqlalchemy.engine import Engine

from app import records, undo, undo_history
from app.meetings import Chosen, MeetingDraft, save_meeting
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import HEAD_REVISION, alembic_config, open_database, stored_revision
from db.tables import ATTENDEE, CHANGE, MEET
from tests.app.importing.helpers import write_xlsx

OLD = dt.date(2025, 11, 15)  # Hương's date when she was entered
SHEET = dt.date(2026, 11, 15)  # An's "Ngày gặp gần nhất" in the imported sheet
TYPED = dt.date(2026, 11, 21)  # Nam's, typed on his page


def _log(engine: Engine, org: int, at: dt.datetime, *people: int) -> int:
    draft = MeetingDraft({"title": "Làm việc với Bộ KH&CN", "starts_at": at}, [Chosen(org, "MOST")],
                         [Chosen(p, str(p)) for p in people])  # fmt: skip
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="Lan", group_id=records.new_group_id())


def _dates(engine: Engine, ids: dict[str, int]) -> dict[str, dt.date | None]:
    with read_session(engine) as s:
        return {k: records.get(s, "contact", i)["last_contacted_on"] for k, i in ids.items()}


def _import_an(engine: Engine, folder: Path) -> int:
    from app.importing import inspect_sheet, preview_import, run_import

    book = write_xlsx(
        folder / "lien-he.xlsx", {"Liên hệ": [["Họ và tên", "Ngày gặp gần nhất"], ["Phạm Văn An", SHEET]]}
    )
    with read_session(engine) as s:
        layout = inspect_sheet(book, session=s)
        preview = preview_import(book, layout, session=s)
    batch = run_import(engine, preview).batch_id
    with read_session(engine) as s:
        return int(
            s.execute(
                select(CHANGE.c.entity_id).where(CHANGE.c.batch_id == batch, CHANGE.c.entity == "contact")
            )
            .scalars()
            .one()
        )


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_dates_left_wrong_are_counted_again_once(
    backend: str, db_url: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = request.getfixturevalue("pg_empty_url") if backend == "postgresql" else db_url
    engine = open_database(url)
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        ids = {
            "huong": records.create(
                s, "contact", {"full_name": "Nguyễn Minh Hương", "last_contacted_on": OLD}
            ),
            "thu": records.create(s, "contact", {"full_name": "Đỗ Minh Thư"}),
            "nam": records.create(s, "contact", {"full_name": "Lê Văn Nam"}),
            "binh": records.create(s, "contact", {"full_name": "Hồ Đức Bình"}),
        }
    ids["an"] = _import_an(engine, tmp_path)
    moved = _log(engine, org, dt.datetime(2026, 11, 20, 9), ids["huong"], ids["thu"])
    gone = _log(engine, org, dt.datetime(2026, 11, 19, 9), ids["an"], ids["nam"])
    _log(engine, org, dt.datetime(2026, 11, 12, 9), ids["binh"])  # right all along
    with unit_of_work(engine) as s:  # a day typed on Nam's page afterwards
        v = records.get(s, "contact", ids["nam"])["version"]
        records.update(
            s, "contact", ids["nam"], {"last_contacted_on": TYPED}, expected_version=v,
            group_id=records.new_group_id(),
        )  # fmt: skip
    engine.dispose()
    command.downgrade(alembic_config(url), "0015")
    raw = make_engine(url)
    with raw.begin() as conn:  # what the code before the fix did: the meetings changed, not the dates
        conn.execute(update(MEET).where(MEET.c.id == moved).values(starts_at=dt.datetime(2026, 11, 10, 9)))
        conn.execute(
            delete(ATTENDEE).where(ATTENDEE.c.meeting_id == moved, ATTENDEE.c.contact_id == ids["thu"])
        )
        conn.execute(update(MEET).where(MEET.c.id == gone).values(deleted_at=dt.datetime(2026, 11, 22, 9)))
    wrong = {
        "huong": dt.date(2026, 11, 20),
        "thu": dt.date(2026, 11, 20),
        "nam": TYPED,
        "binh": dt.date(2026, 11, 12),
        "an": dt.date(2026, 11, 19),
    }
    assert _dates(raw, ids) == wrong
    raw.dispose()

    engine = open_database(url)  # upgrades through 0016
    try:
        assert stored_revision(engine) == HEAD_REVISION  # (0016 ran on the way to the head)
        assert _dates(engine, ids) == {
            "huong": dt.date(2026, 11, 10),  # the meeting's day as corrected
            "thu": None,  # taken off the only meeting she was on
            "nam": TYPED,  # what a person typed is the floor
            "binh": dt.date(2026, 11, 12),
            "an": SHEET,  # the meeting deleted: back to what the sheet said, not nothing
        }
        with read_session(engine) as s:
            rows = s.execute(
                select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new, CHANGE.c.group_id).where(
                    CHANGE.c.actor == "Ketnoi upgrade 0016"
                )
            ).all()
            assert sorted((r.entity_id, r.old, r.new, r.group_id) for r in rows) == sorted(
                [
                    (ids["huong"], "2026-11-20", "2026-11-10", ""),
                    (ids["thu"], "2026-11-20", None, ""),
                    (ids["an"], "2026-11-19", SHEET.isoformat(), ""),
                ]
            )
            # no step anyone can undo (which would put the wrong dates back)
            groups = undo_history.recent_groups(s, limit=50)
            assert not [g for g in groups if "0016" in g.label]
            last = undo.last_undoable(s)
            assert last is not None and "Nam" in last.description  # the typed day, as before
        # a meeting saved after the upgrade counts from the corrected dates (the upgrade's rows
        # are not taken for a floor)
        with unit_of_work(engine) as s:
            v = records.get(s, "meeting", moved)["version"]
            records.update(
                s, "meeting", moved, {"starts_at": dt.datetime(2026, 11, 5, 9)}, expected_version=v,
                group_id=records.new_group_id(),
            )  # fmt: skip
        assert _dates(engine, {"huong": ids["huong"]}) == {"huong": dt.date(2026, 11, 5)}
    finally:
        engine.dispose()
    command.downgrade(alembic_config(url), "0015")  # changes nothing back
    command.upgrade(alembic_config(url), "head")  # and a second run finds nothing to do
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM change WHERE actor = 'Ketnoi upgrade 0016'")).scalar()
        assert n == 3
    finally:
        engine.dispose()


def test_a_contacts_sheets_date_in_a_workbook_with_meetings_is_a_floor_here_too(
    db_url: str, tmp_path: Path
) -> None:
    """0016 reads the history as app.contacted does: a contacts sheet's "Ngày gặp gần nhất",
    imported in one group with a meetings sheet's meetings, is a floor (its row's op says so),
    for the count here as for a recount after it."""
    from app.importing import inspect_workbook, preview_import, run_import
    from app.importing.preview import Preview
    from app.importing.sheet import SheetLayout

    engine = open_database(db_url)
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        huong = records.create(
            s, "contact", {"full_name": "Nguyễn Minh Hương", "organisation_id": org, "last_contacted_on": OLD}
        )
    book = write_xlsx(
        tmp_path / "lien-he-va-cuoc-hop.xlsx",
        {
            "Liên hệ": [["Họ và tên", "Cơ quan", "Ngày gặp gần nhất"], ["Nguyễn Minh Hương", "Bộ Khoa học và Công nghệ", SHEET]],
            "Cuộc họp": [["Tiêu đề", "Bắt đầu", "Thành phần"], ["Làm việc với Bộ", dt.datetime(2026, 11, 20, 9), "Nguyễn Minh Hương"]],
        },
    )  # fmt: skip
    previews: list[Preview] = []
    with read_session(engine) as s:
        for layout in inspect_workbook(book, session=s):
            assert isinstance(layout, SheetLayout)
            previews.append(preview_import(book, layout, session=s, parallel=False, after=list(previews)))
    run_import(engine, previews)
    assert _dates(engine, {"huong": huong}) == {"huong": dt.date(2026, 11, 20)}
    engine.dispose()
    command.downgrade(alembic_config(db_url), "0015")
    raw = make_engine(db_url)
    with raw.begin() as conn:  # the meeting moved earlier by the code before 0016: the date not counted
        conn.execute(update(MEET).values(starts_at=dt.datetime(2026, 11, 5, 9)))
    raw.dispose()
    engine = open_database(db_url)  # upgrades to 0016
    try:
        assert _dates(engine, {"huong": huong}) == {"huong": SHEET}  # not the meeting's 05/11
    finally:
        engine.dispose()
