"""A contact restored from the trash while a live one has its e-mail or phone: not silently a
second record of the person. Reviewer h109: import #1 undone, the same file imported again,
then "Phạm Anh Bình" (#45) restored from the trash: #45 and #5099 with the same e-mail, phone,
name and organisation, no warning; and the second import's preview never said that the people
were in the trash."""

from __future__ import annotations

import json
from pathlib import Path

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import as_in_a_test, run_cli

HEADER = ["Họ và tên", "Email", "Điện thoại", "Chức vụ"]


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _contacts(db: Path) -> list[dict[str, object]]:
    return list(json.loads(_ok(db, "contact", "list", "--json"))["items"])


def _undone_and_imported_again(tmp_path: Path, db: Path) -> str:
    sheet = write_xlsx(
        tmp_path / "k.xlsx", {"Khách": [HEADER, ["Phạm Anh Bình", "binh@vnq.vn", "0903 112 233", "Giám đốc"]]}
    )
    _ok(db, "import", str(sheet))
    _ok(db, "undo-import", "1")
    said = _ok(db, "import", str(sheet))
    return said


def test_the_preview_says_the_person_is_in_the_trash(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        said = _undone_and_imported_again(tmp_path, db)
    assert (
        'row 2 (new): the same person is in the trash: #1 "Phạm Anh Bình" has the email binh@vnq.vn' in said
    )
    assert "restore it from the trash" in said


def test_restore_refuses_naming_the_live_one_then_merges_or_restores_anyway(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        _undone_and_imported_again(tmp_path, db)
        refused = run_cli(db, "contact", "restore", "1")
        assert refused.returncode != 0
        assert "#2 Phạm Anh Bình" in refused.stderr and "binh@vnq.vn" in refused.stderr, refused.stderr
        assert "--merge" in refused.stderr and "--anyway" in refused.stderr
        assert [c["id"] for c in _contacts(db)] == [2]  # nothing restored
        merged = _ok(db, "contact", "restore", "1", "--merge")
        assert "merged it into #2" in merged, merged
        assert [c["id"] for c in _contacts(db)] == [2]
        _ok(db, "undo", merged.split("ketnoi undo ")[1].split(")")[0])  # the merge undone: #1 is live
        _ok(db, "contact", "delete", "1")
        _ok(db, "contact", "restore", "1", "--anyway")
        assert sorted(c["id"] for c in _contacts(db)) == [1, 2]
