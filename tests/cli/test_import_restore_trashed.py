"""``ketnoi import --restore-trashed``: after an undo, importing the same file again brings the
records in the trash back instead of making second ones, and says how many; without the flag
the import says what it would bring back; ``undo-import`` puts them back in the trash (reviewer
h148). In English and in Vietnamese."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlmodel import func, select

from db import models as m
from db.engine import read_session
from db.migrate import open_database
from tests.app.importing.helpers import SAMPLE
from tests.cli.inproc import run_cli


def all_rows(engine: Any, model: Any) -> int:
    """Every row of the table, live or in the trash: a second record of anyone counts."""
    with read_session(engine) as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def ok(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def imported_and_undone(db: Path) -> None:
    out = ok(db, "import", str(SAMPLE))
    batch = re.search(r"undo-import (\d+)", out)
    assert batch is not None
    ok(db, "undo-import", batch.group(1))


def test_the_flag_brings_them_back_and_says_how_many(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    imported_and_undone(db)
    dry = ok(db, "import", str(SAMPLE), "--dry-run")
    assert (
        "61 contacts, 14 organisations, 4 actions that rows are or name are in the trash: --restore-trashed"
        in dry
    )
    assert 'Sheet "Danh bạ" (contact, header row 3): 61 new' in dry
    would = ok(db, "import", str(SAMPLE), "--dry-run", "--restore-trashed")
    assert "would bring back from the trash: 61 contacts, 14 organisations, 4 actions" in would
    out = ok(db, "import", str(SAMPLE), "--restore-trashed")
    assert 'Sheet "Danh bạ" (contact, header row 3): 0 new, 61 updated' in out
    assert 'row 4 (updated): brought back from the trash: #1 "Ngô Minh An", the same email' in out
    assert "brought back from the trash: 61 contacts, 14 organisations, 4 actions, with their meetings" in out
    engine = open_database(f"sqlite:///{db}")
    try:
        assert (
            all_rows(engine, m.Contact),
            all_rows(engine, m.Organisation),
            all_rows(engine, m.Action),
        ) == (61, 14, 4)
    finally:
        engine.dispose()
    # the record's history says who brought it back (not a bare "Restored")
    assert "Restored (import of field-contacts.xlsx)" in ok(db, "history", "contact", "1")
    batch = re.search(r"undo-import (\d+)", out)
    assert batch is not None
    plan = ok(db, "undo-import", batch.group(1), "--dry-run")
    assert (
        "and put back in the trash 61 contacts, 14 organisations, 4 actions it had brought back from there"
        in plan
    )
    undone = ok(db, "undo-import", batch.group(1))
    assert (
        "put back in the trash: 61 contacts, 14 organisations, 4 actions it had brought back from there"
        in undone
    )
    trash = ok(db, "trash", "--kind", "contact", "--limit", "100")
    assert len(re.findall(r"^contact ", trash, re.MULTILINE)) == 61


def test_in_vietnamese(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    imported_and_undone(db)
    vi = "vi_VN.UTF-8"
    dry = ok(db, "import", str(SAMPLE), "--dry-run", lang=vi)
    assert "61 liên hệ, 14 tổ chức, 4 việc mà các dòng trùng khớp hoặc nhắc đến đang ở trong thùng rác" in dry
    out = ok(db, "import", str(SAMPLE), "--restore-trashed", lang=vi)
    assert 'khôi phục từ thùng rác: #1 "Ngô Minh An", cùng email an.ngo0@ai4life.example.vn' in out
    assert "đã khôi phục từ thùng rác: 61 liên hệ, 14 tổ chức, 4 việc" in out


def test_with_create_or_skip_nothing_comes_back_and_it_says_why(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    imported_and_undone(db)
    out = ok(db, "import", str(SAMPLE), "--restore-trashed", "--on-match", "skip", "--dry-run")
    assert "--restore-trashed brings nothing back with --on-match skip: only with fill or overwrite" in out
