"""An open window after ``ketnoi restore`` run beside it: it shows the restored records without
F5, and hears the next save of another window at once (db.live.SqlitePoller)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app import records
from db import backup as backups
from db.engine import unit_of_work
from db.migrate import open_database, restore_database


def _name_in_list(window: Any, contact_id: int) -> str:
    model = window.views["contact"].list.model
    row = model.row_of(contact_id)
    return "" if row < 0 else str(model.data(model.index(row, 0)))


def _rename(engine: Any, contact_id: int, name: str) -> None:
    with unit_of_work(engine) as s:
        version = s.execute(sa.text("SELECT version FROM contact WHERE id = :i"), {"i": contact_id}).scalar()
        records.update(s, "contact", contact_id, {"full_name": name}, expected_version=version)


def test_a_restore_beside_an_open_window_shows_and_the_next_save_is_heard(
    qtbot: Any, window: Any, db_path: Path, ids: Any
) -> None:
    url = f"sqlite:///{db_path}"
    other = open_database(url)  # another process's connection to the same file
    try:
        contact_id = _first_contact(other)
        _rename(other, contact_id, "Tên Trong Bản Sao")
        backup = backups.take(db_path, "manual")
        assert backup is not None
        for i in range(20):  # the live history runs well past the backup's
            _rename(other, contact_id, f"Tên Sau {i}")
        window.live.start(window.live_label, poll_s=0.2)
        try:
            window.navigate("contact", contact_id)
            qtbot.waitUntil(lambda: window.live.feed.state == "connected", timeout=5_000)
            qtbot.waitUntil(lambda: _name_in_list(window, contact_id) == "Tên Sau 19", timeout=5_000)
            restore_database(url, backup)
            qtbot.waitUntil(lambda: _name_in_list(window, contact_id) == "Tên Trong Bản Sao", timeout=3_000)
            _rename(other, contact_id, "Tên Mới Sau Khi Khôi Phục")
            qtbot.waitUntil(
                lambda: _name_in_list(window, contact_id) == "Tên Mới Sau Khi Khôi Phục", timeout=2_000
            )
        finally:
            window.live.stop()
    finally:
        other.dispose()


def _first_contact(engine: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT min(id) FROM contact WHERE deleted_at IS NULL")).scalar())
