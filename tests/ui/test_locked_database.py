"""The window's writes when another program holds the database (BEGIN EXCLUSIVE): the status
bar says it is waiting, then a message in the person's language — no raw SQLAlchemy text —
and nothing is saved. The busy timeout is shortened here only (db.engine.BUSY_TIMEOUT_S)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app import records
from app.errors import DatabaseBusy


@pytest.fixture
def held(window: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[sqlite3.Connection]:
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_S", 2)
    monkeypatch.setattr(type(window.ctx), "WAITING_MS", 300)
    window.ctx.engine.dispose()  # new connections take the shorter busy timeout
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


def _count(db_path: Path, name: str) -> int:
    con = sqlite3.connect(db_path)
    try:
        return int(con.execute("SELECT count(*) FROM organisation WHERE name = ?", (name,)).fetchone()[0])
    finally:
        con.close()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_save_into_a_held_database_waits_visibly_then_says_why_in_words(
    qtbot: Any,
    qapp: Any,
    window: Any,
    held: Any,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    from ui import i18n

    statuses: list[str] = []
    window.ctx.status_message.connect(statuses.append)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    i18n.install(qapp, language)
    try:
        window.ctx.write(
            lambda s: records.create(s, "organisation", {"name": "Bộ Mới"})
        )  # errors: the window's
        qtbot.waitUntil(lambda: bool(statuses), timeout=1_500)  # after 0.3 s, before the 2 s are up
        assert not shown
        qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    finally:
        i18n.install(qapp, "en")
    assert statuses[-1] == ""  # the waiting words are taken back when the write ends
    waiting, message = statuses[0], shown[0]
    assert str(db_path) in message and "OperationalError" not in message and "SQL" not in message
    if language == "en":
        assert waiting.startswith("Waiting for the database: another program or Ketnoi window")
        assert message.startswith("Not saved: another program or Ketnoi window is holding the database")
        # (the window's own handler: a key like D or a dropped file has nothing typed to keep)
        assert "what you typed" not in message and message.endswith(
            "Nothing was saved: try again in a moment."
        )
    else:
        assert "Đang chờ cơ sở dữ liệu" in waiting
        assert message.startswith("Chưa lưu") and "thử lại" in message and "Waiting" not in message
    assert _count(db_path, "Bộ Mới") == 0


def test_a_forms_error_handler_gets_the_error_in_words_and_a_quick_write_says_no_wait(
    qtbot: Any, window: Any, held: Any, db_path: Path
) -> None:
    statuses: list[str] = []
    window.ctx.status_message.connect(statuses.append)
    errors: list[BaseException] = []
    window.ctx.write(lambda s: records.create(s, "organisation", {"name": "Bộ Mới"}), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], DatabaseBusy) and "what you typed is still here" in str(errors[0])
    held.execute("ROLLBACK")
    held.execute("BEGIN")  # the fixture's ROLLBACK ends this one
    statuses.clear()
    done: list[Any] = []
    window.ctx.write(lambda s: records.create(s, "organisation", {"name": "Bộ Mới"}), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    qtbot.wait(500)
    assert not any(s.startswith("Waiting") for s in statuses), statuses
    assert _count(db_path, "Bộ Mới") == 1


def test_the_waiting_words_go_once_the_lock_is_taken_though_the_write_goes_on(
    qtbot: Any, window: Any, held: Any, db_path: Path
) -> None:
    import time

    statuses: list[str] = []
    window.ctx.status_message.connect(statuses.append)
    done: list[Any] = []

    def slow(s: Any) -> int:
        time.sleep(1.5)  # a long write (an import) once it has the lock
        return records.create(s, "organisation", {"name": "Bộ Chậm"})

    window.ctx.write(slow, on_done=done.append)
    qtbot.waitUntil(lambda: any(x.startswith("Waiting") for x in statuses), timeout=1_500)
    held.execute("ROLLBACK")  # the other program lets go
    held.execute("BEGIN")  # (the fixture's ROLLBACK ends this one)
    qtbot.waitUntil(lambda: statuses[-1] == "", timeout=1_000)
    assert not done  # the words went while the write itself was still running
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert _count(db_path, "Bộ Chậm") == 1
