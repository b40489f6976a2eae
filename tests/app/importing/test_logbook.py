"""A meetings (or actions) sheet under Log meeting's two rules (app.importing.logbook), through
the functions the import wizard calls (preview_import, run_import): a meeting a colleague logged
by hand is that meeting, not a second one; an organisation reorganised by the row's day is its
successor, said at the organisation column; rows the rules must not catch are left alone.

Reviewer: an officer imported the month's meetings after Lan had logged one by hand (another
title, same time, same firm): it was created a second time; a 2026 meeting with the ministry
merged into Bộ Tài chính in 2025 was filed under the old ministry, with no word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app import records, reorg
from app.importing.matching import match_rows
from db import models as m
from db.engine import Engine, read_session, unit_of_work
from tests.app.importing.helpers import do_import, preview, write_xlsx

LAN = "Trần Thị Lan"
DAY = dt.datetime(2026, 12, 6)
HEADER = ["Tiêu đề", "Bắt đầu", "Kết thúc", "Hình thức", "Đơn vị", "Thành phần", "Biên bản"]


def _setup(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        ids = {
            key: records.create(s, "organisation", {"name": name, "acronym": acronym})
            for key, name, acronym in (
                ("gen", "Genetica", "GEN"),
                ("mof", "Bộ Tài chính", "MOF"),
                ("mpi", "Bộ Kế hoạch và Đầu tư", "MPI"),
                ("most", "Bộ Khoa học và Công nghệ", "MOST"),
                ("ha", "Hội A", "HA"),
                ("hb", "Hội B", "HB"),
                ("hc", "Hội C", "HC"),
            )
        }
        ids["giang"] = records.create(
            s, "contact", {"full_name": "Hồ Đức Giang", "organisation_id": ids["gen"]}
        )
        ids["logged"] = records.create(
            s,
            "meeting",
            {"title": "Lam viec voi Genetica ve sandbox", "starts_at": DAY.replace(hour=9, minute=33),
             "organisation_ids": [ids["gen"]], "attendees": [{"contact_id": ids["giang"], "role": "participant"}]},
            actor=LAN,
        )  # fmt: skip
        reorg.succeed(s, ids["mpi"], [ids["mof"]], kind="merged", on=dt.date(2025, 3, 1))
        reorg.succeed(s, ids["ha"], [ids["hb"], ids["hc"]], kind="split", on=dt.date(2025, 3, 1))
    return ids


def _meetings(engine: Engine) -> dict[str, list[int]]:
    with read_session(engine) as s:
        rows = s.exec(select(m.Meeting).where(m.Meeting.deleted_at.is_(None))).all()  # type: ignore[union-attr]
        return {r.title: records.snapshot(s, "meeting", r.id)["organisation_ids"] for r in rows}


def _said(row: Any, lang: str = "en") -> str:
    return row.message_text(lang)


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    return _setup(engine)


def test_a_meeting_logged_by_hand_is_matched_not_created_again(
    engine: Engine, ids: dict[str, int], tmp_path: Path
) -> None:
    book = write_xlsx(tmp_path / "hop.xlsx", {"Cuộc họp": [
        HEADER,
        # another title, 09:30 (the hand-logged one 09:33), Genetica: the same meeting
        ["Làm việc với Genetica", DAY.replace(hour=9, minute=30), None, None, "Genetica", None, "Thống nhất sandbox"],
        # not caught: the same day, Genetica, but no overlap (15:00)
        ["Họp Genetica buổi chiều", DAY.replace(hour=15), None, None, "Genetica", None, None],
        # not caught: the same time, nothing in common
        ["Gặp MOST", DAY.replace(hour=9, minute=30), None, None, "MOST", None, None],
        # not caught: an event and a meeting are two meetings
        ["Ngày hội đổi mới", DAY.replace(hour=9), DAY.replace(hour=12), "Sự kiện", "Genetica", None, None],
        # caught by a person in common (no organisation given)
        ["Gặp anh Giang", DAY.replace(hour=10), None, None, None, "Hồ Đức Giang", None],
    ]})  # fmt: skip
    pv, _done = do_import(engine, book)
    same, afternoon, most, event, by_person = pv.rows
    assert same.status == "update" and same.match_id == ids["logged"]
    assert f"{LAN} already logged “Lam viec voi Genetica ve sandbox” with Genetica at 09:33" in _said(same)
    assert f"{LAN} đã ghi cuộc họp “Lam viec voi Genetica ve sandbox” với Genetica lúc 09:33" in _said(
        same, "vi"
    )
    assert same.said_warnings and same.said_warnings[0].code == "logged_already_by_on"
    assert [r.status for r in (afternoon, most, event)] == ["new", "new", "new"]
    assert not any(w.code.startswith("logged") for r in (afternoon, most, event) for w in r.messages())
    # the second row meeting the same saved meeting repeats the first: not written
    assert by_person.status == "duplicate" and by_person.duplicate_of == same.row
    assert "with Hồ Đức Giang at 09:33" in _said(
        by_person
    ) and "same time and organisation or attendee" in _said(by_person)
    assert sorted(_meetings(engine)) == sorted(
        ["Lam viec voi Genetica ve sandbox", "Họp Genetica buổi chiều", "Gặp MOST", "Ngày hội đổi mới"]
    )
    with read_session(engine) as s:
        assert records.snapshot(s, "meeting", ids["logged"])["minutes"] == "Thống nhất sandbox"


def test_skip_and_create_anyway_as_for_any_match(engine: Engine, ids: dict[str, int], tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "hop.xlsx", {"Cuộc họp": [
        HEADER, ["Làm việc với Genetica", DAY.replace(hour=9), DAY.replace(hour=10), None, "GEN", None, None],
    ]})  # fmt: skip
    skipped = preview(engine, book, on_match="skip").rows[0]
    assert skipped.status == "skip" and skipped.match_id == ids["logged"]
    assert f"already exists: #{ids['logged']} (same time and organisation or attendee)" in _said(skipped)
    assert "already logged" in _said(skipped)
    anyway = preview(engine, book, on_match="create").rows[0]
    assert anyway.status == "new" and "created anyway" in _said(anyway) and "already logged" in _said(anyway)


def test_said_once_when_matched_again(engine: Engine, ids: dict[str, int], tmp_path: Path) -> None:
    """The wizard matches again after a change of the database (or at the commit): the warnings
    are the last run's, not piled up."""
    book = write_xlsx(tmp_path / "hop.xlsx", {"Cuộc họp": [
        HEADER,
        ["Làm việc với Genetica", DAY.replace(hour=9, minute=30), None, None, "Genetica", None, None],
        ["Họp MPI", dt.datetime(2026, 12, 10, 10), None, None, "MPI", None, None],
    ]})  # fmt: skip
    pv = preview(engine, book)
    with unit_of_work(engine) as s:  # the database changes: the next matching runs again
        records.create(s, "organisation", {"name": "Another"})
    with read_session(engine) as s:
        match_rows(s, pv)
    logged, merged = pv.rows
    # (nothing new for the meeting logged: skipped, still saying which it is and who logged it)
    assert logged.status == "skip" and logged.match_id == ids["logged"]
    codes = [m.code for m in logged.messages()]
    assert codes == ["nothing_new", "fill_keeps", "logged_already_by_on"]
    assert [m.code for m in merged.messages()] == ["successor_meeting"]


