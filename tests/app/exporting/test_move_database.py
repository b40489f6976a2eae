"""A team moves its records to another laptop (or to the team server) by `ketnoi export` and
`ketnoi import` into a new database: every table the workbook carries comes back the same,
compared table by table (count and every field, references by what they name), on the demo
database with records filled in by hand (Vietnamese names, multi-line notes, several phones and
emails, attendees with emails and roles, three meetings of one title (two on one day), actions with owners, due
dates, priorities and done state, an organisation's parent, tags, sectors)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from sqlmodel import SQLModel, select

from app import records
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.cli.inproc import copy_of, demo_database, run_cli

LEFT_OUT = {
    "id",
    "created_at",
    "updated_at",
    "version",
    "deleted_at",
    "import_batch_id",
    "search_text",
    "folded",
}
"""What a new database gives a record of its own (ids, times, history), and what it derives."""

CARRIED = (m.Staff, m.Organisation, m.Contact, m.Meeting, m.Action, m.ContactMethod, m.MeetingAttendee,
           m.MeetingOrganisation, m.MeetingStaff, m.ContactTag, m.OrganisationTag, m.OrganisationSector,
           m.Tag, m.Sector)  # fmt: skip
"""The tables the workbook carries (letters, posts, reorganisations and attachments it does not:
the README says so)."""


def tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every live row of each carried table, its fields but those :data:`LEFT_OUT`, each id it
    holds replaced by what it names (a meeting by its title and start), sorted."""
    engine = open_database(f"sqlite:///{path}")
    try:
        with read_session(engine) as s:
            staff = {x.id: x.name for x in s.exec(select(m.Staff))}
            orgs = {x.id: x.name for x in s.exec(select(m.Organisation))}
            contacts = {x.id: x.full_name for x in s.exec(select(m.Contact))}
            meetings = {x.id: (x.title, x.starts_at) for x in s.exec(select(m.Meeting))}
            named: dict[str, dict[Any, Any]] = {
                "owner_id": staff, "responsible_staff_id": staff, "staff_id": staff,
                "parent_id": orgs, "organisation_id": orgs, "contact_id": contacts, "responsible_contact_id": contacts,
                "meeting_id": meetings, "tag_id": {x.id: x.name for x in s.exec(select(m.Tag))},
                "sector_id": {x.id: x.name for x in s.exec(select(m.Sector))},
            }  # fmt: skip
            out: dict[str, list[tuple[Any, ...]]] = {}
            model: type[SQLModel]
            for model in CARRIED:
                rows = []
                for row in s.exec(select(model)):
                    if getattr(row, "deleted_at", None) is not None:
                        continue
                    fields = []
                    for name in sorted(type(row).model_fields):
                        value = getattr(row, name)
                        if name in LEFT_OUT or name.endswith("sort_key"):
                            continue
                        if name in named and value is not None:
                            value = named[name].get(value, ("missing", value))
                        fields.append((name, repr(value)))
                    rows.append(tuple(fields))
                out[model.__name__] = sorted(rows)
            return out
    finally:
        engine.dispose()


