"""Undoing an import never removes a record that another import still standing lists.

Reviewer h109 (a data steward with partner offices' workbooks): import A (30 people), import B
(updates 5 of A's), undo A (the 5 kept: B edited them), import A again (25 new, the 5 matched:
"nothing new"), undo B: "also removed, left by imports undone before: 5 contacts" — A's second
import stood, "can be undone", and 5 of its 30 people were gone. An import's rows that matched a
record and left it as it was wrote nothing, so nothing said the import relied on it; the import
now notes them, and an undo keeps them while that import stands (and says so)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli

HEADER = ["Họ và tên", "Email", "Đơn vị", "Chức vụ"]


def _people(n: int, start: int = 0) -> list[list[str]]:
    return [
        [f"Người Thứ {i}", f"nguoi{i}@a.example.vn", "Sở KH&CN Hà Nội", "Chuyên viên"]
        for i in range(start, start + n)
    ]


def _with_phones(n: int, start: int = 0) -> list[list[str]]:
    """The people of :func:`_people` with a phone each: something new for an import to fill in."""
    return [[*row, f"0912 000 {i:03d}"] for i, row in enumerate(_people(n, start), start)]


def _live(db: Path) -> set[str]:
    engine = create_engine(f"sqlite:///{db}", poolclass=NullPool)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT full_name FROM contact WHERE deleted_at IS NULL")).scalars()
        return set(rows)


def _ok(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout) + str(done.stderr)


def test_a_record_an_import_standing_lists_outlives_the_undo_of_another(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    a = write_xlsx(tmp_path / "partnerA.xlsx", {"A": [HEADER, *_people(6)]})
    b = write_xlsx(
        tmp_path / "partnerB.xlsx", {"B": [[*HEADER, "Điện thoại"], *_with_phones(2), *_with_phones(3, 10)]}
    )
    everyone_in_a = {f"Người Thứ {i}" for i in range(6)}
    _ok(db, "import", str(a))  # 1: six new
    _ok(db, "import", str(b))  # 2: three new, two of A's updated
    said = _ok(db, "undo-import", "1")  # the two B updated are kept
    assert _live(db) == {"Người Thứ 0", "Người Thứ 1", "Người Thứ 10", "Người Thứ 11", "Người Thứ 12"}
    assert said.count("was edited after the import; kept") == 2, said
    again = _ok(db, "import", str(a))  # 3: four new, the two kept matched, nothing new
    assert "4 new" in again and "2 skipped" in again, again
    _ok(db, "undo-import", "2")
    assert _live(db) == everyone_in_a  # A's second import still has its six people
    # and once A's second import is undone too, nothing of either file is left
    _ok(db, "undo-import", "3")
    assert _live(db) == set()


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en_GB.UTF-8", 'contact "Người Thứ 0" (#1) is listed by import #2 (b.xlsx), which stands; kept'),
        (
            "vi_VN.UTF-8",
            'liên hệ "Người Thứ 0" (#1) có trong lần nhập #2 (b.xlsx), lần nhập này vẫn còn hiệu lực; giữ lại',
        ),
    ],
)
def test_undoing_the_first_of_two_files_listing_a_person_keeps_them_and_says_why(
    tmp_path: Path, lang: str, line: str
) -> None:
    """A partner's file, then another office's listing two of the same people as they are: the
    first undone, the two stay (the second file stands and names them), said one by one."""
    db = tmp_path / "k.db"
    a = write_xlsx(tmp_path / "a.xlsx", {"A": [HEADER, *_people(4)]})
    b = write_xlsx(tmp_path / "b.xlsx", {"B": [HEADER, *_people(2), *_people(1, 10)]})
    _ok(db, "import", str(a))
    assert "2 skipped" in _ok(db, "import", str(b))
    said = _ok(db, "undo-import", "1", lang=lang)
    assert line in said, said
    assert _live(db) == {"Người Thứ 0", "Người Thứ 1", "Người Thứ 10"}


def test_an_undo_takes_a_copy_first(tmp_path: Path) -> None:
    """As before a merge or a bulk delete, a copy of the database as it was before the undo,
    listed in File → Backups (reviewer h109: an undo removing 29 records left none)."""
    from db import backup as backups

    db = tmp_path / "k.db"
    _ok(db, "import", str(write_xlsx(tmp_path / "a.xlsx", {"A": [HEADER, *_people(3)]})))
    _ok(db, "undo-import", "1")
    [copy] = [b for b in backups.listing(db) if b.reason == "before-undo-import"]
    assert _live(copy.path) == {"Người Thứ 0", "Người Thứ 1", "Người Thứ 2"}
    assert _live(db) == set()
