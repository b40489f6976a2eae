"""A meeting that has taken place moves its attendees' "Last contacted" forward (reviewer's
defect: after logging today's meeting with Nguyễn Minh Hương her page still said "Last
contacted: 15/11/2025"). Never backward; a planned meeting does not count; the meeting's undo
puts the old dates back. The clock is pinned at 2026-11-23 09:00 (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app import calendars, records, undo
from app.briefing.gather import gather_contact
from app.meetings import Chosen, MeetingDraft, save_meeting
from db import clock
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import CHANGE
from tests.app.mail.test_calendars import _outlook
from tests.app.mail.test_calendars import _setup as calendar_setup

TODAY = dt.date(2026, 11, 23)
OLD = dt.date(2025, 11, 15)
LATER = dt.date(2026, 11, 24)  # a sheet written a time zone ahead may say so: it stays (later
# ones are no last contact: app.entities.last_contact_too_late)


def _people(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        return {
            "org": org,
            "huong": records.create(
                s,
                "contact",
                {"full_name": "Nguyễn Minh Hương", "organisation_id": org, "last_contacted_on": OLD},
            ),
            "thu": records.create(s, "contact", {"full_name": "Đỗ Minh Thư", "organisation_id": org}),
            "nam": records.create(s, "contact", {"full_name": "Lê Văn Nam", "last_contacted_on": LATER}),
        }


def _dates(engine: Engine, ids: dict[str, int]) -> dict[str, dt.date | None]:
    with read_session(engine) as s:
        return {k: records.get(s, "contact", i)["last_contacted_on"] for k, i in ids.items() if k != "org"}


def _log(engine: Engine, ids: dict[str, int], at: dt.datetime, *names: str, group: str = "") -> int:
    draft = MeetingDraft(
        {"title": "Làm việc với Bộ KH&CN", "starts_at": at},
        [Chosen(ids["org"], "MOST")],
        [Chosen(ids[n], n) for n in names],
    )
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="test", group_id=group)


def test_a_meeting_today_moves_last_contacted_forward_and_its_undo_puts_it_back(engine: Engine) -> None:
    ids = _people(engine)
    group = records.new_group_id()
    _log(engine, ids, dt.datetime(2026, 11, 23, 8, 30), "huong", "thu", "nam", group=group)
    assert _dates(engine, ids) == {"huong": TODAY, "thu": TODAY, "nam": LATER}
    with read_session(engine) as s:
        # one history row per contact moved, in the meeting's group; the undo menu still says
        # what the user did (a logged meeting), not "Set last contacted on…"
        rows = s.execute(
            select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new).where(
                CHANGE.c.group_id == group, CHANGE.c.field == "last_contacted_on"
            )
        ).all()
        assert sorted(rows) == sorted(
            [(ids["huong"], OLD.isoformat(), "2026-11-23"), (ids["thu"], None, "2026-11-23")]
        )
        assert undo.describe(s, group) == 'Logged meeting "Làm việc với Bộ KH&CN"'
        brief = gather_contact(s, ids["huong"])
        assert brief.last_contacted_on == TODAY  # what `ketnoi brief contact` prints
    with unit_of_work(engine) as s:
        undo.undo_group(s, group, actor="test")
    assert _dates(engine, ids) == {"huong": OLD, "thu": None, "nam": LATER}


def test_a_planned_meeting_does_not_count(engine: Engine) -> None:
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2026, 11, 23, 14, 0), "huong", "thu")  # this afternoon
    _log(engine, ids, dt.datetime(2026, 12, 5, 9, 0), "huong")
    assert _dates(engine, ids) == {"huong": OLD, "thu": None, "nam": LATER}


def test_an_older_meeting_never_moves_it_backward(engine: Engine) -> None:
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2025, 6, 1, 9, 0), "huong", "nam")
    assert _dates(engine, ids)["huong"] == OLD and _dates(engine, ids)["nam"] == LATER


def test_editing_a_meetings_date_or_attendees_follows_the_rule(engine: Engine) -> None:
    ids = _people(engine)
    meeting = _log(engine, ids, dt.datetime(2026, 12, 5, 9, 0), "huong")  # planned
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", meeting)["version"]
        records.update(  # it took place after all, earlier: today
            s, "meeting", meeting, {"starts_at": dt.datetime(2026, 11, 23, 7, 0)}, expected_version=v
        )
    assert _dates(engine, ids)["huong"] == TODAY
    with unit_of_work(engine) as s:
        snap = records.get(s, "meeting", meeting)
        people = [*snap["attendees"], {"contact_id": ids["thu"], "role": "participant"}]
        records.update(s, "meeting", meeting, {"attendees": people}, expected_version=snap["version"])
    assert _dates(engine, ids)["thu"] == TODAY
    with unit_of_work(engine) as s:  # corrected to last year: the dates follow it back (h58's
        # finding: the brief said "Last met 02/12" and "Last contacted 06/12" of the same meeting),
        # no further than the date her sheet gave
        v = records.get(s, "meeting", meeting)["version"]
        records.update(s, "meeting", meeting, {"starts_at": dt.datetime(2025, 1, 2, 9)}, expected_version=v)
    assert _dates(engine, ids)["huong"] == OLD and _dates(engine, ids)["thu"] == dt.date(2025, 1, 2)


def test_a_calendar_invitation_of_a_meeting_already_held_counts(engine: Engine) -> None:
    ids = calendar_setup(engine)  # Nhung is invited to 3 Dec 2026 09:30
    inv = calendars.read_ics(_outlook(), "Họp Genetica.ics")
    with unit_of_work(engine) as s:
        calendars.import_invitation(s, inv)  # planned on 23 Nov: nothing yet
    with read_session(engine) as s:
        assert records.get(s, "contact", ids["nhung"])["last_contacted_on"] is None
    with clock.frozen(dt.datetime(2026, 12, 5, 9)), unit_of_work(engine) as s:
        calendars.import_invitation(s, calendars.read_ics(_outlook(seq=1, start="100000"), "a.ics"))
    with read_session(engine) as s:
        assert records.get(s, "contact", ids["nhung"])["last_contacted_on"] == dt.date(2026, 12, 3)


def _one_update_per_save(engine: Engine) -> list[str]:
    seen: list[str] = []
    from sqlalchemy import event

    def count(_conn: Any, _cur: Any, statement: str, *_a: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE CONTACT"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    return seen


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_one_update_on_both_databases(backend: str, engine: Engine, request: pytest.FixtureRequest) -> None:
    eng = open_database(request.getfixturevalue("pg_url")) if backend == "postgresql" else engine
    try:
        ids = _people(eng)
        seen = _one_update_per_save(eng)
        group = records.new_group_id()
        _log(eng, ids, dt.datetime(2026, 11, 22, 15, 0), "huong", "thu", "nam", group=group)
        assert len(seen) == 1
        assert _dates(eng, ids) == {
            "huong": dt.date(2026, 11, 22),
            "thu": dt.date(2026, 11, 22),
            "nam": LATER,
        }
        with unit_of_work(eng) as s:
            undo.undo_group(s, group)
            n = s.execute(select(func.count()).select_from(CHANGE).where(CHANGE.c.group_id == group)).scalar()
            assert n and n > 2
        assert _dates(eng, ids) == {"huong": OLD, "thu": None, "nam": LATER}
    finally:
        if eng is not engine:
            eng.dispose()


def test_meetings_imported_from_a_sheet_move_it_too_and_the_import_undo_puts_it_back(
    engine: Engine, tmp_path: Any
) -> None:
    from app.importing import inspect_sheet, preview_import, run_import
    from app.importing.undo import undo_import
    from tests.app.importing.helpers import write_xlsx

    ids = _people(engine)
    book = write_xlsx(
        tmp_path / "cuoc-hop.xlsx",
        {
            "Cuộc họp": [
                ["Tiêu đề", "Bắt đầu", "Thành phần"],
                ["Làm việc với Bộ", dt.datetime(2026, 11, 2, 9), "Nguyễn Minh Hương; Lê Văn Nam"],
                ["Hội thảo sắp tới", dt.datetime(2026, 12, 20, 9), "Đỗ Minh Thư"],  # still to come
            ]
        },
    )
    with read_session(engine) as s:
        layout = inspect_sheet(book, session=s)
        preview = preview_import(book, layout, session=s)
    result = run_import(engine, preview)
    assert _dates(engine, ids) == {"huong": dt.date(2026, 11, 2), "thu": None, "nam": LATER}
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    assert _dates(engine, ids) == {"huong": OLD, "thu": None, "nam": LATER}


def _log_confidential(
    engine: Engine, ids: dict[str, int], at: dt.datetime, *names: str, group: str = ""
) -> int:
    draft = MeetingDraft(
        {"title": "Làm việc riêng với Bộ KH&CN", "starts_at": at, "confidential": True},
        [Chosen(ids["org"], "MOST")],
        [Chosen(ids[n], n) for n in names],
    )
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="test", group_id=group)


def test_a_confidential_meeting_does_not_move_the_shared_date(engine: Engine) -> None:
    """Reviewer's defect: a reader who may not see a confidential meeting learnt its date from
    the attendee's "Last contacted" (and the organisation brief's "Last met")."""
    ids = _people(engine)
    _log_confidential(engine, ids, dt.datetime(2026, 11, 22, 14), "huong", "thu")
    assert _dates(engine, ids) == {"huong": OLD, "thu": None, "nam": LATER}
    with read_session(engine) as s:
        # a brief without confidential records says the shared date; the usual one, which lists
        # the meeting (to a reader who may see it), says its day there too, as its "Last
        # meeting" does (reviewer h149: "Last contacted" above "Last meeting" contradicted it)
        assert gather_contact(s, ids["huong"], hide=True).last_contacted_on == OLD
        assert gather_contact(s, ids["huong"]).last_contacted_on == dt.date(2026, 11, 22)


def test_a_meeting_made_confidential_takes_its_move_back_and_undo_restores_it(engine: Engine) -> None:
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2026, 11, 2, 9), "thu")  # an ordinary meeting Thư attended
    meeting = _log(engine, ids, dt.datetime(2026, 11, 20, 9), "huong", "thu")
    assert _dates(engine, ids) == {"huong": dt.date(2026, 11, 20), "thu": dt.date(2026, 11, 20), "nam": LATER}
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", meeting)["version"]
        records.update(s, "meeting", meeting, {"confidential": True}, expected_version=v, group_id=group)
    # Hương back to what the sheet said, Thư to her other (ordinary) meeting
    assert _dates(engine, ids) == {"huong": OLD, "thu": dt.date(2026, 11, 2), "nam": LATER}
    with unit_of_work(engine) as s:
        undo.undo_group(s, group, actor="test")
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 20)
    with unit_of_work(engine) as s:  # and made ordinary again, it counts again
        v = records.get(s, "meeting", meeting)["version"]
        records.update(s, "meeting", meeting, {"confidential": True}, expected_version=v)
    assert _dates(engine, ids)["huong"] == OLD
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", meeting)["version"]
        records.update(s, "meeting", meeting, {"confidential": False}, expected_version=v)
    assert _dates(engine, ids) == {"huong": dt.date(2026, 11, 20), "thu": dt.date(2026, 11, 20), "nam": LATER}


def test_a_date_a_person_typed_is_not_taken_back(engine: Engine) -> None:
    ids = _people(engine)
    meeting = _log(engine, ids, dt.datetime(2026, 11, 20, 9), "thu")
    with unit_of_work(engine) as s:  # someone typed the same day on Thư's page afterwards (each
        # save of the form is a group of its own; a write with none is a meeting's: app.contacted)
        for day in (19, 20):
            v = records.get(s, "contact", ids["thu"])["version"]
            records.update(
                s,
                "contact",
                ids["thu"],
                {"last_contacted_on": dt.date(2026, 11, day)},
                expected_version=v,
                group_id=records.new_group_id(),
            )
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", meeting)["version"]
        records.update(s, "meeting", meeting, {"confidential": True}, expected_version=v)
    assert _dates(engine, ids)["thu"] == dt.date(2026, 11, 20)


def test_made_confidential_and_moved_in_the_same_save_still_takes_its_move_back(engine: Engine) -> None:
    """Reviewer's gap: the take-back looked for the attendees dated with the meeting's *new*
    day, so a meeting re-dated (or an attendee taken off, or moved into the future) in the
    save that made it confidential left the old day on the contacts' shared date."""
    ids = _people(engine)
    _log(engine, ids, dt.datetime(2026, 11, 2, 9), "thu")  # an ordinary meeting Thư attended
    meeting = _log(engine, ids, dt.datetime(2026, 11, 20, 9), "huong", "thu")
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 20)
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", meeting)["version"]
        records.update(
            s,
            "meeting",
            meeting,
            {"confidential": True, "starts_at": dt.datetime(2026, 11, 21, 15)},
            expected_version=v,
        )
    assert _dates(engine, ids) == {"huong": OLD, "thu": dt.date(2026, 11, 2), "nam": LATER}