def fill_by_hand(path: Path) -> None:
    """Records with every field an officer can fill, beside the demo's."""
    engine = open_database(f"sqlite:///{path}")
    try:
        with unit_of_work(engine) as s:
            ha = records.create(s, "staff", {"name": "Đặng Thị Thu Hà", "email": "ha.dt@nic.gov.vn"})
            duc = records.create(s, "staff", {"name": "Vũ Minh Đức", "email": ""})
            most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ (thử)", "acronym": "MOSTX",
                                                      "kind": "ministry"})  # fmt: skip
            dept = records.create(s, "organisation", {
                "name": "Vụ Hợp tác quốc tế (thử)", "name_en": "International Cooperation Department",
                "acronym": "HTQT", "aliases": ["Vụ HTQT", "ICD"], "kind": "ministry", "parent_id": most,
                "country": "VN", "city": "Hà Nội", "address": "113 Trần Duy Hưng\nCầu Giấy", "website": "https://most.gov.vn",
                "sectors": ["AI", "Bán dẫn"], "influence": 5, "interest": 4, "owner_id": ha,
                "tags": ["VIP", "đối tác chiến lược"], "notes": "Dòng một\nDòng hai\n  thụt lề",
            })  # fmt: skip
            thu = records.create(s, "contact", {
                "full_name": "Phạm Thị Minh Thư", "family_name": "Phạm", "middle_name": "Thị Minh", "given_name": "Thư",
                "honorific": "Bà", "position": "Phó Vụ trưởng", "organisation_id": dept,
                "emails": ["thu.ptm@most.gov.vn", "minhthu@gmail.com"], "phones": ["0912000999", "+84 24 3556 0000"],
                "country": "VN", "influence": 4, "interest": 3, "owner_id": duc, "tags": ["VIP"],
                "source": "Hội thảo 2025", "last_contacted_on": dt.date(2026, 11, 20), "notes": "Ghi chú\nnhiều dòng",
            })  # fmt: skip
            smith = records.create(s, "contact", {"full_name": "John Smith", "honorific": "Dr", "position": "Director",
                                                  "emails": ["john@example.org"], "country": "SG"})  # fmt: skip
            bao = records.create(s, "contact", {"full_name": "Trần Văn Bảo", "organisation_id": dept,
                                                "phones": ["+84 24 3556 0000"]})  # fmt: skip
            s.execute(
                update(m.ContactMethod)
                .where(m.ContactMethod.contact_id == thu, m.ContactMethod.value == "+84912000999")  # type: ignore[arg-type]
                .values(label="mobile")
            )
            first = records.create(s, "meeting", {
                "title": "Làm việc với Vụ HTQT", "starts_at": dt.datetime(2026, 11, 20, 9, 0),
                "ends_at": dt.datetime(2026, 11, 20, 11, 30), "location": "Phòng 301, 113 Trần Duy Hưng",
                "kind": "working_session", "organisation_ids": [dept, most],
                "attendees": [{"contact_id": thu, "role": "chair"}, {"contact_id": smith, "role": "presenter"},
                              {"contact_id": bao, "role": "observer"}],
                "staff_ids": [ha, duc], "agenda": "1. Hợp tác AI\n2. Bán dẫn", "minutes": "Biên bản\nnhiều dòng",
                "decisions": "Ký MoU trong quý I", "owner_id": ha,
            })  # fmt: skip
            again = records.create(s, "meeting", {"title": "Làm việc với Vụ HTQT", "kind": "call",
                                                  "starts_at": dt.datetime(2026, 12, 1, 14, 0)})  # fmt: skip
            # the afternoon's second call of that title, the same day: another meeting
            later = records.create(s, "meeting", {"title": "Làm việc với Vụ HTQT", "kind": "call",
                                                  "starts_at": dt.datetime(2026, 12, 1, 16, 30)})  # fmt: skip
            records.create(
                s, "action", {"title": "Gọi lại", "meeting_id": later, "responsible_staff_id": duc}
            )
            records.create(s, "action", {
                "title": "Gửi thư giới thiệu", "kind": "letter", "direction": "we_owe", "responsible_staff_id": ha,
                "organisation_id": dept, "meeting_id": again, "due_date": dt.date(2026, 12, 10),
                "status": "in_progress", "priority": 1, "reference": "125/NIC-HTQT", "notes": "Gửi bản tiếng Anh\nkèm phụ lục",
            })  # fmt: skip
            records.create(s, "action", {
                "title": "Gửi tài liệu", "kind": "document", "direction": "they_owe", "responsible_contact_id": thu,
                "meeting_id": first, "due_date": dt.date(2026, 11, 25), "status": "done",
                "completed_on": dt.date(2026, 11, 24), "priority": 3,
            })  # fmt: skip
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = demo_database(tmp_path_factory)
    fill_by_hand(path)
    return path


def cell(path: Path, sheet: str, header: str, key: str) -> Any:
    wb = load_workbook(path, read_only=True)
    try:
        rows = list(wb[sheet].iter_rows(values_only=True))
    finally:
        wb.close()
    at = rows[0].index(header)
    return [r[at] for r in rows[1:] if key in r]


