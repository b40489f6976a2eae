"""A last-contacted date after today is no contact that has happened (reviewer: an import row
with "Ngày gặp gần nhất" 20/12/2026, today 06/12/2026, was counted "cập nhật 1" without a word,
and the contact then said "Liên hệ gần nhất 20/12/2026"; ``ketnoi contact edit 9
--last-contacted 25/12/2026`` saved it too). Tomorrow is still taken (a date written a time zone
ahead). The clock is pinned at 23/11/2026 (tests/conftest.py). In this process, on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import copy_of, demo_database, run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


def _last(db: Path, contact_id: int) -> str | None:
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT last_contacted_on FROM contact WHERE id = ?", (contact_id,)).fetchone()
    con.close()
    return None if row[0] is None else str(row[0])


def test_the_command_line_refuses_a_future_last_contact(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    before = _last(db, 9)
    done = run_cli(db, "contact", "edit", "9", "--last-contacted", "25/12/2026", lang=VI)
    assert done.returncode == 1, done.stdout
    assert done.stderr == (
        "ketnoi: Chưa lưu liên hệ: Liên hệ gần nhất: 25/12/2026 là ngày sau hôm nay (23/11/2026): "
        "lần liên hệ gần nhất không thể ở tương lai\n"
    )
    done = run_cli(db, "contact", "edit", "9", "--last-contacted", "25/12/2026", lang=EN)
    assert done.returncode == 1
    assert "25/12/2026 is after today (23/11/2026): a last contact cannot be in the future" in done.stderr
    assert _last(db, 9) == before
    # tomorrow is taken (a date written a time zone ahead), today of course
    assert run_cli(db, "contact", "edit", "9", "--last-contacted", "24/11/2026").returncode == 0
    assert _last(db, 9) == "2026-11-24"
    assert run_cli(db, "contact", "add", "--name", "Đỗ Hải", "--last-contacted", "2027-11-20").returncode == 1


def test_an_import_leaves_a_future_last_contact_out_and_says_so(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    with sqlite3.connect(db) as con:
        name, before = con.execute("SELECT full_name, last_contacted_on FROM contact WHERE id = 9").fetchone()
        email = con.execute(
            "SELECT value FROM contact_method WHERE contact_id = 9 AND kind = 'email'"
        ).fetchone()[0]
    con.close()
    book = write_xlsx(
        tmp_path / "gặp.xlsx",
        {"Liên hệ": [["Họ và tên", "Email", "Ngày gặp gần nhất"], [name, email, "20/12/2026"]]},
    )
    said = run_cli(db, "import", str(book), "--dry-run", lang=VI)
    assert said.returncode == 0, said.stderr
    assert (
        "  dòng 2 (cảnh báo): Ngày gặp gần nhất (C): 20/12/2026 là ngày sau hôm nay (23/11/2026): lần "
        "liên hệ gần nhất không thể ở tương lai; không áp dụng, đã ghi vào ghi chú như đã nhập\n"
    ) in said.stdout, said.stdout
    said = run_cli(db, "import", str(book), "--dry-run", lang=EN)
    assert "20/12/2026 is after today (23/11/2026): a last contact cannot be in the future; not applied" in (
        said.stdout
    ), said.stdout
    done = run_cli(db, "import", str(book), lang=VI)
    assert done.returncode == 0, done.stderr
    assert "20/12/2026 là ngày sau hôm nay" in done.stdout, done.stdout
    with sqlite3.connect(db) as con:
        after, notes = con.execute("SELECT last_contacted_on, notes FROM contact WHERE id = 9").fetchone()
    con.close()
    assert after == before  # not applied
    assert "20/12/2026" in notes  # kept as typed, as an impossible date is
    # tomorrow is a last contact (a sheet written a time zone ahead)
    book = write_xlsx(
        tmp_path / "mai.xlsx",
        {"Liên hệ": [["Họ và tên", "Email", "Ngày gặp gần nhất"], [name, email, "24/11/2026"]]},
    )
    said = run_cli(db, "import", str(book), lang=VI)
    assert "cảnh báo" not in said.stdout, said.stdout
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT last_contacted_on FROM contact WHERE id = 9").fetchone()[0] == "2026-11-24"
    con.close()


def test_a_future_date_stored_before_does_not_block_another_edit(demo: Path, tmp_path: Path) -> None:
    """One written before this check (an older import): the contact's other fields still save."""
    db = copy_of(demo, tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE contact SET last_contacted_on = '2026-12-20' WHERE id = 9")
    con.close()
    done = run_cli(db, "contact", "edit", "9", "--position", "Phó Giám đốc", lang=VI)
    assert done.returncode == 0, done.stderr
    assert _last(db, 9) == "2026-12-20"
