"""``ketnoi undo-import`` counts what it put back on records that existed before the import, not
the fields of the records it removes (reviewer h32: an import of 26,400 new rows, "updated 0",
undone: "restored 5,732 fields" — the "last contacted" dates its meetings had set on its own new
contacts, read as thousands of records changed back)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from app import records
from db.engine import unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def ketnoi(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip


def test_undo_counts_fields_put_back_on_earlier_records_only(tmp_path: Path) -> None:
    db = tmp_path / "ketnoi.db"
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        binh = records.create(s, "contact", {"full_name": "Lê Thị Bình", "emails": ["binh@nic.vn"]})
    engine.dispose()
    book = write_xlsx(
        tmp_path / "hop.xlsx",
        {
            "Liên hệ": [
                ["Họ và tên", "Email"],
                ["Nguyễn Văn An", "an@nic.vn"],
                ["Trần Thu Hà", "ha@most.gov.vn"],
                ["Phạm Minh Khoa", "khoa@fpt.com.vn"],
            ],
            "Cuộc họp": [
                ["Tiêu đề", "Bắt đầu", "Thành phần"],
                [
                    "Họp AI",
                    dt.datetime(2026, 11, 2, 9),
                    "Nguyễn Văn An; Trần Thu Hà; Phạm Minh Khoa; Lê Thị Bình",
                ],
            ],
        },
    )
    done = ketnoi("import", str(book), "--db", str(db), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "3 new, 0 updated" in done.stdout
    done = ketnoi("undo-import", "1", "--db", str(db), "--lang", "en")
    assert done.returncode == 0, done.stderr
    # 4 "last contacted" dates were set by the meeting: 3 on contacts the import made, 1 on #binh
    assert done.stdout == (
        "Undid import #1: removed 1 meeting, 3 contacts it had created; put back 1 field on 1 contact "
        "that existed before it\n"
        "  what it removed is in the trash, as every deletion (restore it from View → Trash)\n"
        "  the column choices remembered for its layout stay: the next file laid out the same is offered them\n"
    ), (binh, done.stdout)
    done = ketnoi("undo-import", "1", "--db", str(db), "--lang", "vi")
    assert done.returncode == 1  # (undone already)


def test_undo_of_an_import_that_changed_no_earlier_record_says_so(tmp_path: Path) -> None:
    db = tmp_path / "ketnoi.db"
    book = write_xlsx(
        tmp_path / "hop.xlsx",
        {
            "Liên hệ": [["Họ và tên", "Email"], ["Nguyễn Văn An", "an@nic.vn"]],
            "Cuộc họp": [["Tiêu đề", "Bắt đầu", "Thành phần"], ["Họp AI", dt.datetime(2026, 11, 2, 9), "Nguyễn Văn An"]],
        },
    )  # fmt: skip
    assert ketnoi("import", str(book), "--db", str(db)).returncode == 0
    done = ketnoi("undo-import", "1", "--db", str(db), "--lang", "vi")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Đã hoàn tác lần nhập #1: xoá 1 cuộc họp, 1 liên hệ do lần nhập tạo ra; lần nhập này không "
        "thay đổi bản ghi nào đã có từ trước\n"
        "  những gì đã gỡ đang ở trong thùng rác, như mọi bản ghi đã xoá (khôi phục tại Xem → Thùng rác)\n"
        "  cách ghép cột đã ghi nhớ cho bố cục của tệp vẫn được giữ: tệp sau có cùng bố cục sẽ được gợi ý "
        "dùng lại\n"
    )
