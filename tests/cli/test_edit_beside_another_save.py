"""``ketnoi contact edit N …`` while another program saves the same record at that moment.

Reviewer, PostgreSQL only: without ``--if-version`` the edit was refused as a conflict, and the
version the message named was a guess (the version read plus one). Now an edit without a
version is applied on top of the latest one (the other program's change is kept beside it);
with ``--if-version`` a record saved since is refused naming the version really stored.

The other program (psql, a script) writes without Ketnoi's write lock: on PostgreSQL its save
lands between the edit's read and its write; on SQLite its write lock makes the edit wait and
read after it (the same outcome, reached another way).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from db.engine import read_session, unit_of_work
from db.migrate import open_database

THEIR_NOTES = "Gặp ở Hòa Lạc tháng trước"


def _contact(engine: Engine) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        cid = records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "position": "Giám đốc"})
        return cid, int(records.get(s, "contact", cid)["version"])


def _waiting_on_a_row(engine: Engine) -> Callable[[], bool]:
    """True once another session waits for a row lock (the edit's write behind their save)."""

    def waiting() -> bool:
        if engine.dialect.name != "postgresql":
            return False
        with engine.connect() as conn:
            return bool(
                conn.execute(
                    text("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'")
                ).scalar()
            )

    return waiting


def _another_program_saves(engine: Engine, contact_id: int, saves: int) -> Iterator[None]:
    """While the block runs, another program saves the contact ``saves`` times in one
    transaction (its notes, corrected) and commits once the edit is waiting for it."""
    started, done, errors = threading.Event(), threading.Event(), []
    waiting = _waiting_on_a_row(engine)

    def other() -> None:
        try:
            with engine.connect() as conn:
                if engine.dialect.name == "sqlite":
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                for n in range(saves):
                    conn.execute(
                        text("UPDATE contact SET notes = :n, version = version + 1 WHERE id = :i"),
                        {"n": THEIR_NOTES if n == saves - 1 else "…", "i": contact_id},
                    )
                started.set()
                deadline = time.monotonic() + (1.0 if engine.dialect.name == "sqlite" else 30)
                while time.monotonic() < deadline and not waiting():
                    time.sleep(0.05)
                conn.commit()
        except BaseException as exc:  # reported by the test
            errors.append(exc)
            started.set()
        finally:
            done.set()

    thread = threading.Thread(target=other, daemon=True)
    thread.start()
    assert started.wait(30)
    yield
    assert done.wait(30)
    thread.join(30)
    assert not errors, errors


def _edit(url: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    capsys.readouterr()
    code = main(["contact", "edit", *args, "--db", url, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def _edit_without_a_version_lands_on_top(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = open_database(url)
    try:
        cid, version = _contact(engine)
        for _ in _another_program_saves(engine, cid, saves=1):
            code, doc, err = _edit(url, capsys, str(cid), "--position", "Phó Giám đốc")
        assert code == 0, err
        assert doc["changed"] and doc["record"]["version"] == version + 2
        with read_session(engine) as s:
            saved = records.get(s, "contact", cid)
        assert saved["position"] == "Phó Giám đốc"  # mine
        assert saved["notes"] == THEIR_NOTES  # and theirs, kept
    finally:
        engine.dispose()


def _a_stale_version_names_the_version_stored(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = open_database(url)
    try:
        cid, version = _contact(engine)
        for _ in _another_program_saves(engine, cid, saves=3):
            code, doc, err = _edit(
                url, capsys, str(cid), "--position", "Phó Giám đốc", "--if-version", str(version)
            )
        assert code == 1
        assert f"(version {version + 3}, you edited version {version})" in err, err  # not a guess
        with read_session(engine) as s:
            saved = records.get(s, "contact", cid)
        assert saved["position"] == "Giám đốc" and saved["notes"] == THEIR_NOTES  # nothing overwritten
        assert saved["version"] == version + 3
        assert doc  # the JSON error document is written too
    finally:
        engine.dispose()


def test_an_edit_without_a_version_lands_on_top_of_another_save_on_sqlite(
    db_url: str, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_without_a_version_lands_on_top(db_url, capsys)


def test_a_stale_version_names_the_version_stored_on_sqlite(
    db_url: str, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    _a_stale_version_names_the_version_stored(db_url, capsys)


@pytest.mark.postgres
def test_an_edit_without_a_version_lands_on_top_of_another_save_on_postgres(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_without_a_version_lands_on_top(pg_url, capsys)


@pytest.mark.postgres
def test_a_stale_version_names_the_version_stored_on_postgres(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _a_stale_version_names_the_version_stored(pg_url, capsys)