@pytest.mark.parametrize("when", [dt.datetime(2026, 12, 1, 9), None])
def test_made_confidential_and_planned_or_undated_takes_its_move_back(
    engine: Engine, when: dt.datetime | None
) -> None:
    ids = _people(engine)
    meeting = _log(engine, ids, dt.datetime(2026, 11, 20, 9), "huong")
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", meeting)["version"]
        changes: dict[str, Any] = {"confidential": True}
        if when is not None:
            changes["starts_at"] = when
        records.update(s, "meeting", meeting, changes, expected_version=v)
    assert _dates(engine, ids)["huong"] == OLD


def _update_meeting(engine: Engine, meeting: int, changes: dict[str, Any]) -> None:
    with unit_of_work(engine) as s:
        v = records.get(s, "meeting", meeting)["version"]
        records.update(s, "meeting", meeting, changes, expected_version=v, group_id=records.new_group_id())


def test_a_confidential_meeting_saved_again_keeps_the_date_taken_back(engine: Engine) -> None:
    """Reviewer's defect: the take-back's own history row (in the meeting's save) was read as
    the meeting's move, so correcting a confidential meeting's time, or adding an attendee,
    put the secret day back."""
    ids = _people(engine)
    meeting = _log(engine, ids, dt.datetime(2026, 11, 20, 9), "huong")
    _update_meeting(engine, meeting, {"confidential": True})
    assert _dates(engine, ids)["huong"] == OLD
    _update_meeting(engine, meeting, {"starts_at": dt.datetime(2026, 11, 20, 14)})
    assert _dates(engine, ids)["huong"] == OLD
    _update_meeting(engine, meeting, {"confidential": False})  # ordinary again: it counts again
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 20)
    _update_meeting(engine, meeting, {"confidential": True})
    assert _dates(engine, ids)["huong"] == OLD


