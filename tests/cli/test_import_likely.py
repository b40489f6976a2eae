"""``ketnoi import --dry-run`` lists the new rows that are probably a record the database has
under another spelling, in the CLI's language, and the import keeps them new
(app.importing.likely).

Reviewer: "Tanaka Hiroshi" became a second contact beside Genetica's "Hiroshi Tanaka", and
"Genetca" a new organisation beside "Genetica"; nothing said so before the import."""

from __future__ import annotations

from pathlib import Path

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli

HEAD = ["Họ và tên", "Đơn vị", "Email"]


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def test_the_dry_run_lists_a_probable_contact_and_a_misspelt_organisation(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    first = write_xlsx(tmp_path / "first.xlsx", {"Danh bạ": [
        HEAD, ["Hiroshi Tanaka", "Genetica", "tanaka@genetica.vn"],
    ]})  # fmt: skip
    _ok(db, "import", str(first), "--lang", "en")
    book = write_xlsx(tmp_path / "office.xlsx", {"Danh bạ": [
        HEAD,
        ["Tanaka Hiroshi", "Genetica", "hiroshi.t@genetica.vn"],
        ["Lê Văn Nam", "Genetca", None],
    ]})  # fmt: skip
    en = _ok(db, "import", str(book), "--dry-run", "--lang", "en").splitlines()
    assert (
        "  row 2 (new): probably Hiroshi Tanaka (#1), names in another order: imported as a new contact; "
        "to update #1 instead, write the name and organisation as #1 has them, or merge the two after the "
        "import (Find duplicates)"
    ) in en, en
    assert (
        '  row 3 (new): organisation "Genetca" is probably Genetica (#1) spelt another way: it is created '
        "as a new organisation; to use #1, write its name as #1 has it, or merge the two after the import "
        "(Find duplicates)"
    ) in en, en
    vi = _ok(db, "import", str(book), "--dry-run", "--lang", "vi").splitlines()
    assert (
        "  dòng 2 (mới): có lẽ là Hiroshi Tanaka (#1), họ tên viết theo thứ tự khác: được nhập thành liên hệ "
        "mới; để cập nhật #1 thay vào đó, hãy ghi họ tên và đơn vị như #1 đang có, hoặc gộp hai bản ghi sau "
        "khi nhập (Tìm bản ghi trùng lặp)"
    ) in vi, vi
    assert (
        '  dòng 3 (mới): tổ chức "Genetca" có lẽ là Genetica (#1) viết khác đi: tổ chức này được tạo mới; '
        "để dùng #1, hãy ghi tên như #1 đang có, hoặc gộp hai tổ chức sau khi nhập (Tìm bản ghi trùng lặp)"
    ) in vi, vi
    _ok(db, "import", str(book), "--lang", "en")  # imported as said: new, not merged
    names = _ok(db, "contact", "list")
    assert "Hiroshi Tanaka" in names and "Tanaka Hiroshi" in names


def test_two_new_spellings_of_one_organisation_are_listed_by_the_dry_run_and_the_import(
    tmp_path: Path,
) -> None:
    """Neither in the database: the later spelling's row names the earlier one's row."""
    db = tmp_path / "k.db"
    book = write_xlsx(tmp_path / "office.xlsx", {"Danh bạ": [
        HEAD,
        ["Lê Văn Nam", "FPT", None],
        ["Đỗ Thu Hà", None, None],
        ["Vũ Minh Quân", "FPT", None],
        ["Trần Văn Bảo", "Genetica JSC", None],  # row 5
        ["Phạm Thị Lan", "FPT", None],
        ["Hoàng Văn Long", "FPT", None],
        ["Ngô Thị Mai", "FPT", None],
        ["Bùi Văn Sơn", "Genetca JSC", None],  # row 9
    ]})  # fmt: skip
    en_line = (
        '  row 9 (new): organisation "Genetca JSC" is probably Genetica JSC (row 5) spelt another way: it is '
        "created as a new organisation; to use row 5, write its name as row 5 has it, or merge the two after "
        "the import (Find duplicates)"
    )
    vi_line = (
        '  dòng 9 (mới): tổ chức "Genetca JSC" có lẽ là Genetica JSC (dòng 5) viết khác đi: tổ chức này được '
        "tạo mới; để dùng dòng 5, hãy ghi tên như dòng 5 đang có, hoặc gộp hai tổ chức sau khi nhập (Tìm bản "
        "ghi trùng lặp)"
    )
    en = _ok(db, "import", str(book), "--dry-run", "--lang", "en").splitlines()
    assert en_line in en, en
    assert not [line for line in en if "probably" in line and line != en_line], en
    vi = _ok(db, "import", str(book), "--dry-run", "--lang", "vi").splitlines()
    assert vi_line in vi, vi
    done = _ok(db, "import", str(book), "--lang", "vi").splitlines()  # the import's own lines
    assert vi_line in done, done
    names = _ok(db, "org", "list")
    assert "Genetica JSC" in names and "Genetca JSC" in names
