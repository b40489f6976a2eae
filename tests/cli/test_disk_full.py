"""A disk that will not take a write (full, or a limit on a file's size) is said in one line in
the person's language: what could not be written, that nothing was changed, what to do — never a
traceback, a class name or SQLite's "disk I/O error" alone (reviewer h32: `ketnoi merge` under
``ulimit -f`` printed a traceback ending "db.backup.BackupError: Cannot back up …: disk I/O
error"; `ketnoi import` said "OperationalError: disk I/O error").

The CLI runs as a process of its own under RLIMIT_FSIZE (``ulimit -f``): a file may grow no
larger than the limit, as on a full disk (Python ignores SIGXFSZ, so the write fails, EFBIG)."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX's")


def ketnoi(args: list[str], limit: int, lang: str = "en") -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = "vi_VN.UTF-8" if lang == "vi" else "C.UTF-8"  # the CLI's language (app.language)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limited,
        check=False,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "ketnoi.db"
    assert main(["demo", "--db", str(db)]) == 0
    return db


def counts(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        return (
            con.execute("SELECT count(*) FROM contact WHERE deleted_at IS NULL").fetchone()[0],
            con.execute("SELECT count(*) FROM organisation WHERE deleted_at IS NULL").fetchone()[0],
        )
    finally:
        con.close()


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    line = lines[0]
    for word in ("Traceback", "BackupError", "OperationalError", "Error:", "--debug"):
        assert word not in line, line
    return line


def a_copy(demo: Path, tmp_path: Path) -> Path:
    db = tmp_path / "ketnoi.db"
    db.write_bytes(demo.read_bytes())
    return db


@pytest.mark.parametrize(
    ("args", "doing", "doing_vi"),
    [
        (["contact", "delete", "5", "6"], "the deletion was not started", "Ketnoi chưa xoá"),
        (["merge", "organisation", "2", "3"], "the merge was not started", "Ketnoi chưa gộp"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_backup_before_an_operation_that_the_disk_refuses_is_one_line_and_nothing_changes(
    demo: Path, tmp_path: Path, args: list[str], doing: str, doing_vi: str, lang: str
) -> None:
    db = a_copy(demo, tmp_path)
    before = counts(db)
    size = db.stat().st_size
    line = one_line(ketnoi([*args, "--db", str(db)], limit=size // 3, lang=lang))
    folder = str(tmp_path / "ketnoi-backups")
    if lang == "en":
        assert line.startswith(f"ketnoi: Nothing was changed: {doing}, because the backup"), line
        assert f"the disk holding the folder {folder}" in line, line
        assert line.endswith("Free some space on that disk, then try again."), line
    else:
        assert line.startswith(f"ketnoi: Dữ liệu không bị thay đổi: {doing_vi} vì"), line
        assert f"ổ đĩa chứa thư mục {folder}" in line, line
        assert line.endswith("Hãy giải phóng bớt dung lượng trên ổ đĩa đó rồi thử lại."), line
    assert counts(db) == before
    assert not any(p.name.endswith((".part", "-journal")) for p in (tmp_path / "ketnoi-backups").iterdir())


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_backup_the_disk_refuses_says_so_in_one_line(demo: Path, tmp_path: Path, lang: str) -> None:
    db = a_copy(demo, tmp_path)
    line = one_line(ketnoi(["backup", "--db", str(db)], limit=db.stat().st_size // 3, lang=lang))
    if lang == "en":
        assert line.startswith("ketnoi: No backup was made: ketnoi-"), line
        assert "Nothing was changed. Free some space on that disk, then try again." in line
    else:
        assert line.startswith("ketnoi: Chưa sao lưu được: không ghi được tệp ketnoi-"), line
        assert "Dữ liệu không bị thay đổi." in line
    assert list((tmp_path / "ketnoi-backups").iterdir()) == []


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_import_the_disk_refuses_is_said_in_words_and_nothing_is_imported(
    demo: Path, tmp_path: Path, lang: str
) -> None:
    """The backup before it fits; the import's own writes into the database do not."""
    db = a_copy(demo, tmp_path)
    before = counts(db)
    book = tmp_path / "danh-ba.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên", "Email", "Tổ chức", "Ghi chú"])
    for i in range(6000):
        ws.append(
            [f"Nguyễn Văn An {i}", f"an{i}@x{i % 50}.example.vn", f"Tổ chức số {i % 300}", "ghi chú " * 30]
        )
    wb.save(book)
    done = ketnoi(["import", str(book), "--db", str(db)], limit=db.stat().st_size + 64 * 1024, lang=lang)
    line = one_line(done)
    if lang == "en":
        assert line.startswith(f"ketnoi: Not saved: the database {db} could not be written: the disk"), line
        assert "Nothing was changed. Free some space on that disk, then try again." in line
    else:
        assert line.startswith(f"ketnoi: Chưa lưu được: không ghi được vào cơ sở dữ liệu {db}: ổ đĩa"), line
        assert "Dữ liệu không bị thay đổi." in line
    assert counts(db) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_restore_the_disk_refuses_says_so_and_leaves_the_database_as_it_was(
    demo: Path, tmp_path: Path, lang: str
) -> None:
    db = a_copy(demo, tmp_path)
    assert main(["backup", "--db", str(db)]) == 0
    (backup,) = (tmp_path / "ketnoi-backups").iterdir()
    assert main(["contact", "delete", "5", "--db", str(db)]) == 0  # a change the restore would undo
    before = counts(db)
    line = one_line(
        ketnoi(["restore", str(backup), "--db", str(db)], limit=db.stat().st_size // 3, lang=lang)
    )
    if lang == "en":
        assert line.startswith(f"ketnoi: Not restored: the disk holding the folder {tmp_path}"), line
        assert line.endswith("Nothing was changed. Free some space on that disk, then try again."), line
    else:
        assert line.startswith(f"ketnoi: Chưa khôi phục được: ổ đĩa chứa thư mục {tmp_path}"), line
        assert "Dữ liệu không bị thay đổi." in line, line
    assert counts(db) == before
