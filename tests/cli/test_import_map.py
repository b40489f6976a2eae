"""``ketnoi import`` says which columns it leaves out because it does not recognise their
headers, and ``--map "COLUMN=FIELD"`` imports them (reviewer: a contacts sheet's "Zalo" and
"Sở thích" and a meetings sheet's attendees under "Người dự" went nowhere without a word).
Real workbooks, a real SQLite file, the real command line in English and Vietnamese."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import Workbook

from tests.cli.inproc import run_cli


def _contacts(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["STT", "Họ và tên", "Đơn vị", "Email", "Sở thích", "Zalo"])
    ws.append([1, "Nguyễn Thị Hồng Nhung", "NIC", "nhung@nic.vn", "Cờ vua", "0912 345 678"])
    ws.append([2, "Đặng Văn Hùng", "MOST", "hung@most.gov.vn", None, "0987 654 321"])
    wb.save(path)
    return path


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_columns_left_out_are_said_with_how_to_import_them(tmp_path: Path) -> None:
    book = _contacts(tmp_path / "danh-ba.xlsx")
    en = run_cli(tmp_path / "k.db", "import", str(book), "--dry-run", "--lang", "en")
    assert en.returncode == 0, en.stderr
    said = [ln for ln in en.stdout.splitlines() if "not imported" in ln]
    assert len(said) == 1, en.stdout
    assert "Sở thích (E), Zalo (F)" in said[0]
    assert "STT" not in said[0]  # (a row number left out on purpose is no loss)
    assert '--map "Sở thích=FIELD"' in said[0] and '"Notes"' in said[0]
    vi = run_cli(tmp_path / "k.db", "import", str(book), "--dry-run", "--lang", "vi")
    line = next(ln for ln in vi.stdout.splitlines() if "không nhập" in ln)
    assert "Sở thích (E), Zalo (F)" in line and "Ketnoi không nhận ra tiêu đề" in line and '"Ghi chú"' in line


def test_map_imports_the_columns_and_is_remembered(tmp_path: Path) -> None:
    book = _contacts(tmp_path / "danh-ba.xlsx")
    db = tmp_path / "k.db"
    done = run_cli(db, "import", str(book), "--map", "Zalo=Điện thoại", "--map", "E=notes", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "not imported" not in done.stdout
    phones = _rows(db, "SELECT c.full_name, m.value FROM contact_method m JOIN contact c ON c.id = m.contact_id "
                   "WHERE m.kind = 'phone' ORDER BY c.full_name")  # fmt: skip
    assert phones == [("Nguyễn Thị Hồng Nhung", "+84912345678"), ("Đặng Văn Hùng", "+84987654321")]
    notes = _rows(db, "SELECT notes FROM contact WHERE full_name = 'Nguyễn Thị Hồng Nhung'")
    assert notes == [("Sở thích: Cờ vua",)]
    # The same layout next time: the mapping given is remembered, nothing is left out.
    again = run_cli(db, "import", str(book), "--dry-run", "--lang", "en")
    assert "not imported" not in again.stdout
    assert "0 new, 0 updated" in again.stdout


def test_map_dash_leaves_a_recognised_column_out(tmp_path: Path) -> None:
    book = _contacts(tmp_path / "danh-ba.xlsx")
    db = tmp_path / "k.db"
    done = run_cli(db, "import", str(book), "--map", "Email=-", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert _rows(db, "SELECT count(*) FROM contact") == [(2,)]
    assert _rows(db, "SELECT count(*) FROM contact_method WHERE kind = 'email'") == [(0,)]


def test_map_refusals_name_what_would_do_and_write_nothing(tmp_path: Path) -> None:
    book = _contacts(tmp_path / "danh-ba.xlsx")
    db = tmp_path / "k.db"
    field = run_cli(db, "import", str(book), "--map", "Zalo=Ngày sinh", "--lang", "en")
    assert field.returncode != 0
    assert 'has no field "Ngày sinh"' in field.stderr and "Điện thoại / Phone" in field.stderr
    column = run_cli(db, "import", str(book), "--map", "Facebook=notes", "--lang", "vi")
    assert column.returncode != 0
    assert 'không trang nào có cột "Facebook"' in column.stderr and "Sở thích, Zalo" in column.stderr
    bad = run_cli(db, "import", str(book), "--map", "Zalo", "--lang", "en")
    assert bad.returncode != 0 and 'write it as "COLUMN=FIELD"' in bad.stderr
    if db.exists():  # (opening it made the file: nothing in it)
        assert _rows(db, "SELECT count(*) FROM contact") == [(0,)]
        assert _rows(db, "SELECT count(*) FROM import_batch") == [(0,)]


def test_a_meetings_sheet_names_its_attendees_under_nguoi_du(tmp_path: Path) -> None:
    wb = Workbook()
    people = wb.active
    people.title = "Liên hệ"
    people.append(["Họ và tên", "Đơn vị", "Email"])
    people.append(["Nguyễn Văn An", "NIC", "an@nic.vn"])
    meetings = wb.create_sheet("Cuộc họp")
    meetings.append(["Tiêu đề", "Ngày", "Đơn vị", "Người dự"])
    meetings.append(["Họp về sandbox", "20/11/2026", "NIC", "Nguyễn Văn An"])
    book = tmp_path / "hop.xlsx"
    wb.save(book)
    db = tmp_path / "k.db"
    done = run_cli(db, "import", str(book), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "not imported" not in done.stdout
    attended = _rows(db, "SELECT c.full_name FROM meeting_attendee a JOIN contact c ON c.id = a.contact_id")
    assert attended == [("Nguyễn Văn An",)]
