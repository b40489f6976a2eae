"""Warnings, not rejections (issue 10, item 3), and every recognised column stored (item 4).

A value that does not identify the record is kept as typed and said aloud with its sheet, row
and column; only a row with no name (or one that conflicts with another) is rejected. "Last
met" / "Ngày liên hệ" becomes the contact's last-contacted date, shown on its page and brief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app import records
from app import validation as v
from app.briefing.gather import gather_contact
from app.briefing.queries import last_met
from app.errors import ValidationError
from app.importing import fields as fs
from app.importing.cleaning import collect, to_input
from app.importing.messages import text
from app.importing.sheet import remember_mapping, remembered_mapping
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import do_import, write_xlsx

HEADERS = ["Họ và tên", "Email", "Điện thoại", "Ngày liên hệ", "Ghi chú"]


def _contacts(engine: Any) -> dict[str, Any]:
    with read_session(engine) as s:
        out = {}
        for c in s.exec(select(m.Contact)):
            methods = s.exec(
                select(m.ContactMethod.kind, m.ContactMethod.value)
                .where(m.ContactMethod.contact_id == c.id)
                .order_by(m.ContactMethod.position)
            ).all()
            out[c.full_name] = (m.Contact.model_validate(c.model_dump()), [tuple(x) for x in methods])
        return out


def test_a_row_is_imported_whatever_its_non_essential_cells_hold(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        HEADERS,
        ["Nguyễn Văn An", "an@x.vn", "0992 345 678", "31/02/2025", "Gặp ở hội thảo"],
        ["Trần Thị Bình", "khong-co-email", "0912 345 678; 12345", "05/04/2025", None],
        [None, "ai@x.vn", "0913 000 111", None, "không có tên"],
    ]
    path = write_xlsx(tmp_path / "khach.xlsx", {"Khách mời": rows})
    pv, result = do_import(engine, path)
    by_row = {r.row: r for r in pv.rows}
    assert [by_row[n].status for n in (2, 3, 4)] == ["new", "new", "error"]
    assert list(by_row[4].errors) == ["Họ và tên (A)"]  # no name: the one reason to reject
    placed = sorted((w.sheet, w.row, w.column, w.code) for r in pv.rows for w in r.warnings)
    assert placed == [
        ("Khách mời", 2, "Ngày liên hệ (D)", "date_kept_as_typed"),
        ("Khách mời", 2, "Điện thoại (C)", "phone_unverified"),
        ("Khách mời", 3, "Email (B)", "email_kept_in_notes"),
        ("Khách mời", 3, "Điện thoại (C)", "value_kept_in_notes"),
    ]
    said = {w.code: w for r in pv.rows for w in r.warnings}
    assert 'phone "0992 345 678" kept unverified' in text(said["phone_unverified"])
    assert "khong-co-email" in text(said["email_kept_in_notes"], "vi")
    assert result.counts["new"] == 2
    got = _contacts(engine)
    an, an_methods = got["Nguyễn Văn An"]
    assert an_methods == [("email", "an@x.vn"), ("phone", "+84992345678")]
    assert not v.phone_verified("+84992345678") and v.phone_verified("+84912345678")
    assert an.last_contacted_on is None
    assert an.notes == "Gặp ở hội thảo\nNgày liên hệ: 31/02/2025"  # under the sheet's own header
    binh, binh_methods = got["Trần Thị Bình"]
    assert binh_methods == [("phone", "+84912345678")]
    assert binh.notes == (  # what each is and where it came from (reviewer h149)
        "Nhập từ “Khách mời”, dòng 3: email không hợp lệ “khong-co-email”\n"
        "Nhập từ “Khách mời”, dòng 3: số điện thoại không hợp lệ “12345”"
    )
    assert binh.last_contacted_on == dt.date(2025, 4, 5)


def test_the_form_stays_strict_but_an_unverified_number_stays_savable(engine) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(engine) as s, pytest.raises(ValidationError, match="phones"):
        records.create(s, "contact", {"full_name": "Lê Văn Cường", "phones": ["0992 345 678"]})
    with unit_of_work(engine) as s:
        # What an import stored (E.164 of a possible number) is accepted again on every save.
        cid = records.create(s, "contact", {"full_name": "Lê Văn Cường", "phones": ["+84992345678"]})
    with unit_of_work(engine) as s:
        rec = records.get(s, "contact", cid)
        records.update(s, "contact", cid, {"position": "Giám đốc"}, expected_version=rec["version"])
    with read_session(engine) as s:
        assert records.get(s, "contact", cid)["phones"] == ["+84992345678"]
    with unit_of_work(engine) as s, pytest.raises(ValidationError, match="phones"):
        records.create(s, "contact", {"full_name": "Lê Văn Dũng", "phones": ["+8412"]})


def test_other_kinds_keep_their_values_in_the_notes_or_minutes() -> None:
    warnings: list[Any] = []
    data, _refs, errors = to_input(
        "action",
        {"title": "Gửi thư", "status": "sắp làm", "priority": "rất cao", "due_date": "32/13/2025"},
        warnings,
    )
    assert not errors and "status" not in data and "due_date" not in data
    assert data["notes"].splitlines() == [
        "Hạn / Due: 32/13/2025", "Trạng thái / Status: sắp làm", "Ưu tiên / Priority: rất cao"
    ] or sorted(data["notes"].splitlines()) == sorted(
        ["Hạn / Due: 32/13/2025", "Trạng thái / Status: sắp làm", "Ưu tiên / Priority: rất cao"]
    )  # fmt: skip
    assert {w.column for w in warnings} == {"status", "priority", "due_date"}
    warnings = []
    data, _refs, errors = to_input(
        "meeting", {"title": "Họp", "starts_at": "01/12/2025 09:00", "ends_at": "hôm sau"}, warnings
    )
    assert not errors and data["minutes"] == "Kết thúc / Ends: hôm sau"
    # A meeting's date is what places it: no date, no meeting.
    warnings = []
    _data, _refs, errors = to_input("meeting", {"title": "Họp", "starts_at": "sáng thứ hai"}, warnings)
    assert list(errors) == ["starts_at"] and not warnings
    # Without a warnings list (the old callers), errors stay errors.
    _data, _refs, errors = to_input("action", {"title": "Gửi thư", "status": "sắp làm"})
    assert list(errors) == ["status"]


def test_last_contacted_on_is_stored_shown_in_the_brief_and_counted_as_last_met(
    engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    for header in ("Ngày liên hệ", "Lần liên hệ cuối", "Last met", "Ngày gặp gần nhất"):
        assert fs.field_for_header("contact", header) == "last_contacted_on", header
    rows = [
        ["Họ và tên", "Lần liên hệ cuối"],
        ["Phạm Minh Châu", "12/10/2026"],
        ["Vũ Thị Dung", dt.date(2026, 3, 1)],
    ]
    do_import(engine, write_xlsx(tmp_path / "lh.xlsx", {"Danh bạ": rows}))
    got = _contacts(engine)
    chau, dung = got["Phạm Minh Châu"][0], got["Vũ Thị Dung"][0]
    assert (chau.last_contacted_on, dung.last_contacted_on) == (dt.date(2026, 10, 12), dt.date(2026, 3, 1))
    with read_session(engine) as s:
        assert chau.id is not None and dung.id is not None
        assert records.get(s, "contact", chau.id)["last_contacted_on"] == dt.date(2026, 10, 12)
        brief = gather_contact(s, chau.id, today=dt.date(2026, 11, 23))
        assert brief.last_contacted_on == dt.date(2026, 10, 12)
        met = last_met(s, [chau.id, dung.id], dt.datetime(2026, 11, 23))
        assert met == {chau.id: dt.datetime(2026, 10, 12), dung.id: dt.datetime(2026, 3, 1)}
        # A date after the brief's moment does not count for it.
        assert last_met(s, [chau.id], dt.datetime(2026, 5, 1)) == {}


def test_a_mapping_remembered_with_the_old_field_name_still_maps(engine) -> None:  # type: ignore[no-untyped-def]
    headers = ["Họ và tên", "Gặp lần cuối"]
    with unit_of_work(engine) as s:
        remember_mapping(s, headers, "contact", {0: "full_name", 1: "last_met"})
    with read_session(engine) as s:
        assert remembered_mapping(s, headers) == ("contact", {0: "full_name", 1: "last_contacted_on"})


def test_columns_no_field_names_can_be_mapped_to_the_notes(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    headers = ["Họ và tên", "Ghi chú", "Sở thích", "Biển số xe"]
    mapping = {0: "full_name", 1: "notes", 2: "notes", 3: "notes"}
    assert collect(mapping, ["An", "Khách VIP", "golf", None], headers) == {
        "full_name": "An", "notes": ["Khách VIP", "Sở thích: golf"]
    }  # fmt: skip
    rows = [headers, ["Đỗ Văn Em", "Khách VIP", "golf", "29A-123.45"]]
    path = write_xlsx(tmp_path / "ghi-chu.xlsx", {"Danh bạ": rows})
    from tests.app.importing.helpers import preview

    pv = preview(engine, path, mapping=mapping)
    assert pv.rows[0].columns is not None
    assert pv.rows[0].columns["notes"] == "Khách VIP\nSở thích: golf\nBiển số xe: 29A-123.45"


def test_every_recognised_contact_column_is_stored(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Audit of fields.py: a sheet with every contact field's own header stores every value."""
    values = {
        "full_name": "Hoàng Thị Giang", "honorific": "TS.", "family_name": "Hoàng", "middle_name": "Thị",
        "given_name": "Giang", "position": "Viện trưởng", "organisation": "Viện Công nghệ (VCN)",
        "emails": "giang@vcn.vn", "phones": "0912 000 111", "country": "Việt Nam", "influence": 4,
        "interest": 5, "owner": "Trần Thị Bình", "tags": "AI; đối tác", "source": "Hội thảo 2025",
        "last_contacted_on": "02/11/2026", "notes": "Gặp ở Techfest", "confidential": "Có",
    }  # fmt: skip
    specs = [f for f in fs.FIELDS["contact"] if f.name in values]
    skipped = {f.name for f in fs.FIELDS["contact"]} - values.keys()
    assert skipped == {"family_middle", "middle_given"}  # name parts joined, tested in test_name_layouts
    rows = [[f.header for f in specs], [values[f.name] for f in specs]]
    path = write_xlsx(tmp_path / "du.xlsx", {"Danh bạ": rows})
    pv, result = do_import(engine, path)
    assert result.counts["new"] == 1 and not pv.rows[0].warnings, pv.rows[0].message
    with read_session(engine) as s:
        c = s.exec(select(m.Contact)).one()
        assert c.id is not None
        rec = records.get(s, "contact", c.id)
        org_row, owner_row = s.get(m.Organisation, c.organisation_id), s.get(m.Staff, c.owner_id)
        org = (org_row.name, org_row.acronym) if org_row else None
        owner = owner_row.name if owner_row else None
    assert (rec["full_name"], rec["honorific"], rec["family_name"], rec["middle_name"], rec["given_name"]) == (
        "Hoàng Thị Giang", "TS.", "Hoàng", "Thị", "Giang"
    )  # fmt: skip
    assert (rec["position"], rec["country"], rec["influence"], rec["interest"]) == ("Viện trưởng", "VN", 4, 5)
    assert org == ("Viện Công nghệ", "VCN")
    assert owner == "Trần Thị Bình"
    assert rec["emails"] == ["giang@vcn.vn"] and rec["phones"] == ["+84912000111"]
    assert sorted(rec["tags"]) == ["AI", "đối tác"]
    assert (rec["source"], rec["last_contacted_on"], rec["notes"], rec["confidential"]) == (
        "Hội thảo 2025", dt.date(2026, 11, 2), "Gặp ở Techfest", True
    )  # fmt: skip


