"""What a SQLite poll (app.live) skips as this process's own writes: only writes to the same
database, and none of those from before a restore rewound its history. A window's earlier
writes used to hide another window's new saves whose history ids they happened to share — those
of another file (seen as a flaky test in the full suite), or those numbered on again from a
restored file's shorter history."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import changes, live, records
from db import backup as backups
from db.engine import unit_of_work
from db.migrate import open_database, restore_database


def _written_by_this_window(engine: Engine, n: int) -> None:
    """``n`` contacts saved the way the window saves (AppContext.write: since() files the ids)."""
    with unit_of_work(engine) as s:
        before = changes.mark(s)
        for i in range(n):
            records.create(s, "contact", {"full_name": f"Người Của Cửa Sổ {i}"})
        changes.since(s, before)


class Heard:
    def __init__(self) -> None:
        self.batches: list[changes.Changes] = []
        self.event = threading.Event()

    def __call__(self, found: changes.Changes) -> None:
        self.batches.append(found)
        self.event.set()

    def wait_for(self, contact_id: int, timeout: float = 5.0) -> bool:
        """Whether a batch naming the contact arrives (not an 'everything' reload)."""
        seen = 0
        while self.event.wait(timeout):
            self.event.clear()
            for found in self.batches[seen:]:
                if contact_id in found.ids.get("contact", frozenset()):
                    return True
            seen = len(self.batches)
        return False


def _max_change(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM change")).scalar_one())


def test_writes_to_another_file_do_not_hide_this_ones(tmp_path: Path) -> None:
    mine = open_database(f"sqlite:///{tmp_path / 'mine.db'}")
    watched = open_database(f"sqlite:///{tmp_path / 'watched.db'}")
    try:
        start = _max_change(watched)
        _written_by_this_window(mine, 30)  # ids well past the watched file's next ones
        assert changes.written_here(start + 1, str(mine.url))
        assert not changes.written_here(start + 1, str(watched.url))
        heard = Heard()
        feed = live.start(watched, heard, lambda _state: None, poll_s=0.1)
        assert feed is not None
        try:
            with unit_of_work(watched) as s:  # another process's save
                new = records.create(s, "contact", {"full_name": "Trần Thị Lan"})
            assert heard.wait_for(new)
        finally:
            feed.stop()
    finally:
        mine.dispose()
        watched.dispose()


def test_after_a_restore_this_windows_earlier_writes_do_not_hide_the_next_saves(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    url = f"sqlite:///{path}"
    engine = open_database(url)
    try:
        with unit_of_work(engine) as s:
            records.create(s, "contact", {"full_name": "Nguyễn Văn An"})
        backup = backups.take(path, "manual")
        assert backup is not None
        _written_by_this_window(engine, 20)  # ids past the backup's history: ours, announced
        heard = Heard()
        feed = live.start(engine, heard, lambda _state: None, poll_s=0.1)
        assert feed is not None
        try:
            engine.dispose()
            restore_database(url, backup)  # the history ends lower again
            assert heard.event.wait(5.0)  # the reload after the restore ("everything")
            other = open_database(url)
            try:
                with unit_of_work(other) as s:  # another window's save, reusing an id of ours
                    new = records.create(s, "contact", {"full_name": "Trần Thị Bình"})
                assert heard.wait_for(new)
            finally:
                other.dispose()
        finally:
            feed.stop()
    finally:
        engine.dispose()