def test_an_organisation_reorganised_by_the_meetings_day_is_its_successor(
    engine: Engine, ids: dict[str, int], tmp_path: Path
) -> None:
    book = write_xlsx(tmp_path / "hop.xlsx", {"Cuộc họp": [
        HEADER,
        ["Họp MPI 2026", dt.datetime(2026, 12, 10, 10), None, None, "Bộ Kế hoạch và Đầu tư", None, None],
        ["Họp MPI 2024", dt.datetime(2024, 12, 10, 10), None, None, "MPI", None, None],  # before: kept
        ["Họp Hội A", dt.datetime(2026, 12, 11, 10), None, None, "HA", None, None],  # split: kept, asked
        ["Họp MPI và MOF", dt.datetime(2026, 12, 12, 10), None, None, "MPI; MOF", None, None],
    ]})  # fmt: skip
    pv, _done = do_import(engine, book)
    merged, before, split, _both = pv.rows
    assert _said(merged) == (
        "Đơn vị (E): Bộ Kế hoạch và Đầu tư (MPI) became Bộ Tài chính on 01/03/2025: "
        "the meeting is filed under Bộ Tài chính"
    )
    assert _said(merged, "vi") == (
        "Đơn vị (E): Bộ Kế hoạch và Đầu tư (MPI) đã trở thành Bộ Tài chính từ ngày 01/03/2025: "
        "cuộc họp được ghi với Bộ Tài chính"
    )
    assert _said(before) == ""
    assert "Hội A (HA) was split into Hội B, Hội C on 01/03/2025: kept as Hội A (HA)" in _said(split)
    assert _meetings(engine) == {
        "Lam viec voi Genetica ve sandbox": [ids["gen"]],
        "Họp MPI 2026": [ids["mof"]],
        "Họp MPI 2024": [ids["mpi"]],
        "Họp Hội A": [ids["ha"]],
        "Họp MPI và MOF": [ids["mof"]],
    }


def test_an_actions_sheet_files_open_actions_under_the_successor(
    engine: Engine, ids: dict[str, int], tmp_path: Path
) -> None:
    with unit_of_work(engine) as s:  # an open action of MPI's, moved to MOF by the reorganisation
        moved = records.create(s, "action", {"title": "Gửi công văn góp ý", "organisation_id": ids["mof"]})
    book = write_xlsx(tmp_path / "viec.xlsx", {"Việc": [
        ["Việc", "Đơn vị", "Hạn", "Trạng thái", "Ngày hoàn thành"],
        ["Gửi công văn góp ý", "MPI", dt.date(2026, 12, 20), "Đang mở", None],  # the one moved: matched
        ["Chuẩn bị báo cáo", "MPI", dt.date(2024, 6, 1), "Đang mở", None],  # open: the successor's
        ["Báo cáo quý", "MPI", dt.date(2024, 12, 20), "Hoàn thành", dt.date(2024, 12, 18)],  # done before
        ["Báo cáo năm", "MPI", dt.date(2026, 1, 20), "Hoàn thành", dt.date(2026, 1, 18)],  # done after
    ]})  # fmt: skip
    pv, _done = do_import(engine, book, kind="action")
    again, still_open, done_before, done_after = pv.rows
    assert again.match_id == moved and again.status in ("update", "skip")
    assert "the action is filed under Bộ Tài chính" in _said(still_open)
    assert "việc được ghi cho Bộ Tài chính" in _said(still_open, "vi")
    assert _said(done_before) == ""
    with read_session(engine) as s:
        orgs = {a.title: a.organisation_id for a in s.exec(select(m.Action)).all()}
    assert orgs == {
        "Gửi công văn góp ý": ids["mof"],
        "Chuẩn bị báo cáo": ids["mof"],
        "Báo cáo quý": ids["mpi"],
        "Báo cáo năm": ids["mof"],
    }
    assert done_after.status == "new"
