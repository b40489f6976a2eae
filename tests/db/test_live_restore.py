"""A window's poll of a SQLite file after ``ketnoi restore`` (db.live.SqlitePoller).

A restore rewinds the history: the restored file's ``change`` ids end below the last one the
poller read, so without care the window heard nobody's saves until the numbers caught up."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from app import records
from db import backup as backups
from db.engine import Engine, unit_of_work
from db.live import Message, SqlitePoller
from db.migrate import open_database, restore_database

POLL_S = 0.1


class Heard:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.lock = threading.Lock()

    def __call__(self, batch: list[Message]) -> None:
        with self.lock:
            self.messages.extend(batch)

    def wait_for(self, found: Callable[[Message], bool], timeout: float = 3.0) -> Message:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                hit = next((m for m in self.messages if found(m)), None)
            if hit is not None:
                return hit
            time.sleep(0.02)
        raise AssertionError(f"not heard within {timeout} s; heard {self.messages}")

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()


def _new_org(engine: Engine, name: str) -> int:
    with unit_of_work(engine) as s:
        return records.create(s, "organisation", {"name": name})


def _rename(engine: Engine, org_id: int, name: str) -> None:
    with unit_of_work(engine) as s:
        version = records.get(s, "organisation", org_id)["version"]
        records.update(s, "organisation", org_id, {"name": name}, expected_version=version)


def _poll(db_path: Path, heard: Heard) -> SqlitePoller:
    states: list[str] = []
    poller = SqlitePoller(db_path, heard, states.append, interval=POLL_S).start()
    deadline = time.monotonic() + 5
    while poller.state != "connected" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert poller.state == "connected"
    return poller


def _lost(m: Message) -> bool:
    return m.get("op") == "lost"


def _rewound_file(engine: Engine, db_path: Path) -> tuple[int, Path]:
    """An organisation and a backup taken when it was new; then more history than the
    backup holds, so that the restored history ends well below the live one."""
    org = _new_org(engine, "Bộ Y tế")
    backup = backups.take(db_path, "manual")
    assert backup is not None
    for i in range(30):
        _rename(engine, org, f"Bộ Y tế {i}")
    return org, backup


def test_after_a_restore_everything_is_announced_and_the_next_save_is_heard(
    engine: Engine, db_path: Path, db_url: str
) -> None:
    org, backup = _rewound_file(engine, db_path)
    heard = Heard()
    poller = _poll(db_path, heard)
    try:
        restore_database(db_url, backup)  # page by page into the live file, as `ketnoi restore`
        heard.wait_for(_lost)
        heard.clear()
        other = open_database(db_url)  # a second window's save after the restore
        try:
            _rename(other, org, "Bộ Y tế mới")
        finally:
            other.dispose()
        hit = heard.wait_for(lambda m: m.get("kind") == "organisation", timeout=POLL_S * 10)
        assert hit["ids"] == [org] and hit["fields"] == ["name"]
        assert not any(_lost(m) for m in heard.messages)  # heard as itself, not as "reload"
    finally:
        poller.stop()


def test_a_file_put_in_place_by_rename_is_followed(engine: Engine, db_path: Path, db_url: str) -> None:
    """A damaged database is restored by renaming a whole copy into place (db.backup)."""
    org, backup = _rewound_file(engine, db_path)
    engine.dispose()
    heard = Heard()
    poller = _poll(db_path, heard)
    try:
        ino = db_path.stat().st_ino
        backups._replace_whole(backup, db_path)
        assert db_path.stat().st_ino != ino
        heard.wait_for(_lost)
        heard.clear()
        time.sleep(POLL_S * 3)  # the poller has read where the new file stands
        other = open_database(db_url)
        try:
            _rename(other, org, "Bộ Y tế mới")
        finally:
            other.dispose()
        hit = heard.wait_for(lambda m: m.get("kind") == "organisation", timeout=POLL_S * 10)
        assert hit["ids"] == [org]
    finally:
        poller.stop()


def test_ordinary_saves_are_not_taken_for_a_restore(engine: Engine, db_path: Path) -> None:
    org = _new_org(engine, "Bộ Tài chính")
    heard = Heard()
    poller = _poll(db_path, heard)
    try:
        for i in range(3):
            _rename(engine, org, f"Bộ Tài chính {i}")
            heard.wait_for(lambda m: m.get("kind") == "organisation")
            heard.clear()
        time.sleep(POLL_S * 3)
        assert heard.messages == []
    finally:
        poller.stop()
