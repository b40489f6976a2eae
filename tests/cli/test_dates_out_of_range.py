"""Dates out of range never crash and are never lost (reviewer h118): a meeting at 31/12/9999
23:30 made ``ketnoi import`` end in ``OverflowError: date value out of range`` (the sheet's valid
rows not imported) and ``ketnoi log-meeting --at`` crash; an action due 31/12/9999 broke
``export-ics``, ``workdays`` and rescheduling; one due 01/01/1800 made ``ketnoi due`` and the
digest refuse every period ("… is more than ten years", in English). Ketnoi keeps the dates from
01/03/1900 to 31/12/2200 (:mod:`app.dateranges`): refused where they enter, with the file's
sheet, row and column, the cell kept in the notes as typed; a database that holds one already
is read without a traceback. The clock is pinned at 23/11/2026 (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as con:
        rows = con.execute(sql).fetchall()
    con.close()
    return rows


def test_an_import_refuses_only_the_meetings_out_of_range(tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "họp.xlsx",
        {
            "Cuộc họp": [
                ["Ngày", "Giờ", "Tiêu đề", "Đơn vị"],
                [dt.datetime(9999, 12, 31), "23:30", "Họp năm 9999", "MOST"],
                ["15/03/1890", "09:00", "Họp năm 1890", "MOST"],
                ["01/01/0001", "09:00", "Họp năm 1", "MOST"],
                ["10/12/2026", "09:00", "Họp thật", "MOST"],
            ]
        },
    )
    db = tmp_path / "k.db"
    done = run_cli(db, "import", str(book))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    said = done.stdout
    assert (
        'row 2 [error]: Ngày (A): "31/12/9999" is outside the dates Ketnoi keeps (01/03/1900 to 31/12/2200)'
        in said
    )
    assert 'row 3 [error]: Ngày (A): "15/03/1890" is outside the dates Ketnoi keeps' in said
    assert 'row 4 [error]: Ngày (A): "01/01/0001" is outside the dates Ketnoi keeps' in said
    assert _rows(db, "SELECT title FROM meeting") == [("Họp thật",)]
    done = run_cli(tmp_path / "k2.db", "import", str(book), lang=VI)
    assert '"31/12/9999" nằm ngoài khoảng ngày Ketnoi lưu (từ 01/03/1900 đến 31/12/2200)' in done.stdout


def test_an_import_keeps_a_due_date_out_of_range_in_the_notes(tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "việc.xlsx",
        {
            "Việc cần làm": [
                ["Việc", "Đơn vị", "Hạn", "Trạng thái"],
                ["Việc hạn năm 9999", "MOST", dt.datetime(9999, 12, 31), "Mở"],
                ["Việc hạn năm 1800", "MOST", "01/01/1800", "Mở"],
            ]
        },
    )
    db = tmp_path / "k.db"
    said = _ok(db, "import", str(book))
    assert (
        'row 2 (warning): Hạn (C): "31/12/9999" is outside the dates Ketnoi keeps (01/03/1900 to '
        "31/12/2200); not applied, kept in the notes as typed"
    ) in said
    assert 'row 3 (warning): Hạn (C): "01/01/1800" is outside the dates Ketnoi keeps' in said
    assert _rows(db, "SELECT title, due_date, notes FROM action ORDER BY id") == [
        ("Việc hạn năm 9999", None, "Hạn: 31/12/9999"),
        ("Việc hạn năm 1800", None, "Hạn: 01/01/1800"),
    ]


def test_the_command_line_refuses_dates_out_of_range(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    done = run_cli(db, "log-meeting", "--title", "x", "--at", "31/12/9999 23:30")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert '"31/12/9999" is outside the dates Ketnoi keeps (01/03/1900 to 31/12/2200)' in done.stderr
    done = run_cli(db, "log-meeting", "--title", "x", "--at", "01/01/0001 10:00", lang=VI)
    assert done.returncode == 1
    assert "“01/01/0001” nằm ngoài khoảng ngày Ketnoi lưu (từ 01/03/1900 đến 31/12/2200)" in done.stderr
    for due in ("31/12/9999", "01/01/1800"):
        done = run_cli(db, "action", "add", "--title", "x", "--due", due, lang=VI)
        assert done.returncode == 1
        assert f"“{due}” nằm ngoài khoảng ngày Ketnoi lưu" in done.stderr
    done = run_cli(db, "action", "add", "--title", "seed")  # (the database made)
    done = run_cli(db, "letter", "add", "--subject", "x", "--incoming", "--reference", "12/BKHCN-HTQT",
                   "--date", "31/12/9999", "--reply-by", "+3d")  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert '"31/12/9999" is outside the dates Ketnoi keeps' in done.stderr
    done = run_cli(db, "workdays", "9999-12-31", "1", lang=VI)
    assert done.returncode == 1
    assert (
        done.stderr
        == "ketnoi: “9999-12-31” nằm ngoài khoảng ngày Ketnoi lưu (từ 01/03/1900 đến 31/12/2200)\n"
    )
    assert _rows(db, "SELECT count(*) FROM meeting") == [(0,)]


def test_dates_stored_before_the_check_are_read_without_a_traceback(tmp_path: Path) -> None:
    """An older database may hold 31/12/9999 or 01/01/1800 already: every reader that counts
    from a date works with it."""
    db = tmp_path / "k.db"
    _ok(db, "action", "add", "--title", "far", "--due", "10/12/2026")
    _ok(db, "action", "add", "--title", "old", "--due", "11/12/2026")
    _ok(db, "log-meeting", "--title", "m", "--at", "10/12/2026 10:00")
    with sqlite3.connect(db) as con:
        con.execute("UPDATE action SET due_date = '9999-12-31' WHERE title = 'far'")
        con.execute("UPDATE action SET due_date = '1800-01-01' WHERE title = 'old'")
        con.execute("UPDATE meeting SET starts_at = '9999-12-31 23:30:00.000000'")
    con.close()
    said = _ok(db, "export-ics", str(tmp_path / "k.ics"))
    assert "1 meeting, 2 open actions" in said
    ics = (tmp_path / "k.ics").read_text()
    assert "DTSTART;VALUE=DATE:99991231" in ics and "DTSTART;VALUE=DATE:18000101" in ics
    due = _ok(db, "due")
    assert "01/01/1800" in due and "old" in due
    _ok(db, "brief", "digest", "--from", "01/11/2026", "--to", "30/11/2026", "-o", str(tmp_path / "d.pdf"))
    assert (tmp_path / "d.pdf").stat().st_size > 0
    _ok(db, "action", "reschedule", "--to", "+1w", "1")  # counted from today: 9999 is no base
    assert _rows(db, "SELECT due_date FROM action WHERE title = 'far'") == [("2026-11-30",)]
