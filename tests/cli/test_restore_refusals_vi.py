"""Every refusal ``ketnoi restore`` can give, under LANG=vi_VN.UTF-8, in Vietnamese (reviewer:
"Chưa khôi phục: …/viettel.pdf is not a readable database (file is not a database)": the
sentence of db.backup.check_file had no Vietnamese). In this process, on real files."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from tests.cli.inproc import copy_of, demo_database, run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"
# words of the English sentences (db.backup, db.migrate) that must not be left in the Vietnamese
ENGLISH = re.compile(
    r"\b(is not|does not|is a folder|is empty|is damaged|readable|Not restoring|Cannot|cannot|"
    r"restore into|set aside|written by|that is the database|no folder)\b"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


def _refused(db: Path, backup: Path, lang: str = VI) -> str:
    done = run_cli(db, "restore", str(backup), lang=lang)
    assert done.returncode == 1, (done.stdout, done.stderr)
    said: str = done.stderr
    assert said.startswith("ketnoi: ") and said.count("\n") == 1, said
    return said[len("ketnoi: ") : -1]


def test_each_refusal_of_a_restore_is_said_in_vietnamese(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    pdf = tmp_path / "viettel.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    assert _refused(db, pdf) == (
        f"Chưa khôi phục: {pdf} không phải cơ sở dữ liệu đọc được (file is not a database)"
    )
    assert _refused(db, pdf, lang=EN) == (
        f"Not restoring: {pdf} is not a readable database (file is not a database)"
    )
    damaged = tmp_path / "hỏng.db"  # a SQLite file whose pages past the first are garbage
    data = bytearray(db.read_bytes())
    data[4096 * 2 : 4096 * 40] = b"\xa5" * (4096 * 38)
    damaged.write_bytes(bytes(data))
    empty = tmp_path / "trống.db"
    empty.write_bytes(b"")
    fifo = tmp_path / "ống"
    os.mkfifo(fifo)
    other = tmp_path / "khác.db"  # a sound SQLite file, not a Ketnoi one
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE foo (x)")
    con.close()
    (tmp_path / "mới").mkdir()
    newer = copy_of(demo, tmp_path / "mới")
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    con.close()
    set_aside = tmp_path / f"{db.stem}-20261201-101010-damaged.db"
    set_aside.write_bytes(db.read_bytes())
    said = {
        "missing": _refused(db, tmp_path / "không-có.db"),
        "folder": _refused(db, tmp_path),
        "empty": _refused(db, empty),
        "fifo": _refused(db, fifo),
        "damaged": _refused(db, damaged),
        "other": _refused(db, other),
        "newer": _refused(db, newer),
        "set aside": _refused(db, set_aside),
        "itself": _refused(db, db),
        "no folder": _refused(tmp_path / "không" / "k.db", pdf),
    }
    for case, line in said.items():
        assert not ENGLISH.search(line), (case, line)
    assert said["missing"] == f"Chưa khôi phục: {tmp_path / 'không-có.db'} không tồn tại"
    assert said["folder"] == f"Chưa khôi phục: {tmp_path} là một thư mục"
    assert said["empty"] == f"Chưa khôi phục: {empty} trống (0 byte)"
    assert said["damaged"].startswith(f"Chưa khôi phục: {damaged} "), said["damaged"]
    assert said["set aside"].startswith(
        f"Chưa khôi phục: {set_aside} là cơ sở dữ liệu hỏng được một lần khôi phục để riêng ra"
    ), said["set aside"]
    # the English as it was
    assert _refused(db, set_aside, lang=EN).startswith(f"Not restoring: {set_aside} is a damaged database")
