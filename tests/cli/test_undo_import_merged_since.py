"""Undoing an import says what became of a record it created that was merged away since.

Reviewer (last round): import a workbook with a new contact, merge that contact into one that
was there before (`ketnoi merge contact 1 2`), `ketnoi undo-import 1`: it said the merged-away
contact was "edited after the import; kept", so the user thought a record still existed. It is
in the trash, merged into the kept one, which holds its data: that is what the undo says now,
in English and Vietnamese, and the dry run's count no longer calls it kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli

HEADER = ["Họ và tên", "Email"]


def _ok(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout) + str(done.stderr)


def _merged_after_import(tmp_path: Path) -> Path:
    """#1 "Lê Minh Châu" typed in; import #2 brings #2 "Lê Minh Tuấn", merged into #1."""
    db = tmp_path / "k.db"
    _ok(db, "contact", "add", "--name", "Lê Minh Châu", "--email", "chau@genetica.example.vn")
    book = write_xlsx(
        tmp_path / "new.xlsx", {"Danh bạ": [HEADER, ["Lê Minh Tuấn", "tuan@genetica.example.vn"]]}
    )
    _ok(db, "import", str(book))
    _ok(db, "merge", "contact", "1", "2")
    return db


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en_GB.UTF-8",
            'contact "Lê Minh Tuấn" (#2) was merged into #1 "Lê Minh Châu" on 23/11/2026, after the '
            "import: it stays merged, its data is in #1",
        ),
        (
            "vi_VN.UTF-8",
            'liên hệ "Lê Minh Tuấn" (#2) đã được gộp vào #1 "Lê Minh Châu" ngày 23/11/2026, sau khi '
            "nhập: giữ nguyên việc gộp, dữ liệu của bản ghi này nằm ở #1",
        ),
    ],
)
def test_a_contact_merged_away_is_said_merged_not_kept(tmp_path: Path, lang: str, line: str) -> None:
    db = _merged_after_import(tmp_path)
    said = _ok(db, "undo-import", "1", lang=lang)
    assert line in said, said
    assert "kept" not in said and "giữ lại" not in said, said
    engine = create_engine(f"sqlite:///{db}", poolclass=NullPool)
    with engine.connect() as conn:  # as the merge left them: #1 live, with #2's e-mail; #2 in the trash
        rows = dict(conn.execute(text("SELECT id, deleted_at IS NULL FROM contact")).all())
    assert rows == {1: 1, 2: 0}
    assert "tuan@genetica.example.vn" in _ok(db, "contact", "show", "1")


def test_the_dry_run_counts_it_apart_from_what_is_kept(tmp_path: Path) -> None:
    db = _merged_after_import(tmp_path)
    said = _ok(db, "undo-import", "1", "--dry-run")
    assert "and keep" not in said, said
    assert "and leave as they are 1 contact it created, merged into another record or deleted since" in said


def test_a_contact_deleted_since_is_said_in_the_trash(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    book = write_xlsx(
        tmp_path / "new.xlsx", {"Danh bạ": [HEADER, ["Lê Minh Tuấn", "tuan@genetica.example.vn"]]}
    )
    _ok(db, "import", str(book))
    _ok(db, "contact", "delete", "1")
    said = _ok(db, "undo-import", "1")
    assert 'contact "Lê Minh Tuấn" (#1) was deleted after the import: left in the trash' in said, said
    assert "kept" not in said, said
