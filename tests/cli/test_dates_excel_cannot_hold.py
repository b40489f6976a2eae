"""A date Excel cannot hold is neither lost on export nor said kept when it was not (reviewer
h118): a last contact of 15/03/1890 was exported as the number -3577, which Excel cannot show,
and read back as "00:00:00" with "kept in the notes as typed" — the date gone. A date cell of 0
or -5 in an officer's own sheet read the same. Now the export writes such a date as the text
"15/03/1890", which reads back as itself (outside the dates Ketnoi keeps: kept in the notes, so
said), and a date cell with no day in it is said left out, the notes not given "00:00:00"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.cli.inproc import run_cli


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as con:
        rows = con.execute(sql).fetchall()
    con.close()
    return rows


def test_a_date_before_1900_is_exported_as_text_and_reads_back(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _ok(
        db,
        "contact",
        "add",
        "--name",
        "Đinh Cổ Xưa",
        "--email",
        "co@x.example.vn",
        "--last-contacted",
        "01/11/2026",
    )
    _ok(db, "log-meeting", "--title", "Họp xưa", "--at", "10/11/2026 09:30")
    with sqlite3.connect(db) as con:  # (a database from before the dates were checked)
        con.execute("UPDATE contact SET last_contacted_on = '1890-03-15'")
        con.execute("UPDATE meeting SET starts_at = '1890-03-15 09:30:00.000000'")
    con.close()
    book = tmp_path / "xuất.xlsx"
    _ok(db, "export", str(book))
    wb = load_workbook(book)
    cells = [c.value for ws in wb for row in ws.iter_rows(min_row=2) for c in row]
    wb.close()
    assert "15/03/1890" in cells and "15/03/1890 09:30" in cells
    assert not any(isinstance(v, (int, float)) and v < 0 for v in cells)

    again = tmp_path / "lại.db"
    said = _ok(again, "import", str(book))
    assert (
        'Liên hệ gần nhất / Last contacted (P): "15/03/1890" is outside the dates Ketnoi keeps '
        "(01/03/1900 to 31/12/2200); not applied, kept in the notes as typed"
    ) in said
    assert _rows(again, "SELECT last_contacted_on, notes FROM contact") == [
        (None, "Liên hệ gần nhất / Last contacted: 15/03/1890")
    ]
    assert '"15/03/1890 09:30" is outside the dates Ketnoi keeps' in said  # the meeting's row


def test_a_date_cell_of_0_or_less_is_said_left_out(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Email", "Ngày gặp gần nhất"])
    for name, email, serial in (
        ("Serial Sáu Mươi", "s2@x.example.vn", 60),  # Excel's 29/02/1900, no day
        ("Serial Không", "s4@x.example.vn", 0),
        ("Serial Âm", "s5@x.example.vn", -5),
        ("Serial Thật", "s6@x.example.vn", 46000),  # 09/12/2025
    ):
        ws.append([name, email, serial])
        ws.cell(ws.max_row, 3).number_format = "dd/mm/yyyy"
    book = tmp_path / "số.xlsx"
    wb.save(book)
    db = tmp_path / "k.db"
    said = _ok(db, "import", str(book))
    assert 'row 2 (warning): Ngày gặp gần nhất (C): "28/02/1900" is outside the dates Ketnoi keeps' in said
    for row in (3, 4):
        assert (
            f"row {row} (warning): Ngày gặp gần nhất (C): a time of day with no date (00:00): a date cell "
            "of 0 or less reads so (Excel shows it as 00/01/1900 or ####); left out, with nothing to keep "
            "in the notes"
        ) in said
    assert "00:00:00" not in said
    assert _rows(db, "SELECT full_name, last_contacted_on, coalesce(notes, '') FROM contact ORDER BY id") == [
        ("Serial Sáu Mươi", None, "Ngày gặp gần nhất: 28/02/1900"),
        ("Serial Không", None, ""),
        ("Serial Âm", None, ""),
        ("Serial Thật", "2025-12-09", ""),
    ]
    vi = run_cli(tmp_path / "vi.db", "import", str(book), lang="vi_VN.UTF-8")
    assert "giờ trong ngày mà không có ngày (00:00)" in vi.stdout