def test_a_meeting_re_dated_then_made_confidential_leaves_none_of_its_days(engine: Engine) -> None:
    """Reviewer's defect: the date went back to the same meeting's earlier day (the one its
    correction replaced), not to what the contact had before the meeting."""
    ids = _people(engine)
    meeting = _log(engine, ids, dt.datetime(2026, 11, 20, 9), "huong")
    _update_meeting(engine, meeting, {"starts_at": dt.datetime(2026, 11, 21, 9)})
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 21)
    _update_meeting(engine, meeting, {"confidential": True})
    assert _dates(engine, ids)["huong"] == OLD


def test_whatever_lowers_it_counts_it_again_and_the_brief_says_one_date(
    engine: Engine, tmp_path: Any
) -> None:
    """h58's finding: meeting #2 was corrected from 06/12 to 02/12; the Viettel brief said "Lần
    gặp gần nhất 02/12/2026" and, of two attendees, "Gặp gần nhất 06/12/2026". A correction to an
    earlier day, an attendee taken off, a meeting deleted (and restored, or its delete undone)
    and a merge all count "Last contacted" again: the latest meeting that counts, never below
    the date her sheet gave (Hương: 15/11/2025), in the same history group as the save."""
    from app import bulk_edit, trash
    from app.briefing import render
    from app.briefing.gather import gather_organisation
    from app.merge import merge
    from tests.app.briefing.pdfutil import pdf_text

    ids = _people(engine)
    meeting = _log(engine, ids, dt.datetime(2026, 11, 20, 9), "huong", "thu")
    assert _dates(engine, ids) == {"huong": dt.date(2026, 11, 20), "thu": dt.date(2026, 11, 20), "nam": LATER}
    group = records.new_group_id()
    with unit_of_work(engine) as s:  # corrected: it was on the 10th
        v = records.get(s, "meeting", meeting)["version"]
        records.update(
            s,
            "meeting",
            meeting,
            {"starts_at": dt.datetime(2026, 11, 10, 9)},
            expected_version=v,
            group_id=group,
        )
    assert _dates(engine, ids) == {"huong": dt.date(2026, 11, 10), "thu": dt.date(2026, 11, 10), "nam": LATER}
    with read_session(engine) as s:
        rows = s.execute(
            select(CHANGE.c.entity_id, CHANGE.c.old, CHANGE.c.new).where(
                CHANGE.c.group_id == group, CHANGE.c.field == "last_contacted_on"
            )
        ).all()
        assert sorted(rows) == sorted([(ids[k], "2026-11-20", "2026-11-10") for k in ("huong", "thu")])
        assert undo.describe(s, group) == 'Edited meeting "Làm việc với Bộ KH&CN"'
        brief = gather_organisation(s, ids["org"])
    path = tmp_path / "org.pdf"
    render.render_organisation(brief, path, lang="vi")
    text = " ".join(pdf_text(path))
    assert "10/11/2026" in text and "20/11/2026" not in text, text
    with unit_of_work(engine) as s:  # Thư was not there after all
        snap = records.get(s, "meeting", meeting)
        people = [a for a in snap["attendees"] if a["contact_id"] != ids["thu"]]
        records.update(s, "meeting", meeting, {"attendees": people}, expected_version=snap["version"])
    assert _dates(engine, ids)["thu"] is None
    deleted = records.new_group_id()
    with unit_of_work(engine) as s:
        records.delete(s, "meeting", meeting, group_id=deleted)
    assert _dates(engine, ids)["huong"] == OLD  # her sheet's date, not nothing
    with unit_of_work(engine) as s:
        undo.undo_group(s, deleted)
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 10)
    with unit_of_work(engine) as s:  # the list's Delete, then the trash's Restore
        bulk_edit.delete_records(s, "meeting", [meeting])
    assert _dates(engine, ids)["huong"] == OLD
    with unit_of_work(engine) as s:
        trash.restore_many(s, [("meeting", meeting)])
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 10)
    # Thư met us on the 18th under a second record of hers: merged, Hương's date is the 18th
    with unit_of_work(engine) as s:
        records.update(
            s, "contact", ids["thu"], {"full_name": "Nguyễn Minh Hương (2)"}, expected_version=None
        )
    _log(engine, ids, dt.datetime(2026, 11, 18, 9), "thu")
    with unit_of_work(engine) as s:
        merge(s, "contact", ids["huong"], ids["thu"])
    assert _dates(engine, {"huong": ids["huong"]}) == {"huong": dt.date(2026, 11, 18)}


