"""Live updates (issue 13 item 4): another connection's save reaches a running window through
LISTEN/NOTIFY within two seconds and the list shows the changed row; the listener comes back
after its connection is killed; a window's own save is announced once, not again by its echo.
On SQLite, a second window on the same file hears the first one's saves by polling."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app import records
from db.engine import unit_of_work
from db.migrate import open_database


def _name_in_list(window: Any, contact_id: int) -> str:
    model = window.views["contact"].list.model
    row = model.row_of(contact_id)
    if row < 0:
        return ""
    return str(model.data(model.index(row, 0)))


@pytest.fixture
def pg_window(qtbot: Any, qapp: Any, pg_url: str, settings: Any) -> Iterator[tuple[Any, Any, int]]:
    from ui.context import AppContext
    from ui.main_window import MainWindow

    engine = open_database(pg_url)
    with unit_of_work(engine) as s:
        me = records.create(s, "staff", {"name": "Trần Thị Lan"})
        contact_id = records.create(s, "contact", {"full_name": "Nguyễn Văn An"})
    settings.staff_id = me
    ctx = AppContext(engine, settings)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.navigate("contact", contact_id)
    qtbot.waitUntil(lambda: _name_in_list(window, contact_id) == "Nguyễn Văn An", timeout=10_000)
    window.live.start(window.live_label)
    qtbot.waitUntil(lambda: window.live.feed.state == "connected", timeout=5_000)
    # another person's window: a connection of its own, with another application_name
    other = sa.create_engine(pg_url, connect_args={"application_name": "ketnoi colleague"})
    yield window, other, contact_id
    window.live.stop()
    ctx.tasks.cancel_all()
    ctx.tasks.wait()
    other.dispose()
    engine.dispose()


def _rename(engine: Any, contact_id: int, name: str) -> None:
    with unit_of_work(engine) as s:
        version = s.execute(sa.text("SELECT version FROM contact WHERE id = :i"), {"i": contact_id}).scalar()
        records.update(s, "contact", contact_id, {"full_name": name}, expected_version=version)


@pytest.mark.postgres
def test_a_colleagues_save_shows_in_the_list_within_two_seconds(qtbot: Any, pg_window: Any) -> None:
    window, other, contact_id = pg_window
    assert window.live_label.isVisible() and "Live" in window.live_label.text()
    _rename(other, contact_id, "Nguyễn Văn Bình")
    started = time.monotonic()
    qtbot.waitUntil(lambda: _name_in_list(window, contact_id) == "Nguyễn Văn Bình", timeout=2_000)
    assert time.monotonic() - started < 2.0
    # a new record (membership): the list's query runs again and shows it
    with unit_of_work(other) as s:
        new_id = records.create(s, "contact", {"full_name": "Lê Thị Cúc"})
    qtbot.waitUntil(lambda: _name_in_list(window, new_id) == "Lê Thị Cúc", timeout=2_000)


@pytest.mark.postgres
def test_the_listener_reconnects_after_its_connection_is_killed(qtbot: Any, pg_window: Any) -> None:
    window, other, contact_id = pg_window
    states: list[str] = []
    window.live.state_changed.connect(states.append)
    pid = window.live.feed.backend_pid
    with other.connect() as conn:
        assert conn.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    qtbot.waitUntil(lambda: "offline" in states, timeout=5_000)
    assert window.live_label.text().endswith("Offline")
    qtbot.waitUntil(lambda: window.live_label.state == "connected", timeout=10_000)
    assert window.live.feed.backend_pid not in (None, pid)
    _rename(other, contact_id, "Nguyễn Văn Chiến")
    qtbot.waitUntil(lambda: _name_in_list(window, contact_id) == "Nguyễn Văn Chiến", timeout=2_000)


@pytest.mark.postgres
def test_a_windows_own_save_is_announced_once(qtbot: Any, pg_window: Any) -> None:
    window, _other, contact_id = pg_window
    ctx = window.ctx
    seen: list[Any] = []
    ctx.changes.connect(seen.append)
    version = 1
    ctx.write(
        lambda s: records.update(s, "contact", contact_id, {"full_name": "An Mới"}, expected_version=version)
    )
    qtbot.waitUntil(lambda: _name_in_list(window, contact_id) == "An Mới", timeout=5_000)
    qtbot.wait(1_000)  # the notification of this save has come and gone by now
    assert len(seen) == 1, seen


def test_two_windows_on_one_sqlite_file_hear_each_other(
    qtbot: Any, window: Any, db_path: Path, ids: Any
) -> None:
    """A write by another process (another engine on the same file) reaches the window."""
    window.live.start(window.live_label, poll_s=0.2)
    try:
        assert not window.live_label.isVisible()  # nothing to say about a file
        window.navigate("contact", _contact_ids(db_path)[0])
        contact_id = window.views["contact"].list.model.id_at(0)
        assert contact_id is not None
        # the poller has read where the file stands (a fixed wait lost this race on a loaded CI)
        qtbot.waitUntil(lambda: window.live.feed.state == "connected", timeout=5_000)
        other = open_database(f"sqlite:///{db_path}")
        _rename(other, contact_id, "Tên Khác Hẳn")
        other.dispose()
        qtbot.waitUntil(lambda: _name_in_list(window, contact_id) == "Tên Khác Hẳn", timeout=3_000)
    finally:
        window.live.stop()


def _contact_ids(db_path: Path) -> list[int]:
    import sqlite3

    con = sqlite3.connect(db_path)
    try:
        return [int(r[0]) for r in con.execute("SELECT id FROM contact WHERE deleted_at IS NULL")]
    finally:
        con.close()


def test_on_sqlite_a_windows_own_save_is_announced_once(qtbot: Any, window: Any, db_path: Path) -> None:
    window.live.start(window.live_label, poll_s=0.1)
    try:
        contact_id = _contact_ids(db_path)[0]
        qtbot.wait(300)  # the poller has read where the file stands
        seen: list[Any] = []
        window.ctx.changes.connect(seen.append)
        with window.ctx.read() as s:
            version = s.execute(
                sa.text("SELECT version FROM contact WHERE id = :i"), {"i": contact_id}
            ).scalar()
        window.ctx.write(
            lambda s: records.update(s, "contact", contact_id, {"notes": "mới"}, expected_version=version)
        )
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=5_000)
        qtbot.wait(800)  # several polls later: the file changed, but the window wrote it
        assert len(seen) == 1, seen
    finally:
        window.live.stop()