@pytest.mark.parametrize("lang", ["en_GB.UTF-8", "vi_VN.UTF-8"])
def test_a_database_moved_by_export_and_import_comes_back_table_by_table(
    filled: Path, tmp_path: Path, lang: str
) -> None:
    source = copy_of(filled, tmp_path)
    done = run_cli(source, "export", str(tmp_path / "move.xlsx"), lang=lang)
    assert done.returncode == 0, done.stderr
    done = run_cli(tmp_path / "new.db", "import", str(tmp_path / "move.xlsx"), lang=lang)
    assert done.returncode == 0, done.stderr
    before, after = tables(source), tables(tmp_path / "new.db")
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        assert after[table] == rows, (table, set(rows) ^ set(after[table]))
    # The action of the second "Làm việc với Vụ HTQT" names it by its start, as a person reads it
    assert cell(tmp_path / "move.xlsx", "Việc (Actions)", "Cuộc họp / Meeting", "Gửi thư giới thiệu") == [
        "Làm việc với Vụ HTQT (01/12/2026 14:00)"
    ]


def test_attendees_and_the_one_responsible_are_found_by_their_email(filled: Path, tmp_path: Path) -> None:
    """The team server holds Phạm Thị Minh Thư as "TS. Phạm Minh Thư" (another spelling) and John
    Smith's address is a shared one there too: the meetings and actions sheets imported on top
    give each seat and each action back to the person its email names, not to nobody ("attendee
    not found") and not to the first holder of a shared mailbox."""
    source = copy_of(filled, tmp_path)
    done = run_cli(source, "export", str(tmp_path / "move.xlsx"))
    assert done.returncode == 0, done.stderr
    seats = cell(
        tmp_path / "move.xlsx",
        "Cuộc họp (Meetings)",
        "Thành phần / Attendees",
        "Phòng 301, 113 Trần Duy Hưng",
    )
    assert seats == [
        "John Smith <john@example.org> (Presenter); Phạm Thị Minh Thư <thu.ptm@most.gov.vn> (Chair); "
        "Trần Văn Bảo (Observer)"
    ]
    team = tmp_path / "team.db"
    engine = open_database(f"sqlite:///{team}")
    try:
        with unit_of_work(engine) as s:
            front = records.create(
                s, "contact", {"full_name": "Lễ tân Example", "emails": ["john@example.org"]}
            )
            smith = records.create(s, "contact", {"full_name": "John Smith", "emails": ["john@example.org"]})
            thu = records.create(
                s, "contact", {"full_name": "TS. Phạm Minh Thư", "emails": ["thu.ptm@most.gov.vn"]}
            )
            bao = records.create(s, "contact", {"full_name": "Trần Văn Bảo"})
    finally:
        engine.dispose()
    for sheet in ("Cuộc họp (Meetings)", "Việc (Actions)"):
        done = run_cli(team, "import", str(tmp_path / "move.xlsx"), "--sheet", sheet)
        assert done.returncode == 0, done.stderr
        assert "not found" not in done.stdout, done.stdout
    engine = open_database(f"sqlite:///{team}")
    try:
        with read_session(engine) as s:
            meeting = s.exec(
                select(m.Meeting.id).where(m.Meeting.location == "Phòng 301, 113 Trần Duy Hưng")
            ).one()
            got = sorted(
                s.exec(
                    select(m.MeetingAttendee.contact_id, m.MeetingAttendee.role).where(
                        m.MeetingAttendee.meeting_id == meeting
                    )
                )
            )
            action = s.exec(
                select(m.Action.responsible_contact_id, m.Action.meeting_id).where(
                    m.Action.title == "Gửi tài liệu"
                )
            ).one()
    finally:
        engine.dispose()
    assert got == sorted([(thu, "chair"), (smith, "presenter"), (bao, "observer")])
    assert front not in {c for c, _ in got}
    assert tuple(action) == (thu, meeting)
