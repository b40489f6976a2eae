"""``ketnoi import`` of a contacts sheet into the ``ketnoi demo`` database, where Bộ Kế hoạch và
Đầu tư merged into Bộ Tài chính and Bộ Thông tin và Truyền thông into Bộ Khoa học và Công nghệ
on 01/03/2025: the people are filed under the successors, each row said in the CLI's language,
and ``undo-import`` takes away exactly what the import added (app.importing.reorganised).

Reviewer: the people of a contacts sheet naming either ministry were filed under the closed one,
with no word, on a database ``ketnoi demo`` built."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import copy_of, demo_database, run_cli


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    return copy_of(demo, tmp_path)


def _contacts(db: Path) -> dict[str, str]:
    items = json.loads(_ok(db, "contact", "list", "--json", "--limit", "1000"))["items"]
    return {c["name"]: c["organisation"] for c in items}


def test_contacts_of_the_merged_ministries_are_filed_under_their_successors(db: Path, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": [
        ["Họ và tên", "Đơn vị", "Email"],
        ["Nguyễn Thị Hoa Mai", "Bộ Kế hoạch và Đầu tư", "hoamai@example.vn"],
        ["Trần Văn Thông", "Bộ Thông tin và Truyền thông", None],
    ]})  # fmt: skip
    before = _contacts(db)
    dry = _ok(db, "import", str(book), "--dry-run", "--lang", "vi")
    assert (
        "  dòng 2 (cảnh báo): Đơn vị (B): Bộ Kế hoạch và Đầu tư (MPI) đã trở thành Bộ Tài chính từ ngày "
        "01/03/2025: liên hệ được ghi thuộc Bộ Tài chính"
    ) in dry.splitlines(), dry
    out = _ok(db, "import", str(book), "--lang", "en")
    lines = out.splitlines()
    assert (
        "  row 3 (warning): Đơn vị (B): Bộ Thông tin và Truyền thông (MIC) became Bộ Khoa học và Công nghệ on "
        "01/03/2025: the contact is filed under Bộ Khoa học và Công nghệ"
    ) in lines, out
    after = _contacts(db)
    added = {k: v for k, v in after.items() if k not in before}
    assert {k: v.split(" (")[0] for k, v in added.items()} == {
        "Nguyễn Thị Hoa Mai": "Bộ Tài chính",
        "Trần Văn Thông": "Bộ Khoa học và Công nghệ",
    }
    batch = re.search(r"undo-import (\d+)", out)
    assert batch is not None, out
    _ok(db, "undo-import", batch.group(1))
    assert _contacts(db) == before