def test_the_date_a_sheet_gave_is_the_floor_of_a_recount(engine: Engine, tmp_path: Any) -> None:
    """A contacts sheet's "Ngày gặp gần nhất" (imported), or a day typed on the page later, is what
    a recount falls back to when the meeting that moved the date past it is deleted."""
    from app.importing import inspect_sheet, preview_import, run_import
    from tests.app.importing.helpers import write_xlsx

    book = write_xlsx(
        tmp_path / "lien-he.xlsx",
        {"Liên hệ": [["Họ và tên", "Ngày gặp gần nhất"], ["Trần Thị Thu Hà", dt.date(2025, 3, 2)]]},
    )
    with read_session(engine) as s:
        layout = inspect_sheet(book, session=s)
        preview = preview_import(book, layout, session=s)
    run_import(engine, preview)
    with read_session(engine) as s:
        ha = s.execute(select(CHANGE.c.entity_id).where(CHANGE.c.entity == "contact")).scalars().first()
    assert ha is not None
    with unit_of_work(engine) as s:
        ids = {"org": records.create(s, "organisation", {"name": "Viettel"}), "ha": ha}
    for typed, floor in ((False, dt.date(2025, 3, 2)), (True, dt.date(2026, 10, 1))):
        if typed:  # then someone typed a later day on her page (the form's save is one group)
            with unit_of_work(engine) as s:
                v = records.get(s, "contact", ha)["version"]
                records.update(
                    s,
                    "contact",
                    ha,
                    {"last_contacted_on": floor},
                    expected_version=v,
                    group_id=records.new_group_id(),
                )
        meeting = _log(engine, ids, dt.datetime(2026, 11, 20, 9), "ha")
        assert _dates(engine, ids) == {"ha": dt.date(2026, 11, 20)}
        with unit_of_work(engine) as s:
            records.delete(s, "meeting", meeting, group_id=records.new_group_id())
        assert _dates(engine, ids) == {"ha": floor}


