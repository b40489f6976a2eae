"""A meeting logged before it starts counts as contact once it has started (reviewer h108: on
07/12 at 08:30 a meeting was logged for 10:30 with Hoàng Quốc Yến and Bùi Đức Hà; on 09/12 Hà's
page still said "Liên hệ gần nhất: 01/12/2026" while her timeline listed the meetings of 07/12
and 08/12, and Yến never got a date). ``app.contacted.catch_up`` applies the meetings started
since it last ran: once, with a history row per contact, in no undo step of its own, and a
meeting's undo takes its move back. On real SQLite files."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import contacted, records, undo
from app.briefing.gather import gather_contact
from app.briefing.produce import BriefRequest, produce
from app.meetings import Chosen, MeetingDraft, save_meeting
from db import clock
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import CHANGE
from tests.app.briefing.pdfutil import pdf_text

FIRST = dt.date(2026, 12, 1)


def _people(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        return {
            "org": org,
            "ha": records.create(
                s, "contact", {"full_name": "Bùi Đức Hà", "organisation_id": org, "last_contacted_on": FIRST}
            ),
            "yen": records.create(s, "contact", {"full_name": "Hoàng Quốc Yến", "organisation_id": org}),
        }


def _log(engine: Engine, ids: dict[str, int], at: dt.datetime, *names: str, group: str = "") -> int:
    draft = MeetingDraft(
        {"title": "Làm việc với Bộ KH&CN", "starts_at": at},
        [Chosen(ids["org"], "MOST")],
        [Chosen(ids[n], n) for n in names],
    )
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="test", group_id=group)


def _dates(engine: Engine, ids: dict[str, int]) -> dict[str, dt.date | None]:
    with read_session(engine) as s:
        return {k: records.get(s, "contact", i)["last_contacted_on"] for k, i in ids.items() if k != "org"}


def _history(engine: Engine, contact_id: int) -> list[tuple[str | None, str | None, str]]:
    with read_session(engine) as s:
        return [
            (r.old, r.new, r.group_id)
            for r in s.execute(
                select(CHANGE.c.old, CHANGE.c.new, CHANGE.c.group_id)
                .where(
                    CHANGE.c.entity == "contact",
                    CHANGE.c.entity_id == contact_id,
                    CHANGE.c.field == "last_contacted_on",
                )
                .order_by(CHANGE.c.id)
            ).all()
        ]


def test_a_meeting_logged_before_it_starts_counts_once_it_has(engine: Engine) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    ids = _people(engine)
    assert contacted.catch_up_database(engine) == []  # no meeting yet: nothing to do
    _log(engine, ids, dt.datetime(2026, 12, 7, 10, 30), "ha", "yen")
    assert _dates(engine, ids) == {"ha": FIRST, "yen": None}  # still to come
    clock.set_fixed(dt.datetime(2026, 12, 7, 10, 0))
    assert contacted.catch_up_database(engine) == []  # not yet
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0))
    with read_session(engine) as s:
        assert contacted.due(s)
    assert sorted(contacted.catch_up_database(engine)) == sorted([ids["ha"], ids["yen"]])
    day = dt.date(2026, 12, 7)
    assert _dates(engine, ids) == {"ha": day, "yen": day}
    with read_session(engine) as s:
        assert gather_contact(s, ids["ha"]).last_contacted_on == day  # what `ketnoi brief` prints
        assert records.get(s, "contact", ids["yen"])["version"] == 2  # a save's bump
    # a history row as a save writes it, in the name of who logged the meeting; in no group,
    # so not a step Ctrl+Z would undo
    assert _history(engine, ids["yen"]) == [(None, "2026-12-07", "")]
    with read_session(engine) as s:
        [who] = s.execute(
            select(CHANGE.c.actor).where(
                CHANGE.c.entity_id == ids["yen"], CHANGE.c.field == "last_contacted_on"
            )
        ).scalars()
        assert who == "test"
    with read_session(engine) as s:
        assert not contacted.due(s)
        assert all("Bùi Đức Hà" not in g.description for g in undo.recent_undoable(s))
    # once only: again, and in another process's way (a fresh engine), nothing more
    assert contacted.catch_up_database(engine) == []
    other = open_database(str(engine.url))
    try:
        assert contacted.catch_up_database(other) == []
    finally:
        other.dispose()
    assert _history(engine, ids["ha"]) == [(FIRST.isoformat(), "2026-12-07", "")]


def test_the_latest_of_the_meetings_started_since_and_never_back(engine: Engine) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    ids = _people(engine)
    contacted.catch_up_database(engine)
    _log(engine, ids, dt.datetime(2026, 12, 7, 10, 30), "ha", "yen")
    _log(engine, ids, dt.datetime(2026, 12, 8, 14, 0), "ha")
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0))
    contacted.catch_up_database(engine)
    assert _dates(engine, ids) == {"ha": dt.date(2026, 12, 8), "yen": dt.date(2026, 12, 7)}
    assert len(_history(engine, ids["ha"])) == 1  # one move, to the latest


def test_a_database_never_caught_up_is_put_right_at_once(engine: Engine) -> None:
    """A file the versions before left wrong (the reviewer's): no mark yet, every meeting held."""
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2026, 12, 7, 10, 30), "ha", "yen")
    with unit_of_work(engine) as s:
        assert s.get(m.Setting, contacted.THROUGH_KEY) is None
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0))
    contacted.catch_up_database(engine)
    assert _dates(engine, ids) == {"ha": dt.date(2026, 12, 7), "yen": dt.date(2026, 12, 7)}


