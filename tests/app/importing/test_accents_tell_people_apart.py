"""Two names that differ only by their accents are two people's unless an e-mail or a phone
joins them (reviewer h129: "Phạm Thị Thu Trang" and "Pham Thi Thu Trang", two records, made one
by an export imported back, the meeting of one given to the other). A name is matched as
written, case and spaces aside; one that folds like a record's or a row's above is imported as
a new person and the row says whom it probably is (then Find duplicates merges them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app import records
from app.importing import run_import
from app.importing.messages import text
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import preview, write_xlsx

HEAD = ["Họ và tên", "Đơn vị", "Email", "Điện thoại"]


def _people(engine: Engine) -> list[str]:
    with read_session(engine) as s:
        return sorted(
            c.full_name for c in s.exec(select(m.Contact).where(col(m.Contact.deleted_at).is_(None)))
        )


def test_two_rows_of_one_name_but_its_accents_are_two_people(engine: Engine, tmp_path: Path) -> None:
    pv = preview(engine, write_xlsx(tmp_path / "a.xlsx", {"Liên hệ": [
        HEAD,
        ["Pham Thi Thu Trang", "MOST", "trang.ptt@most.vn", None],
        ["Phạm Thị Thu Trang", "MOST", None, None],
    ]}))  # fmt: skip
    assert [r.status for r in pv.rows] == ["new", "new"]
    said = [text(r) for r in pv.rows[1].reasons]
    assert said == [
        'probably the same person as row 2 "Pham Thi Thu Trang", the same name with other accents, '
        "at the same organisation: imported as another new contact; if it is, merge the two after "
        "the import (Find duplicates)"
    ]
    run_import(engine, pv)
    assert _people(engine) == ["Pham Thi Thu Trang", "Phạm Thị Thu Trang"]


def test_a_shared_phone_joins_them(engine: Engine, tmp_path: Path) -> None:
    pv = preview(engine, write_xlsx(tmp_path / "b.xlsx", {"Liên hệ": [
        HEAD,
        ["Pham Thi Thu Trang", "MOST", "trang.ptt@most.vn", "0912 000 111"],
        ["Phạm Thị Thu Trang", "MOST", None, "0912 000 111"],
        ["PHẠM  THỊ THU TRANG", "MOST", None, None],
    ]}))  # fmt: skip
    assert [r.status for r in pv.rows] == ["new", "duplicate", "new"]
    # (the third is written as the second, case and spaces aside: the second's person, a row that
    # is a duplicate itself, is a new one here, said to be probably row 2)
    assert [r.code for r in pv.rows[2].reasons] == ["likely_row"]


def test_a_row_meets_the_record_written_as_it_is(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        met = records.create(s, "contact", {"full_name": "Phạm Thị Thu Trang", "organisation_id": most})
        other = records.create(
            s,
            "contact",
            {"full_name": "Pham Thi Thu Trang", "organisation_id": most, "position": "Chuyên viên"},
        )
    pv = preview(engine, write_xlsx(tmp_path / "c.xlsx", {"Liên hệ": [
        [*HEAD, "Liên hệ gần nhất"],
        ["Phạm Thị Thu Trang", "MOST", None, None, "07/11/2026"],
        ["pham thi thu trang", "MOST", None, "0912 000 111", None],
    ]}))  # fmt: skip
    assert [(r.status, r.match_id) for r in pv.rows] == [("update", met), ("update", other)]
    run_import(engine, pv)
    with read_session(engine) as s:
        assert s.get(m.Contact, met).last_contacted_on == dt.date(2026, 11, 7)  # type: ignore[union-attr]
        assert s.get(m.Contact, other).last_contacted_on is None  # type: ignore[union-attr]


def test_a_sheet_typed_without_accents_updates_the_one_record_it_folds_to(
    engine: Engine, tmp_path: Path
) -> None:
    """A field sheet typed without any accents (as phones write names) is still the record:
    not a second "Nguyễn Thị Hồng Nhung" at each weekly import. A name typed with other accents
    is another person, said probably to be the record."""
    with unit_of_work(engine) as s:
        vin = records.create(
            s, "organisation", {"name": "Mạng lưới Đổi mới sáng tạo Việt Nam", "acronym": "VIN"}
        )
        nhung = records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "organisation_id": vin})
    pv = preview(engine, write_xlsx(tmp_path / "d.xlsx", {"Liên hệ": [
        HEAD,
        ["Nguyen Thi Hong Nhung", "VIN", None, "0912 345 678"],
        ["Nguyễn Thi Hông Nhung", "VIN", None, None],
    ]}))  # fmt: skip
    plain, other = pv.rows
    assert plain.status == "update" and plain.match_id == nhung
    assert other.status == "new"
    assert text(other.reasons[0]).startswith(
        f"probably Nguyễn Thị Hồng Nhung (#{nhung}), the same name with other accents, at the same organisation"
    )


def test_typed_without_accents_beside_two_records_that_fold_alike_is_neither(
    engine: Engine, tmp_path: Path
) -> None:
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        records.create(s, "contact", {"full_name": "Phạm Thị Thu Trang", "organisation_id": most})
        records.create(s, "contact", {"full_name": "Phạm Thị Thu Tráng", "organisation_id": most})
    pv = preview(engine, write_xlsx(tmp_path / "f.xlsx", {"Liên hệ": [
        HEAD, ["Pham Thi Thu Trang", "MOST", None, None],
    ]}))  # fmt: skip
    (row,) = pv.rows
    assert row.status == "new"  # which of the two is not guessed


def test_a_meetings_attendee_is_the_person_written_so(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        met = records.create(s, "contact", {"full_name": "Phạm Thị Thu Trang", "organisation_id": most})
        other = records.create(s, "contact", {"full_name": "Pham Thi Thu Trang", "organisation_id": most})
    pv = preview(engine, write_xlsx(tmp_path / "e.xlsx", {"Cuộc họp": [
        ["Tiêu đề", "Bắt đầu", "Thành phần"],
        ["Gặp chị Trang", "07/12/2026 10:00", "Phạm Thị Thu Trang"],
        ["Gặp em Trang", "08/12/2026 10:00", "Pham Thi Thu Trang"],
        ["Gặp ai?", "09/12/2026 10:00", "Phạm Thi Thu Trang"],
    ]}))  # fmt: skip
    first, second, third = pv.rows
    assert first.relations is not None and second.relations is not None and third.relations is not None
    assert [a for a in first.relations["attendees"]] == [met]
    assert [a for a in second.relations["attendees"]] == [other]
    assert not [r for r in (*first.reasons, *second.reasons) if r.code == "attendee_namesakes"]
    # written as neither: which one is not guessed silently
    assert [r.code for r in third.reasons if r.code == "attendee_namesakes"] == ["attendee_namesakes"]


def test_a_new_person_of_a_workbook_beside_a_record_written_otherwise(engine: Engine, tmp_path: Path) -> None:
    """The contacts sheet adds "Phạm Thị Thu Trang" beside the database's "Pham Thi Thu Trang":
    the meetings sheet's preview gives each attendee the person written so."""
    from app.importing import inspect_workbook, preview_import

    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        other = records.create(s, "contact", {"full_name": "Pham Thi Thu Trang", "organisation_id": most})
    path = write_xlsx(tmp_path / "f.xlsx", {
        "Liên hệ": [HEAD, ["Phạm Thị Thu Trang", "MOST", None, None]],
        "Cuộc họp": [
            ["Tiêu đề", "Bắt đầu", "Thành phần"],
            ["Gặp chị Trang", "07/12/2026 10:00", "Phạm Thị Thu Trang"],
            ["Gặp em Trang", "08/12/2026 10:00", "Pham Thi Thu Trang"],
        ],
    })  # fmt: skip
    with read_session(engine) as s:
        layouts = [x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception)]
        contacts = preview_import(path, layouts[0], session=s, parallel=False)
        meetings = preview_import(path, layouts[1], session=s, parallel=False, after=[contacts])
    assert [r.status for r in contacts.rows] == ["new"]
    first, second = (r.relations["attendees"] for r in meetings.rows if r.relations is not None)
    assert first != [other] and first[0] < 0  # the new person's placeholder
    assert second == [other]
    run_import(engine, [contacts, meetings])
    with read_session(engine) as s:
        att = {(a.meeting_id, a.contact_id) for a in s.exec(select(m.MeetingAttendee))}
        names = {c.id: c.full_name for c in s.exec(select(m.Contact))}
        titles = {mt.id: mt.title for mt in s.exec(select(m.Meeting))}
    assert sorted((titles[mi], names[ci]) for mi, ci in att) == [
        ("Gặp chị Trang", "Phạm Thị Thu Trang"),
        ("Gặp em Trang", "Pham Thi Thu Trang"),
    ]