def test_a_contacts_sheets_date_stays_the_floor_with_a_meetings_sheet_in_the_same_workbook(
    engine: Engine, tmp_path: Any
) -> None:
    """One workbook, one import, one history group: its contacts sheet gave Hương "Ngày gặp gần
    nhất" 10/11/2026 and its meetings sheet a meeting with her on 20/11. That meeting moved
    earlier (05/11), the recount took her back to the date before the import (15/11/2025): the
    sheet's date, in a group holding the meetings' changes, was read as a meeting's. Now it
    stays the floor; after the import's undo a recount does not bring the sheet's date back."""
    from app.importing import inspect_workbook, preview_import, run_import
    from app.importing.sheet import SheetLayout
    from app.importing.undo import undo_import
    from tests.app.importing.helpers import write_xlsx

    ids = _people(engine)
    book = write_xlsx(
        tmp_path / "lien-he-va-cuoc-hop.xlsx",
        {
            "Liên hệ": [
                ["Họ và tên", "Cơ quan", "Ngày gặp gần nhất"],
                ["Nguyễn Minh Hương", "Bộ Khoa học và Công nghệ", dt.date(2026, 11, 10)],
            ],
            "Cuộc họp": [
                ["Tiêu đề", "Bắt đầu", "Thành phần"],
                ["Làm việc với Bộ", dt.datetime(2026, 11, 20, 9), "Nguyễn Minh Hương"],
            ],
        },
    )
    previews: list[Any] = []
    with read_session(engine) as s:
        for layout in inspect_workbook(book, session=s):
            assert isinstance(layout, SheetLayout)
            previews.append(preview_import(book, layout, session=s, parallel=False, after=list(previews)))
    assert [p.kind for p in previews] == ["contact", "meeting"]
    assert [r.status for r in previews[0].rows] == ["update"]  # her, already there
    result = run_import(engine, previews)
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 20)
    with read_session(engine) as s:
        meeting = s.execute(
            select(CHANGE.c.entity_id).where(CHANGE.c.entity == "meeting", CHANGE.c.op == "create")
        ).scalar_one()
    _update_meeting(engine, meeting, {"starts_at": dt.datetime(2026, 11, 5, 9)})
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 10)  # the sheet's, not 15/11/2025

    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    assert _dates(engine, ids)["huong"] == OLD
    late = _log(engine, ids, dt.datetime(2026, 11, 3, 9), "huong")
    with unit_of_work(engine) as s:
        records.delete(s, "meeting", late, group_id=records.new_group_id())
    # the sheet's date went with its import: the meeting it brought, kept (edited since), counts
    assert _dates(engine, ids)["huong"] == dt.date(2026, 11, 5)
