"""Ctrl+C during ``ketnoi import``, at each moment: one line in the CLI's language that says
whether the import was written (its number and undo) or nothing was, exit 130, never a traceback.

Reviewer, with a 60,000-row workbook: stopped while the rows were written it printed 88 lines
ending ``AttributeError: 'NoneType' object has no attribute 'cursor'`` (db/engine.py
``_default_cache``) and exited 1; stopped after the COMMIT, a bare ``KeyboardInterrupt``
traceback although the import was written. Each moment is reached here in-process: a
``KeyboardInterrupt`` raised where the import is, or a real SIGINT sent to this process."""

from __future__ import annotations

import logging
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from app.importing import commit as service
from tests.cli.inproc import run_cli

NOTHING = "ketnoi: interrupted: nothing was imported (the database is as it was)"
NOTHING_VI = "ketnoi: đã dừng (Ctrl+C): chưa nhập gì (cơ sở dữ liệu giữ nguyên như trước)"
WRITTEN = "ketnoi: interrupted after the import was written: import #1 (undo: ketnoi undo-import 1)"
WRITTEN_VI = (
    "ketnoi: đã dừng (Ctrl+C) sau khi lần nhập đã được ghi: lần nhập #1 (hoàn tác: ketnoi undo-import 1)"
)
VI = "vi_VN.UTF-8"


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "lien-he.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Contacts"
    ws.append(["Full name", "Email", "Organisation"])
    for i in range(30):
        ws.append([f"Nguyễn Văn An {i}", f"an{i}@example.vn", f"Org {i % 3}"])
    wb.save(path)
    return path


def imports(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM import_batch").fetchone()[0])


def contacts(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM contact").fetchone()[0])


def interrupt(*_a: Any, **_k: Any) -> None:
    raise KeyboardInterrupt


def stopped(db: Path, sheet: Path, lang: str = "en_GB.UTF-8") -> Any:
    """``ketnoi import`` run until its Ctrl+C; a KeyboardInterrupt escaping it fails the test
    (rather than stopping the test run)."""
    try:
        return run_cli(db, "import", str(sheet), lang=lang)
    except KeyboardInterrupt:
        pytest.fail("the KeyboardInterrupt escaped ketnoi import")


def test_stopped_while_the_rows_are_written_and_again_as_it_rolls_back(
    tmp_path: Path, sheet: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A second Ctrl+C as SQLAlchemy gives the connection back: SQLAlchemy logged it with its
    traceback ("Exception during reset or similar") before raising it."""
    pressed: list[str] = []

    def step(*_a: Any) -> None:
        pressed.append("writing")
        raise KeyboardInterrupt

    def reset(*_a: Any) -> None:
        if pressed == ["writing"]:  # the import's connection given back, after its rollback
            pressed.append("again")
            raise KeyboardInterrupt

    monkeypatch.setattr(service._Writer, "step", step)
    caplog.set_level(logging.WARNING)
    db = tmp_path / "k.db"
    assert run_cli(db, "contact", "add", "--name", "Lê Hoa").returncode == 0
    event.listen(Pool, "reset", reset)
    try:
        done = stopped(db, sheet)
    finally:
        event.remove(Pool, "reset", reset)
    assert pressed == ["writing", "again"]
    assert (done.returncode, done.stderr.splitlines()) == (130, [NOTHING])
    assert not [r for r in caplog.records if r.exc_info]
    assert (imports(db), contacts(db)) == (0, 1)


def test_stopped_inside_a_statement_says_nothing_was_written(tmp_path: Path, sheet: Path) -> None:
    """The interrupt inside SQLite's work: SQLAlchemy invalidates the connection, and the pool
    gives it back as None (the import's bigger page cache was reset on it: AttributeError)."""

    def in_statement(_conn: Any, _cursor: Any, statement: str, *_a: Any) -> None:
        if statement.startswith("INSERT INTO contact "):
            raise KeyboardInterrupt

    db = tmp_path / "k.db"
    event.listen(Engine, "before_cursor_execute", in_statement)
    try:
        done = stopped(db, sheet, lang=VI)
    finally:
        event.remove(Engine, "before_cursor_execute", in_statement)
    assert (done.returncode, done.stderr.splitlines()) == (130, [NOTHING_VI])
    assert (imports(db), contacts(db)) == (0, 0)


def test_ctrl_c_during_the_commit_says_the_import_was_written(
    tmp_path: Path, sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real SIGINT, as the COMMIT returns (where SQLAlchemy would raise it before the
    command could know the import was written)."""
    real = service.unit_of_work

    @contextmanager
    def signalled(*args: Any, **kw: Any) -> Iterator[Any]:
        with real(*args, **kw) as session:
            commit = session.commit

            def committed() -> None:
                commit()
                signal.raise_signal(signal.SIGINT)

            session.commit = committed
            yield session

    monkeypatch.setattr(service, "unit_of_work", signalled)
    db = tmp_path / "k.db"
    done = stopped(db, sheet)
    assert (done.returncode, done.stderr.splitlines()) == (130, [WRITTEN])
    assert (imports(db), contacts(db)) == (1, 30)


def test_ctrl_c_as_the_database_closes_after_the_import(
    tmp_path: Path, sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the output, as the -wal is checkpointed into the file (seconds after a big import):
    it printed a bare KeyboardInterrupt traceback."""
    monkeypatch.setattr("db.engine.settle_if_moved", interrupt)
    db = tmp_path / "k.db"
    done = stopped(db, sheet, lang=VI)
    assert done.returncode == 130
    assert done.stderr.splitlines() == [WRITTEN_VI]
    assert "lần nhập #1" in done.stdout  # (what it wrote was said before)
    assert (imports(db), contacts(db)) == (1, 30)


def test_another_command_stopped_says_so_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "k.db"
    assert run_cli(db, "contact", "add", "--name", "Lê Hoa").returncode == 0
    monkeypatch.setattr("app.search.search", interrupt)
    done = run_cli(db, "search", "le", lang=VI)
    assert (done.returncode, done.stderr.splitlines()) == (130, ["ketnoi: đã dừng (Ctrl+C)"])


def test_undo_import_stopped_before_and_after_its_commit(
    tmp_path: Path, sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "k.db"
    assert run_cli(db, "import", str(sheet)).returncode == 0
    with monkeypatch.context() as mp:
        mp.setattr("app.importing.commands.undo_import", interrupt)
        done = stopped_undo(db, lang=VI)
    assert (done.returncode, done.stderr.splitlines()) == (
        130,
        ["ketnoi: đã dừng (Ctrl+C): chưa hoàn tác lần nhập #1 (không có gì thay đổi)"],
    )
    assert contacts(db) == 30
    monkeypatch.setattr("db.engine.settle_if_moved", interrupt)
    done = stopped_undo(db)
    assert (done.returncode, done.stderr.splitlines()) == (
        130,
        ["ketnoi: interrupted after import #1 was undone"],
    )


def stopped_undo(db: Path, lang: str = "en_GB.UTF-8") -> Any:
    try:
        return run_cli(db, "undo-import", "1", lang=lang)
    except KeyboardInterrupt:
        pytest.fail("the KeyboardInterrupt escaped ketnoi undo-import")
