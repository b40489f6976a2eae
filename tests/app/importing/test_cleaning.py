"""Cleaning every value: NFC names, day-first dates, phones, emails, Vietnamese vocabularies."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from sqlmodel import select

from app.importing.cleaning import to_input
from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import by_status, do_import, preview, write_xlsx


def test_nfd_names_are_stored_nfc(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    assert nfd != "Nguyễn Thị Hồng Nhung"
    org = unicodedata.normalize("NFD", "Trung tâm Đổi mới sáng tạo Quốc gia")
    path = write_xlsx(tmp_path / "nfd.xlsx", {"Danh bạ": [["Họ và tên", "Đơn vị"], [f"  {nfd} ", org]]})
    do_import(engine, path)
    with read_session(engine) as s:
        c = s.exec(select(m.Contact)).one().model_copy()
        o = s.exec(select(m.Organisation)).one().model_copy()
    assert c.full_name == "Nguyễn Thị Hồng Nhung" == unicodedata.normalize("NFC", c.full_name)
    assert (c.family_name, c.middle_name, c.given_name) == ("Nguyễn", "Thị Hồng", "Nhung")
    assert o.name == "Trung tâm Đổi mới sáng tạo Quốc gia"
    assert c.organisation_id == o.id


def test_dates_day_first_and_impossible_date_kept_as_typed(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["Việc", "Hạn", "Trạng thái"],
        ["Gửi thư", "05/04/2025", "Mở"],
        ["Gọi điện", "31/02/2025", "Đang làm"],
        ["Báo cáo", dt.datetime(2025, 11, 27), "Xong"],
        ["Hồ sơ", "2025-12-15", "Đã hủy"],
        ["Chờ", "7-1-2026", "Chờ phản hồi"],
    ]
    path = write_xlsx(tmp_path / "viec.xlsx", {"Việc cần làm": rows})
    pv, result = do_import(engine, path)
    # An optional date that is no date does not reject the row (issue 10, item 3): the action
    # is imported without a due date, the text kept in its notes, and a warning names the cell.
    bad = next(r for r in pv.rows if r.row == 3)
    assert bad.status == "new" and not bad.errors
    [warned] = bad.warnings
    assert (warned.code, warned.sheet, warned.row, warned.column) == (
        "date_kept_as_typed",
        "Việc cần làm",
        3,
        "Hạn (B)",
    )
    assert "31/02/2025" in text(warned)
    assert result.counts["new"] == 5 and result.counts["error"] == 0
    with read_session(engine) as s:
        got = {a.title: (a.due_date, a.status) for a in s.exec(select(m.Action))}
        notes = {a.title: a.notes for a in s.exec(select(m.Action))}
    assert got["Gửi thư"] == (dt.date(2025, 4, 5), "open")
    assert got["Báo cáo"] == (dt.date(2025, 11, 27), "done")
    assert got["Hồ sơ"] == (dt.date(2025, 12, 15), "cancelled")
    assert got["Chờ"] == (dt.date(2026, 1, 7), "waiting")
    assert got["Gọi điện"] == (None, "in_progress")
    assert notes["Gọi điện"] == "Hạn: 31/02/2025"  # under the sheet's own header


def test_phones_emails_and_kinds(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    orgs = [
        ["Tên đơn vị", "Viết tắt", "Loại hình", "Lĩnh vực"],
        ["Bộ Khoa học và Công nghệ", "MOST", "Bộ", "AI; Quantum"],
        ["Genetica", None, "Start-up", "Biotech"],
        ["FPT Corporation", "FPT", "Enterprise", None],
        ["Đại học Bách khoa Hà Nội", "HUST", "Trường đại học", None],
        ["Quỹ X", None, "khong biet", None],
    ]
    contacts = [
        ["Họ và tên", "Đơn vị", "SĐT", "Thư điện tử"],
        ["Bùi Đức Hà", "MOST", "84941609082", "HA.BUI1@NVIDIA.EXAMPLE.VN"],
        ["Hồ Đức Giang", "Genetica", "(+84) 95-900-2358; 0961 253 034", "giang@genetica.vn, g2@genetica.vn"],
        ["Lê Văn Số", "FPT", 912345678, None],
        ["Sai Số", "FPT", "12", "not-an-email"],
    ]
    path = write_xlsx(tmp_path / "k.xlsx", {"Tổ chức": orgs, "Danh bạ": contacts})
    pv, _ = do_import(engine, path, "Tổ chức")
    # An unknown kind does not reject the organisation: kept in its notes, with a warning.
    assert "error" not in by_status(pv)
    assert "khong biet" in pv.rows[-1].message and pv.rows[-1].warnings[0].column == "Loại hình (C)"
    pv, _ = do_import(engine, path, "Danh bạ")
    bad = pv.rows[-1]
    assert bad.status == "new" and not bad.errors
    assert [(w.code, w.column) for w in bad.warnings] == [
        ("email_kept_in_notes", "Thư điện tử (D)"), ("value_kept_in_notes", "SĐT (C)")
    ]  # fmt: skip
    with read_session(engine) as s:
        assert s.exec(select(m.Contact.notes).where(m.Contact.full_name == "Sai Số")).one() == (
            "Nhập từ “Danh bạ”, dòng 5: email không hợp lệ “not-an-email”\n"
            "Nhập từ “Danh bạ”, dòng 5: số điện thoại không hợp lệ “12”"
        )
        assert s.exec(select(m.Organisation.notes).where(m.Organisation.name == "Quỹ X")).one() == (
            "Loại hình: khong biet"
        )
        kinds = {o.name: o.kind for o in s.exec(select(m.Organisation))}
        methods = {(c.kind, c.value) for c in s.exec(select(m.ContactMethod))}
        sectors = {x.name for x in s.exec(select(m.Sector))}
    assert kinds == {"Bộ Khoa học và Công nghệ": "ministry", "Genetica": "startup", "FPT Corporation": "enterprise",
                     "Đại học Bách khoa Hà Nội": "university", "Quỹ X": "other"}  # fmt: skip
    assert methods == {
        ("phone", "+84941609082"), ("email", "ha.bui1@nvidia.example.vn"), ("phone", "+84959002358"),
        ("phone", "+84961253034"), ("email", "giang@genetica.vn"), ("email", "g2@genetica.vn"),
        ("phone", "+84912345678"),
    }  # fmt: skip
    assert sectors == {"AI", "Quantum", "Biotech"}


def test_to_input_vocabularies() -> None:
    data, refs, errors = to_input(
        "action",
        {"title": " Gửi  thư ", "status": "Đang làm", "priority": "Cao", "direction": "Họ", "kind": "Thư",
         "responsible": "Trần Bình", "due_date": "05/04/2025"},
    )  # fmt: skip
    assert errors == {}
    assert data == {"title": "Gửi thư", "status": "in_progress", "priority": 1, "direction": "they_owe",
                    "kind": "letter", "due_date": dt.date(2025, 4, 5)}  # fmt: skip
    assert refs == {"responsible": "Trần Bình"}
    data, _, errors = to_input(
        "organisation", {"name": "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)", "country": "Việt Nam"}
    )
    assert data == {"name": "Mạng lưới Đổi mới sáng tạo Việt Nam", "acronym": "VIN", "country": "VN"}
    _, _, errors = to_input("contact", {"full_name": "A", "country": "Narnia"})
    assert "country" in errors


def test_required_field_missing_names_its_column(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(
        tmp_path / "r.xlsx",
        {"Danh bạ": [["STT", "Họ và tên", "Ghi chú"], [1, None, "chỉ có ghi chú"], [2, None, None]]},
    )
    pv = preview(engine, path)
    assert [(r.row, r.status) for r in pv.rows] == [(2, "error")]  # row 3 holds only its number: skipped
    assert "Họ và tên (B)" in pv.rows[0].errors


def test_names_in_capitals_or_small_letters_get_a_capital_per_word() -> None:
    from app.importing.cleaning import to_input

    data, _refs, _errors = to_input("contact", {"full_name": "ĐẶNG THỊ HỒNG NHUNG", "position": "CTO"})
    assert data["full_name"] == "Đặng Thị Hồng Nhung" and data["position"] == "CTO"
    data, _refs, _errors = to_input("contact", {"full_name": "ngô bảo châu"})
    assert data["full_name"] == "Ngô Bảo Châu"
    data, _refs, _errors = to_input("contact", {"family_name": "NGUYỄN", "given_name": "AN"})
    assert (data["family_name"], data["given_name"], data["full_name"]) == ("Nguyễn", "An", "Nguyễn An")
    for kept in ("McDonald Smith", "Maria de la Cruz", "Nguyễn Văn An"):  # as their owners write them
        assert to_input("contact", {"full_name": kept})[0]["full_name"] == kept
    org, _refs, _errors = to_input("organisation", {"name": "CÔNG TY CỔ PHẦN FPT"})
    assert org["name"] == "CÔNG TY CỔ PHẦN FPT"  # (an organisation's capitals may be an acronym's)
