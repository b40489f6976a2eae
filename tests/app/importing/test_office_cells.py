"""Cells as real office workbooks hold them, found by reviewers of such files: a value too long
for its column, a checkbox (TRUE/FALSE) in a text column, an email or phone written after a
label ("Công việc: an@nic.vn", "Di động: 0912 345 678"), and dates written month first by a
partner abroad. Each goes through the public import (``preview_import`` / ``run_import``, and
``ketnoi import`` where what is printed matters) on a real workbook written with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.cli import main
from app.importing import run_import
from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import preview, write_xlsx


def _contacts(engine: Any) -> dict[str, m.Contact]:
    with read_session(engine) as s:
        return {c.full_name: m.Contact.model_validate(c.model_dump()) for c in s.exec(select(m.Contact))}


# --- a value longer than its column ------------------------------------------------------------


def test_a_32000_character_name_rejects_its_row_only_and_says_where_and_how_long(
    engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = "Nguyễn " + "Văn " * 7_998 + "A"  # 32,000 characters, as a pasted paragraph
    assert len(long_name) == 32_000
    rows = [
        ["Họ và tên", "Email"],
        ["Trần Thị Bình", "binh@nic.vn"],
        [long_name, "an@nic.vn"],
        ["Lê Văn Cường", "cuong@nic.vn"],
    ]
    path = write_xlsx(tmp_path / "khach.xlsx", {"Khách mời": rows})
    pv = preview(engine, path)
    by_row = {r.row: r for r in pv.rows}
    assert [by_row[n].status for n in (2, 3, 4)] == ["new", "error", "new"]
    [error] = by_row[3].errors.values()
    assert (error.sheet, error.row, error.column, error.code) == ("Khách mời", 3, "Họ và tên (A)", "too_long")
    assert text(error, "en", where=True) == (
        'sheet "Khách mời", row 3, column Họ và tên (A): too long: 32,000 characters, where at most '
        "300 fit; shorten it in the file and import it again (nothing was cut off)"
    )
    assert text(error, "vi", where=True) == (
        'trang "Khách mời", dòng 3, cột Họ và tên (A): quá dài: 32.000 ký tự, trong khi tối đa chỉ '
        "được 300 ký tự; hãy rút ngắn trong tệp rồi nhập lại (không có gì bị cắt bớt)"
    )
    result = run_import(engine, pv)
    assert result.counts["new"] == 2
    assert sorted(_contacts(engine)) == ["Lê Văn Cường", "Trần Thị Bình"]  # nothing cut and stored
    # the CLI says it in Vietnamese, without the service's English
    code = main(["import", str(path), "--db", str(tmp_path / "k2.db"), "--lang", "vi"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Họ và tên (A): quá dài: 32.000 ký tự, trong khi tối đa chỉ được 300 ký tự" in out
    assert "characters" not in out


# --- a checkbox (TRUE/FALSE) in a text column ----------------------------------------------------


def test_a_checkbox_column_makes_no_organisation_or_contact_named_true(engine: Any, tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Đơn vị", "Chức vụ", "Nhãn", "Ghi chú"],
        ["Trần Thị Bình", True, False, True, "Gặp ở hội thảo"],
        ["Lê Văn Cường", "NIC", "Chuyên viên", "AI", True],
        [True, "NIC", "CTO", None, None],
        [False, None, None, None, None],
    ]
    path = write_xlsx(tmp_path / "khach.xlsx", {"Khách mời": rows})
    pv = preview(engine, path)
    by_row = {r.row: r for r in pv.rows}
    assert [by_row[n].status for n in (2, 3, 4, 5)] == ["new", "new", "error", "error"]
    # a name that is a checkbox rejects its row, at its column
    for n, value in ((4, "TRUE"), (5, "FALSE")):
        [error] = by_row[n].errors.values()
        assert (error.row, error.column, error.code) == (n, "Họ và tên (A)", "checkbox_value")
        assert text(error, "en").startswith(f"Họ và tên (A): {value} is a yes/no (checkbox) value")
        assert "dòng này không được nhập" in text(error, "vi")
    # in an optional column it is left out, with a warning at its column
    placed = sorted((w.row, w.column, w.code, w.params["value"]) for w in by_row[2].warnings)
    assert placed == [
        (2, "Chức vụ (C)", "checkbox_left_out", "FALSE"),
        (2, "Nhãn (D)", "checkbox_left_out", "TRUE"),
        (2, "Đơn vị (B)", "checkbox_left_out", "TRUE"),
    ]
    assert "đã bỏ qua" in text(by_row[2].warnings[0], "vi")
    assert by_row[3].warnings == ()  # (a checkbox in the notes is kept under its header)
    result = run_import(engine, pv)
    assert result.counts["new"] == 2
    got = _contacts(engine)
    assert sorted(got) == ["Lê Văn Cường", "Trần Thị Bình"]
    assert (got["Trần Thị Bình"].position, got["Trần Thị Bình"].organisation_id) == ("", None)
    assert got["Trần Thị Bình"].notes == "Gặp ở hội thảo"
    assert got["Lê Văn Cường"].notes == "Ghi chú: TRUE"
    with read_session(engine) as s:
        assert [o.name for o in s.exec(select(m.Organisation))] == ["NIC"]
        assert [t.name for t in s.exec(select(m.Tag))] == ["AI"]


def test_a_checkbox_in_an_organisations_name_column_rejects_the_row(engine: Any, tmp_path: Path) -> None:
    rows = [
        ["Tên đơn vị", "Loại hình", "Website"],
        ["Trung tâm Đổi mới sáng tạo Quốc gia", "agency", True],
        [True, "agency", "nic.vn"],
    ]
    path = write_xlsx(tmp_path / "don_vi.xlsx", {"Tổ chức": rows})
    pv = preview(engine, path, kind="organisation")
    by_row = {r.row: r for r in pv.rows}
    assert (by_row[2].status, by_row[3].status) == ("new", "error")
    assert [e.code for e in by_row[3].errors.values()] == ["checkbox_value"]
    assert [(w.column, w.code) for w in by_row[2].warnings] == [("Website (C)", "checkbox_left_out")]
    run_import(engine, pv)
    with read_session(engine) as s:
        orgs = [(o.name, o.website) for o in s.exec(select(m.Organisation))]
    assert orgs == [("Trung tâm Đổi mới sáng tạo Quốc gia", "")]


# --- a label written before an email or phone --------------------------------------------------


def _methods(engine: Any) -> dict[str, list[tuple[str, str, str]]]:
    with read_session(engine) as s:
        names = {c.id: c.full_name for c in s.exec(select(m.Contact))}
        out: dict[str, list[tuple[str, str, str]]] = {}
        query = select(m.ContactMethod).order_by(m.ContactMethod.kind, m.ContactMethod.position)  # type: ignore[arg-type]
        for cm in s.exec(query):
            out.setdefault(names[cm.contact_id], []).append((cm.kind, cm.value, cm.label))
        return out


def test_an_email_or_phone_after_a_label_is_read_with_its_label(engine: Any, tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Email", "Điện thoại", "Ghi chú"],
        ["Nguyễn Văn An", "Công việc: an@nic.vn", "Mobile: 0912 345 678", None],
        ["Trần Thị Bình", "Cá nhân: binh@gmail.com, Work: binh@fpt.com", "Di động: 0913 345 678", None],
        ["Lê Văn Cường", "Email: cuong@most.gov.vn", "Cơ quan: 024 3825 1234; ĐT: 0914 345 678", None],
        ["Phạm Thu Hà", "E-mail cơ quan: ha@most.gov.vn", "Zalo: 0915 345 678", "Gặp ở Đà Nẵng"],
        ["Đỗ Minh Quân", "Trợ lý: tro.ly@nic.vn; quan@nic.vn", "0916 345 678", None],
    ]
    path = write_xlsx(tmp_path / "danh_ba.xlsx", {"Danh bạ": rows})
    pv = preview(engine, path)
    assert [r.status for r in pv.rows] == ["new"] * 5
    warned = sorted((w.row, w.column, w.code, w.params["value"]) for r in pv.rows for w in r.warnings)
    assert warned == [  # only the words that are no label Ketnoi knows, kept in the notes
        (5, "Điện thoại (C)", "value_kept_in_notes", "Zalo"),
        (6, "Email (B)", "value_kept_in_notes", "Trợ lý"),
    ]
    run_import(engine, pv)
    assert _methods(engine) == {
        "Nguyễn Văn An": [("email", "an@nic.vn", "work"), ("phone", "+84912345678", "mobile")],
        "Trần Thị Bình": [
            ("email", "binh@gmail.com", "home"),
            ("email", "binh@fpt.com", "work"),
            ("phone", "+84913345678", "mobile"),
        ],
        "Lê Văn Cường": [
            ("email", "cuong@most.gov.vn", ""),
            ("phone", "+842438251234", "work"),
            ("phone", "+84914345678", ""),
        ],
        "Phạm Thu Hà": [("email", "ha@most.gov.vn", "work"), ("phone", "+84915345678", "")],
        "Đỗ Minh Quân": [
            ("email", "tro.ly@nic.vn", ""),
            ("email", "quan@nic.vn", ""),
            ("phone", "+84916345678", ""),
        ],
    }
    notes = {name: c.notes for name, c in _contacts(engine).items()}
    assert notes == {
        "Nguyễn Văn An": "",
        "Trần Thị Bình": "",
        "Lê Văn Cường": "",
        "Phạm Thu Hà": "Gặp ở Đà Nẵng\nĐiện thoại: Zalo: 0915 345 678",
        "Đỗ Minh Quân": "Email: Trợ lý: tro.ly@nic.vn",
    }


# --- dates written month first -----------------------------------------------------------------


def test_a_column_of_month_first_dates_is_read_month_first_and_said_once(
    engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["Họ và tên", "Ngày liên hệ"],
        ["Nguyễn Văn An", "03/04/2026"],  # alone, 3 April; in this column, 4 March
        ["Trần Thị Bình", "03/25/2026"],  # the 25th: only month first
        ["Lê Văn Cường", dt.date(2026, 1, 2)],  # an Excel date: a date, whatever the text around it
        ["Phạm Thu Hà", "12/31/2025"],
        ["Đỗ Minh Quân", "11-05-2026"],
    ]
    path = write_xlsx(tmp_path / "partner.xlsx", {"Contacts": rows})
    pv = preview(engine, path)
    assert [r.status for r in pv.rows] == ["new"] * 5
    assert [w for r in pv.rows for w in r.warnings] == []  # nothing kept as typed, nothing row by row
    [said] = pv.sheet_warnings
    assert (said.code, said.sheet, said.params["header"], said.params["example_row"]) == (
        "dates_month_first", "Contacts", "Ngày liên hệ (B)", "3",
    )  # fmt: skip
    assert text(said, "en") == (
        'column Ngày liên hệ (B) writes its dates month first (row 3: "03/25/2026" can only be '
        "month/day/year), so every date in it was read as month/day/year"
    )
    run_import(engine, pv)
    got = {name: c.last_contacted_on for name, c in _contacts(engine).items()}
    assert got == {
        "Nguyễn Văn An": dt.date(2026, 3, 4),
        "Trần Thị Bình": dt.date(2026, 3, 25),
        "Lê Văn Cường": dt.date(2026, 1, 2),
        "Phạm Thu Hà": dt.date(2025, 12, 31),
        "Đỗ Minh Quân": dt.date(2026, 11, 5),
    }
    # ketnoi import says it once, in the reader's language
    code = main(["import", str(path), "--db", str(tmp_path / "k2.db"), "--lang", "vi", "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.count('cột Ngày liên hệ (B) ghi ngày theo kiểu tháng trước (dòng 3: "03/25/2026"') == 1


def test_a_column_of_dates_written_both_ways_does_not_guess_the_ones_that_read_both_ways(
    engine: Any, tmp_path: Path
) -> None:
    rows = [
        ["Họ và tên", "Ngày liên hệ"],
        ["Nguyễn Văn An", "25/03/2026"],  # only day first
        ["Trần Thị Bình", "03/26/2026"],  # only month first
        ["Lê Văn Cường", "03/04/2026"],  # either: not guessed
        ["Phạm Thu Hà", "05/05/2026"],  # the same either way
    ]
    path = write_xlsx(tmp_path / "tron.xlsx", {"Danh bạ": rows})
    pv = preview(engine, path)
    assert [r.status for r in pv.rows] == ["new"] * 4
    [said] = pv.sheet_warnings
    assert said.code == "dates_both_orders"
    assert text(said, "vi") == (
        'cột Ngày liên hệ (B) có ngày ghi theo kiểu ngày trước (dòng 2: "25/03/2026") lẫn tháng trước '
        '(dòng 3: "03/26/2026"): ngày đọc được cả hai cách (như 03/04/2026) không được đoán; dòng nào '
        "có ngày như vậy đều được báo"
    )
    [flag] = [w for r in pv.rows for w in r.warnings]
    assert (flag.row, flag.column, flag.code) == (4, "Ngày liên hệ (B)", "date_unclear_kept")
    assert text(flag, "en").startswith(
        'Ngày liên hệ (B): "03/04/2026" reads both ways (day/month or month/day)'
    )
    run_import(engine, pv)
    got = {name: (c.last_contacted_on, c.notes) for name, c in _contacts(engine).items()}
    assert got == {
        "Nguyễn Văn An": (dt.date(2026, 3, 25), ""),
        "Trần Thị Bình": (dt.date(2026, 3, 26), ""),
        "Lê Văn Cường": (None, "Ngày liên hệ: 03/04/2026"),  # kept as typed, no date made up
        "Phạm Thu Hà": (dt.date(2026, 5, 5), ""),
    }


def test_a_meeting_whose_start_reads_both_ways_in_a_mixed_column_is_an_error(
    engine: Any, tmp_path: Path
) -> None:
    rows = [
        ["Tiêu đề", "Bắt đầu", "Địa điểm"],
        ["Họp NIC", "25/03/2026 09:00", "Hà Nội"],
        ["Họp FPT", "03/26/2026 14:30", "Hà Nội"],
        ["Họp MOST", "03/04/2026 10:00", "Hà Nội"],
    ]
    path = write_xlsx(tmp_path / "lich.xlsx", {"Cuộc họp": rows})
    pv = preview(engine, path, kind="meeting")
    by_row = {r.row: r for r in pv.rows}
    assert [by_row[n].status for n in (2, 3, 4)] == ["new", "new", "error"]
    [error] = by_row[4].errors.values()
    assert (error.column, error.code) == ("Bắt đầu (B)", "date_unclear")
    assert "2026-03-04" in text(error, "en") and "4 tháng 3 năm 2026" in text(error, "vi")
    run_import(engine, pv)
    with read_session(engine) as s:
        starts = {mt.title: mt.starts_at for mt in s.exec(select(m.Meeting))}
    assert starts == {"Họp NIC": dt.datetime(2026, 3, 25, 9, 0), "Họp FPT": dt.datetime(2026, 3, 26, 14, 30)}


def test_one_month_first_typo_in_a_day_first_column_is_said_on_its_row_not_read_into_the_column(
    engine: Any, tmp_path: Path
) -> None:
    # A reviewer's Vietnamese contact list: early-month dates that all read both ways, and one
    # typo "03/15/2026"; every date was read month first (05/03 became 3 May), said only once
    # for the sheet. One value of six is no column written month first.
    rows = [
        ["Họ và tên", "Ngày liên hệ"],
        ["Nguyễn Văn An", "05/03/2026"],
        ["Trần Thị Bình", "10/01/2026"],
        ["Lê Văn Cường", "02/04/2026"],
        ["Phạm Thu Hà", "07/02/2026"],
        ["Đỗ Minh Quân", "03/15/2026"],  # the typo: 15 is no month
        ["Vũ Thị Lan", "11/03/2026"],
    ]
    path = write_xlsx(tmp_path / "danh_ba.xlsx", {"Danh bạ": rows})
    pv = preview(engine, path)
    assert not pv.sheet_warnings
    [flag] = [w for r in pv.rows for w in r.warnings]
    assert (flag.row, flag.column, flag.code) == (6, "Ngày liên hệ (B)", "date_not_a_month_kept")
    assert text(flag, "en").startswith(
        'Ngày liên hệ (B): "03/15/2026": 15 is not a month, and the other dates'
    )
    assert "15 không phải tháng" in text(flag, "vi")
    run_import(engine, pv)
    got = {name: (c.last_contacted_on, c.notes) for name, c in _contacts(engine).items()}
    assert got == {
        "Nguyễn Văn An": (dt.date(2026, 3, 5), ""),
        "Trần Thị Bình": (dt.date(2026, 1, 10), ""),
        "Lê Văn Cường": (dt.date(2026, 4, 2), ""),
        "Phạm Thu Hà": (dt.date(2026, 2, 7), ""),
        "Đỗ Minh Quân": (None, "Ngày liên hệ: 03/15/2026"),  # kept as typed, no date made up
        "Vũ Thị Lan": (dt.date(2026, 3, 11), ""),
    }


def test_two_month_first_dates_in_five_make_the_column_month_first(engine: Any, tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Ngày liên hệ"],
        ["Nguyễn Văn An", "05/03/2026"],
        ["Trần Thị Bình", "03/15/2026"],
        ["Lê Văn Cường", "02/04/2026"],
        ["Phạm Thu Hà", "04/20/2026"],
        ["Đỗ Minh Quân", "01/02/2026"],
    ]
    pv = preview(engine, write_xlsx(tmp_path / "partner.xlsx", {"Contacts": rows}))
    assert [w.code for w in pv.sheet_warnings] == ["dates_month_first"]
    run_import(engine, pv)
    got = {name: c.last_contacted_on for name, c in _contacts(engine).items()}
    assert got["Nguyễn Văn An"] == dt.date(2026, 5, 3) and got["Phạm Thu Hà"] == dt.date(2026, 4, 20)


def test_tel_with_its_dot_and_a_civil_service_email_are_labels_ketnoi_knows(
    engine: Any, tmp_path: Path
) -> None:
    """Reviewer: "Tel.: 024 3825 1234" kept "Tel." in the notes; "Email công vụ: …" (the state's
    own mail system) was no label."""
    rows = [
        ["Họ và tên", "Email", "Điện thoại"],
        ["Nguyễn Văn An", "Email công vụ: an@most.gov.vn", "Tel.: 024 3825 1234"],
    ]
    path = write_xlsx(tmp_path / "danh_ba.xlsx", {"Danh bạ": rows})
    pv = preview(engine, path)
    assert [w.code for r in pv.rows for w in r.warnings] == []
    run_import(engine, pv)
    assert _methods(engine) == {
        "Nguyễn Văn An": [("email", "an@most.gov.vn", "work"), ("phone", "+842438251234", "")],
    }
    assert _contacts(engine)["Nguyễn Văn An"].notes == ""


def test_a_desk_phone_label_and_a_dash_between_two_numbers(engine: Any, tmp_path: Path) -> None:
    """Reviewer: "Máy bàn: 024 3825 1234" (a desk phone) was no label; a Word/Excel en or em dash
    between two numbers ("0912 345 678 – 024 3825 1234") made one bad number of the two."""
    rows = [
        ["Họ và tên", "Điện thoại"],
        ["Nguyễn Văn An", "Máy bàn: 024 3825 1234"],
        ["Trần Thị Bình", "0912 345 678 – 024 3825 1234"],
        ["Lê Văn Cường", "0913 345 678—Máy bàn: 024 3825 1235"],
        ["Phạm Thu Hà", "ĐT cố định: 024 3825 1236"],
    ]
    path = write_xlsx(tmp_path / "danh_ba.xlsx", {"Danh bạ": rows})
    pv = preview(engine, path)
    assert [r.status for r in pv.rows] == ["new"] * 4
    assert [(w.row, w.code) for r in pv.rows for w in r.warnings] == []
    run_import(engine, pv)
    assert _methods(engine) == {
        "Nguyễn Văn An": [("phone", "+842438251234", "work")],
        "Trần Thị Bình": [("phone", "+84912345678", ""), ("phone", "+842438251234", "")],
        "Lê Văn Cường": [("phone", "+84913345678", ""), ("phone", "+842438251235", "work")],
        "Phạm Thu Hà": [("phone", "+842438251236", "work")],
    }
    assert {c.notes for c in _contacts(engine).values()} == {""}