def test_undoing_the_meetings_log_after_it_started_takes_the_move_back(engine: Engine) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    ids = _people(engine)
    contacted.catch_up_database(engine)
    group = records.new_group_id()
    _log(engine, ids, dt.datetime(2026, 12, 7, 10, 30), "ha", "yen", group=group)
    clock.set_fixed(dt.datetime(2026, 12, 7, 11, 0))
    contacted.catch_up_database(engine)
    with unit_of_work(engine) as s:
        undo.undo_group(s, group)
    assert _dates(engine, ids) == {"ha": FIRST, "yen": None}
    with unit_of_work(engine) as s:  # and a redo brings it back
        undo.undo_group(s, undo.undo_id(group))
    assert _dates(engine, ids) == {"ha": dt.date(2026, 12, 7), "yen": dt.date(2026, 12, 7)}


def test_a_meeting_still_to_come_before_the_mark_counts_too(engine: Engine) -> None:
    """The clock set back (faketime; a colleague's clock behind): a meeting saved as still to
    come that starts before the mark already passed is applied once it starts."""
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0))
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2026, 12, 1, 9, 0), "yen")
    contacted.catch_up_database(engine)  # mark: 09/12 09:00
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    _log(engine, ids, dt.datetime(2026, 12, 7, 10, 30), "ha")
    clock.set_fixed(dt.datetime(2026, 12, 7, 11, 0))
    contacted.catch_up_database(engine)
    assert _dates(engine, ids)["ha"] == dt.date(2026, 12, 7)


def test_a_confidential_or_deleted_meeting_does_not_count_when_it_starts(engine: Engine) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    ids = _people(engine)
    contacted.catch_up_database(engine)
    secret = _log(engine, ids, dt.datetime(2026, 12, 7, 10, 30), "yen")
    gone = _log(engine, ids, dt.datetime(2026, 12, 7, 11, 30), "ha")
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", secret)["version"]
        records.update(s, "meeting", secret, {"confidential": True}, expected_version=v)
        records.delete(s, "meeting", gone)
    clock.set_fixed(dt.datetime(2026, 12, 8, 9, 0))
    contacted.catch_up_database(engine)
    assert _dates(engine, ids) == {"ha": FIRST, "yen": None}


def test_two_processes_at_once_write_each_move_once(engine: Engine) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30), ticking=False)
    ids = _people(engine)
    contacted.catch_up_database(engine)
    _log(engine, ids, dt.datetime(2026, 12, 7, 10, 30), "ha", "yen")
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0), ticking=False)
    engines = [open_database(str(engine.url)) for _ in range(4)]
    start = threading.Barrier(len(engines))
    moved: list[list[int]] = []

    def run(e: Engine) -> None:
        start.wait()
        moved.append(contacted.catch_up_database(e))

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for e in engines:
            e.dispose()
    assert sorted(i for ids_ in moved for i in ids_) == sorted([ids["ha"], ids["yen"]])
    assert len(_history(engine, ids["ha"])) == 1 and len(_history(engine, ids["yen"])) == 1


def test_a_brief_made_after_the_meeting_started_says_its_day(engine: Engine, tmp_path: Path) -> None:
    """In the window, a brief asked for before the minute's look-up: the brief catches up first
    (the page said "Liên hệ gần nhất 01/12/2026" and "Lần gặp gần nhất 08/12/2026")."""
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2026, 12, 8, 14, 0), "ha")
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0))
    req = BriefRequest("contact", ids["ha"], lang="vi")
    done = produce(engine, req, today=clock.today(), folder=tmp_path)
    text = " ".join(pdf_text(done.path))
    assert "08/12/2026" in text and "01/12/2026" not in text, text


def test_undoing_an_import_of_a_meeting_that_has_since_started_takes_its_move_back(
    engine: Engine, tmp_path: Path
) -> None:
    from app.importing import inspect_sheet, preview_import, run_import
    from app.importing.undo import undo_import
    from tests.app.importing.helpers import write_xlsx

    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 30))
    ids = _people(engine)
    book = write_xlsx(
        tmp_path / "cuoc-hop.xlsx",
        {
            "Cuộc họp": [
                ["Tiêu đề", "Bắt đầu", "Thành phần"],
                ["Hội thảo", dt.datetime(2026, 12, 8, 9), "Bùi Đức Hà"],
            ]
        },
    )
    with read_session(engine) as s:
        preview = preview_import(book, inspect_sheet(book, session=s), session=s)
    result = run_import(engine, preview)
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0))
    contacted.catch_up_database(engine)
    assert _dates(engine, ids)["ha"] == dt.date(2026, 12, 8)
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    assert _dates(engine, ids)["ha"] == FIRST