def test_every_recognised_column_of_the_other_kinds_is_stored(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Audit of fields.py for organisations, meetings and actions: each field's own header,
    one valid value, read back from the record."""
    org = {
        "name": "Trung tâm Đổi mới sáng tạo Quốc gia",
        "name_en": "National Innovation Center",
        "acronym": "NIC",
        "aliases": "Trung tâm ĐMST",
        "kind": "Cơ quan nhà nước",
        "parent": "Bộ Kế hoạch và Đầu tư",
        "country": "VN",
        "city": "Hà Nội",
        "address": "Hòa Lạc",
        "website": "nic.gov.vn",
        "sectors": "AI; bán dẫn",
        "influence": 5,
        "interest": 4,
        "owner": "Trần Thị Bình",
        "tags": "đối tác chiến lược",
        "notes": "Đầu mối",
        "confidential": "Yes",
    }
    contact = {"full_name": "Nguyễn Văn An", "organisation": "NIC"}
    meeting = {
        "title": "Làm việc với NIC",
        "starts_at": "12/11/2026 14:00",
        "ends_at": "12/11/2026 16:00",
        "location": "Hòa Lạc",
        "kind": "Làm việc",
        "organisations": "NIC",
        "attendees": "Nguyễn Văn An",
        "agenda": "Hợp tác AI",
        "minutes": "Đã trao đổi",
        "decisions": "Ký MOU",
        "owner": "Trần Thị Bình",
        "staff": "Trần Thị Bình",
        "confidential": "Mật",
        "start_time": "14h",  # (joined to the day: the same 14:00)
        "notes": "Mang theo MOU",  # (a meeting's notes: in its minutes)
    }
    action = {
        "title": "Gửi dự thảo MOU", "kind": "Công văn", "direction": "Chúng ta", "responsible": "Trần Thị Bình",
        "counterpart": "Nguyễn Văn An", "organisation": "NIC", "meeting": "Làm việc với NIC", "due_date": "20/11/2026", "status": "Xong",
        "priority": "Cao", "completed_on": "19/11/2026", "reference": "123/CV-HTQT", "notes": "Gửi bản ký",
        "confidential": "x",
    }  # fmt: skip
    sheets = {}
    for kind, values in (
        ("organisation", org),
        ("contact", contact),
        ("meeting", meeting),
        ("action", action),
    ):
        specs = [f for f in fs.FIELDS[kind] if f.name in values]
        if kind != "contact":
            assert {f.name for f in fs.FIELDS[kind]} == values.keys(), kind  # every field present
        sheets[fs.LABELS[kind]] = [[f.header for f in specs], [values[f.name] for f in specs]]
    path = write_xlsx(tmp_path / "tat-ca.xlsx", sheets)
    for kind in ("organisation", "contact", "meeting", "action"):
        pv, result = do_import(engine, path, fs.LABELS[kind])
        assert result.counts["new"] == 1 and not pv.rows[0].warnings, (kind, pv.rows[0].message)
    with read_session(engine) as s:
        nic = s.exec(select(m.Organisation).where(m.Organisation.acronym == "NIC")).one()
        o = records.get(s, "organisation", nic.id)
        parent = s.get(m.Organisation, o["parent_id"])
        staff = s.exec(select(m.Staff)).one()
        mt = records.get(s, "meeting", s.exec(select(m.Meeting.id)).one())
        ac = records.get(s, "action", s.exec(select(m.Action.id)).one())
        an = s.exec(select(m.Contact.id)).one()
        assert parent is not None and parent.name == "Bộ Kế hoạch và Đầu tư"
        staff_id, nic_id = staff.id, nic.id
    assert (o["name"], o["name_en"], o["aliases"], o["kind"], o["country"], o["city"], o["address"]) == (
        "Trung tâm Đổi mới sáng tạo Quốc gia", "National Innovation Center", ["Trung tâm ĐMST"], "agency", "VN",
        "Hà Nội", "Hòa Lạc",
    )  # fmt: skip
    assert (o["confidential"], mt["confidential"], ac["confidential"]) == (True, True, True)
    assert (o["website"], sorted(o["sectors"]), o["influence"], o["interest"], o["owner_id"], o["tags"], o["notes"]) == (
        "https://nic.gov.vn", ["AI", "bán dẫn"], 5, 4, staff_id, ["đối tác chiến lược"], "Đầu mối"
    )  # fmt: skip
    assert (mt["starts_at"], mt["ends_at"], mt["location"], mt["kind"]) == (
        dt.datetime(2026, 11, 12, 14), dt.datetime(2026, 11, 12, 16), "Hòa Lạc", "working_session"
    )  # fmt: skip
    assert mt["staff_ids"] == [staff_id]
    assert mt["organisation_ids"] == [nic_id] and [a["contact_id"] for a in mt["attendees"]] == [an]
    assert (mt["agenda"], mt["minutes"], mt["decisions"], mt["owner_id"]) == (
        "Hợp tác AI",
        "Đã trao đổi\nGhi chú / Notes: Mang theo MOU",
        "Ký MOU",
        staff_id,
    )
    assert (ac["kind"], ac["direction"], ac["responsible_staff_id"], ac["organisation_id"], ac["meeting_id"]) == (
        "letter", "we_owe", staff_id, nic_id, mt["id"]
    )  # fmt: skip
    assert ac["responsible_contact_id"] == an  # the other side's person, beside ours
    assert (ac["due_date"], ac["status"], ac["priority"], ac["completed_on"], ac["reference"], ac["notes"]) == (
        dt.date(2026, 11, 20), "done", 1, dt.date(2026, 11, 19), "123/CV-HTQT", "Gửi bản ký"
    )  # fmt: skip


def test_a_duplicate_says_nothing_of_values_it_would_have_kept(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A reviewer's row 65 was rejected as a duplicate, yet said its email was "kept in the notes"."""
    from app.importing.messages import text
    from app.importing.report import write_error_report
    from tests.app.importing.helpers import preview, write_xlsx

    rows = [["Họ và tên", "Đơn vị", "Email"], ["Lê Văn Chín", "NIC", "khong-co-email"],
            ["Lê Văn Chín", "NIC", "khong-co-email"]]  # fmt: skip
    pv = preview(engine, write_xlsx(tmp_path / "d.xlsx", {"S": rows}))
    first, dup = pv.rows
    assert dup.status == "duplicate" and dup.warnings  # (still known)
    assert "kept in the notes" in first.message and "kept in the notes" not in dup.message
    assert [text(m) for m in dup.messages()] == [text(m) for m in dup.reasons]
    report = tmp_path / "r.xlsx"
    write_error_report([pv], report)
    from openpyxl import load_workbook

    sheets = load_workbook(report, read_only=True)
    warned = [r for ws in sheets.worksheets[1:] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert len(warned) == 1  # the first row's, not the duplicate's
