"""What ``ketnoi import``, ``undo-import`` and ``search`` print, read back from the real CLI on a
real SQLite file, in English and Vietnamese: counts in words with proper plurals, why rows were
skipped, what a file of no known kind should have been, and when the search stopped at its limit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.cli import main
from app.importing.reader import SUFFIXES

HEADER = "Họ và tên,Email,Đơn vị,Cán bộ phụ trách\n"


def _csv(path: Path, rows: int, staff: tuple[str, ...] = ("Trần Bình",)) -> Path:
    lines = [
        f"Nguyễn Văn Người{i},nguoi{i}@example.vn,Công ty Ánh Dương,{staff[i % len(staff)]}\n"
        for i in range(rows)
    ]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    got = capsys.readouterr()
    return code, got.out, got.err


def test_import_counts_read_as_words_with_singular_and_plural(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.db")
    code, out, _ = _run(capsys, "import", str(_csv(tmp_path / "a.csv", 6)), "--db", db, "--lang", "en")
    assert code == 0
    assert 'Sheet "a" (contact, header row 1): 6 new, 0 updated, 0 duplicates, 0 errors, 0 skipped' in out
    assert "  creates 1 organisation: Công ty Ánh Dương\n" in out
    assert "  creates 1 staff member: Trần Bình\n" in out
    assert "staff members" not in out and "organisations:" not in out
    # two of them: the plural (the same two people, by their emails, now in the care of two
    # other staff members: the rows overwrite whose care they are in)
    two = _csv(tmp_path / "b.csv", 2, staff=("Lê Hà", "Phạm Quân"))
    over = ("--on-match", "overwrite", "--dry-run")
    code, out, _ = _run(capsys, "import", str(two), "--db", db, "--lang", "en", *over)
    assert code == 0 and "  creates 2 staff members: Lê Hà; Phạm Quân\n" in out
    assert "0 new, 2 updated, 0 duplicates, 0 errors, 0 skipped" in out
    # Vietnamese has no plural
    code, out, _ = _run(capsys, "import", str(two), "--db", db, "--lang", "vi", *over)
    assert code == 0 and "  tạo 2 cán bộ: Lê Hà; Phạm Quân\n" in out
    assert "mới 0, cập nhật 2, trùng 0, lỗi 0, bỏ qua 0" in out


def test_import_says_why_rows_were_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    sheet = _csv(tmp_path / "a.csv", 6)
    assert _run(capsys, "import", str(sheet), "--db", db)[0] == 0
    code, out, _ = _run(capsys, "import", str(sheet), "--db", db, "--lang", "en")
    assert code == 0
    assert "0 new, 0 updated, 0 duplicates, 0 errors, 6 skipped (nothing new)\n" in out
    assert "skip 6" not in out
    # each named, with the record it already is (the first import wrote them as #1-#6)
    assert "  not changed, the database has them already: rows 2 (#1), 3 (#2), 4 (#3), 5 (#4), 6 (#5)" in out
    code, out, _ = _run(capsys, "import", str(sheet), "--db", db, "--lang", "vi")
    assert code == 0 and "bỏ qua 6 (không có gì mới)\n" in out
    assert "  không đổi, cơ sở dữ liệu đã có đúng như vậy: dòng 2 (#1), 3 (#2)" in out
    code, out, _ = _run(capsys, "import", str(sheet), "--db", db, "--lang", "en", "--on-match", "skip")
    assert code == 0 and "6 skipped (already in Ketnoi; --on-match skip)\n" in out


def test_one_duplicate_and_one_error_are_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_text(
        HEADER + "An,an@example.vn,,\nAn,an@example.vn,,\n,bad@example.vn,,\nBình,binh@example.vn,,\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "import", str(sheet), "--db", str(tmp_path / "k.db"), "--lang", "en")
    assert code == 0 and "2 new, 0 updated, 1 duplicate, 1 error, 0 skipped" in out


def test_undo_import_prints_counts_not_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    assert _run(capsys, "import", str(_csv(tmp_path / "a.csv", 61)), "--db", db)[0] == 0
    code, out, _ = _run(capsys, "undo-import", "1", "--db", db, "--lang", "en")
    assert code == 0
    assert out == (
        "Undid import #1: removed 61 contacts, 1 organisation, 1 staff member it had created; it had "
        "changed no record that existed before it\n"
        "  what it removed is in the trash, as every deletion (restore it from View → Trash)\n"
        "  the column choices remembered for its layout stay: the next file laid out the same is offered them\n"
    )
    code, _, err = _run(capsys, "undo-import", "1", "--db", db, "--lang", "vi")
    assert code == 1 and err.startswith("ketnoi: lần nhập #1 đã được hoàn tác lúc ")
    # Vietnamese, from a second import
    assert _run(capsys, "import", str(_csv(tmp_path / "b.csv", 1)), "--db", db)[0] == 0
    code, out, _ = _run(capsys, "undo-import", "2", "--db", db, "--lang", "vi")
    assert (
        code == 0
        and out
        == "Đã hoàn tác lần nhập #2: xoá 1 liên hệ, 1 tổ chức, 1 cán bộ do lần nhập tạo ra; lần nhập "
        "này không thay đổi bản ghi nào đã có từ trước\n"
        "  những gì đã gỡ đang ở trong thùng rác, như mọi bản ghi đã xoá (khôi phục tại Xem → Thùng rác)\n"
        "  cách ghép cột đã ghi nhớ cho bố cục của tệp vẫn được giữ: tệp sau có cùng bố cục sẽ được gợi ý "
        "dùng lại\n"
    )


def test_a_file_of_no_known_kind_is_told_what_import_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Ketnoi\n\nNot a spreadsheet.\n", encoding="utf-8")
    db = str(tmp_path / "k.db")
    code, _, err = _run(capsys, "import", str(readme), "--db", db, "--lang", "en")
    assert code == 1
    assert err == (
        "ketnoi: README.md: not a file ketnoi import reads "
        "(.xlsx, .xlsm, .xls, .ods, .csv, .txt, .tsv, .vcf or .ics)\n"
    )
    # exactly what the importer reads, plus the calendar invitation ketnoi import hands on
    assert set(re.findall(r"\.\w+", err.split("(", 1)[1])) == {*SUFFIXES, ".ics"}
    code, _, err = _run(capsys, "import", str(readme), "--db", db, "--lang", "vi")
    assert code == 1 and err == (
        "ketnoi: README.md: ketnoi import không đọc loại tệp này "
        "(chỉ đọc .xlsx, .xlsm, .xls, .ods, .csv, .txt, .tsv, .vcf hoặc .ics)\n"
    )
    # a file named like one it reads, holding something else, is told so rather than the list
    fake = tmp_path / "danh bạ.xlsx"
    fake.write_text("Họ và tên,Email\nAn,an@example.vn\n", encoding="utf-8")
    code, _, err = _run(capsys, "import", str(fake), "--db", db, "--lang", "en")
    assert code == 1 and err == (
        "ketnoi: danh bạ.xlsx: the name ends in .xlsx, but the content is another kind of file (renamed?)\n"
    )
    code, _, err = _run(capsys, "import", str(fake), "--db", db, "--lang", "vi")
    assert code == 1 and err == (
        "ketnoi: danh bạ.xlsx: tên có đuôi .xlsx nhưng nội dung là loại tệp khác (bị đổi tên?)\n"
    )
    # the other file errors are worded in the CLI's language too
    code, _, err = _run(capsys, "import", str(tmp_path / "none.xlsx"), "--db", db, "--lang", "vi")
    assert code == 1 and err == "ketnoi: Không tìm thấy tệp: none.xlsx\n"


@pytest.mark.parametrize("suffix", [".txt", ".tsv"])
def test_the_text_suffixes_the_message_lists_are_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    sheet = tmp_path / f"danh bạ{suffix}"
    sep = "\t" if suffix == ".tsv" else ","
    sheet.write_text(f"Họ và tên{sep}Email\nNguyễn An{sep}an@example.vn\n", encoding="utf-8")
    code, out, _ = _run(capsys, "import", str(sheet), "--db", str(tmp_path / "k.db"), "--lang", "en")
    assert code == 0 and "1 new," in out and "→ import #1" in out


def _people(tmp_path: Path, capsys: pytest.CaptureFixture[str], n: int) -> str:
    db = str(tmp_path / "k.db")
    sheet = tmp_path / "p.csv"
    sheet.write_text(
        "Họ và tên,Email\n" + "".join(f"Nguyễn Văn Số{i},so{i}@example.vn\n" for i in range(n)),
        encoding="utf-8",
    )
    assert _run(capsys, "import", str(sheet), "--db", db)[0] == 0
    return db


def test_search_says_when_it_stopped_at_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _people(tmp_path, capsys, 30)
    code, out, _ = _run(capsys, "search", "nguyen", "--db", db)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 21
    assert re.fullmatch(r"First 20 results in \d+ ms \(more match; --limit N shows more\)", lines[-1])
    code, out, _ = _run(capsys, "search", "nguyen", "--db", db, "--limit", "50")
    assert code == 0 and re.fullmatch(r"30 results in \d+ ms", out.splitlines()[-1])
    code, out, _ = _run(capsys, "search", "nguyen", "--db", db, "--json")
    doc = json.loads(out)
    assert len(doc["hits"]) == 20 and doc["more"] is True
    code, _, err = _run(capsys, "search", "nguyen", "--db", db, "--limit", "0")
    assert code == 1 and "--limit" in err


def test_search_with_exactly_the_limit_does_not_claim_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _people(tmp_path, capsys, 20)
    code, out, _ = _run(capsys, "search", "nguyen", "--db", db)
    assert code == 0 and re.fullmatch(r"20 results in \d+ ms", out.splitlines()[-1])
    code, out, _ = _run(capsys, "search", "so7", "--db", db)
    assert code == 0 and re.fullmatch(r"1 result in \d+ ms", out.splitlines()[-1])


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_report_named_as_the_sheet_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    sheet = _csv(tmp_path / "danh-ba.csv", 3)
    before = sheet.read_bytes()
    db = tmp_path / "k.db"
    # the same file named another way: relative, through a symlink
    (tmp_path / "link.csv").symlink_to(sheet)
    for report in (str(sheet), str(tmp_path / "link.csv")):
        code, out, err = _run(
            capsys, "import", str(sheet), "--db", str(db), "--report", report, "--lang", lang
        )
        assert code == 1
        assert ("another name" if lang == "en" else "tên khác") in err
        assert sheet.read_bytes() == before
    code, out, _ = _run(capsys, "import-history", "--db", str(db))
    assert "danh-ba.csv" not in out  # nothing was imported


def test_a_file_that_cannot_be_read_says_so_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook another program holds (Windows) or one without the right to read it: the
    reason and what to do, in one line, not "PermissionError: [Errno 13] …". (The denial is
    simulated: the tests may run as root, whom no file mode stops.)"""
    locked = _csv(tmp_path / "khach-moi.csv", 2)
    real_open = Path.open

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", denied)
    db = str(tmp_path / "k.db")
    code, out, err = _run(capsys, "import", str(locked), "--db", db, "--lang", "vi")
    assert code == 1
    assert "Không đọc được tệp khach-moi.csv: không có quyền truy cập" in err
    assert "PermissionError" not in err + out
    code, out, err = _run(capsys, "import", str(locked), "--db", db, "--lang", "en")
    assert code == 1
    assert "Cannot read khach-moi.csv: access is denied. If it is open in another program" in err
