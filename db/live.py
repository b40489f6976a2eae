"""Hearing other windows' writes: PostgreSQL LISTEN/NOTIFY, or a poll of a SQLite file.

:class:`PgListener` holds one psycopg connection of its own (autocommit, ``LISTEN
ketnoi_changes``) on a background thread and hands each notification's JSON (sent by the
triggers of migration 0013) to ``on_message``, in batches. It says how it stands through
``on_state``: ``connecting``, ``connected``, ``offline`` (lost; waiting to try again) and
``reconnecting``. A lost connection (the server restarted, the laptop slept, an administrator
ended it) is retried with a growing pause (1 s, 2 s, 4 s … at most 30 s); every 10 s a
``SELECT 1`` checks that a quiet connection is still alive, and TCP keepalives with a user
timeout bound how long a dead network can hide. After a reconnection ``on_message`` receives
``{"kind": "", "op": "lost"}``: what was missed is not known, so every view reads again.
A ``probe`` (a function of the connection) takes the ``SELECT 1``'s place, at each connection
and every ping: the window asks its login's role there (``db.team.ROLE_NOW``), so a role an
administrator changed meanwhile is followed without a timer of its own; :meth:`PgListener.check_now`
asks at once, and ``probe_first(batch)`` asks before a batch is handed on. A login the server
turns away (disabled: ``db.engine.server_refuses``, which does not read the server's words — they
are in its language) is ``refused`` rather than ``offline`` (still retried: it may be enabled
again).

:class:`SqlitePoller` does the same for several windows on one SQLite file: every 2 s it asks
``PRAGMA data_version`` (which changes when another connection commits) and, when it changed,
reads the history rows written since (``change``: kind, id, field) and hands them on as the
same messages. A restore (``ketnoi restore``) rewrites the file under it — the history then
ends lower, or another file stands at the path — so it also checks that the last history row
it read is still the same row in the same file; when not, it hands on ``lost`` (every view
reads again) and carries on from the restored history's end.

Plain threads and callbacks, no Qt: the window turns them into signals (``ui/live.py``).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from db.engine import CONNECTION_NAME, passfile_for, server_refuses

CHANNEL = "ketnoi_changes"
PING_S = 10.0
MAX_PAUSE_S = 30.0
POLL_S = 2.0
BATCH_S = 0.15  # notifications arriving this close together are handed on together

Message = dict[str, Any]
OnMessages = Callable[[list[Message]], None]
OnState = Callable[[str], None]


def conninfo(url: URL) -> tuple[str, dict[str, Any]]:
    """A libpq URI and keyword arguments for ``url`` (an engine's URL, password included)."""
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    extra: dict[str, Any] = {
        "application_name": CONNECTION_NAME + " live",
        "connect_timeout": 5,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": 15000,
    }
    if (passfile := passfile_for(url)) is not None:
        extra["passfile"] = str(passfile)
    return plain, extra


class PgListener:
    """LISTEN on ``ketnoi_changes`` on a thread of its own until :meth:`stop`."""

    def __init__(
        self,
        url: URL,
        on_messages: OnMessages,
        on_state: OnState,
        *,
        probe: Callable[[Any], None] | None = None,
        probe_first: Callable[[list[Message]], bool] | None = None,
        ping_s: float = PING_S,
    ) -> None:
        self._uri, self._kwargs = conninfo(url)
        self._on_messages = on_messages
        self._on_state = on_state
        self._probe = probe
        self._probe_first = probe_first  # a batch that may change what the probe says: ask first
        self._ping_s = ping_s
        self._stop = threading.Event()
        self._check = threading.Event()
        self._conn: Any = None
        self.backend_pid: int | None = None
        self.state = ""
        self._thread = threading.Thread(target=self._run, name="ketnoi-live", daemon=True)

    def start(self) -> PgListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _conninfo(self) -> str:
        from psycopg.conninfo import make_conninfo

        return make_conninfo(self._uri, **self._kwargs)

    def check_now(self) -> None:
        """Run the probe at once (within half a second) instead of at the next ping."""
        self._check.set()

    def _state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self._on_state(state)

    def _run(self) -> None:
        import psycopg

        pause = 1.0
        ever = False
        while not self._stop.is_set():
            self._state("reconnecting" if ever else "connecting")
            tried = time.monotonic()
            try:
                conn = psycopg.connect(self._uri, autocommit=True, **self._kwargs)
            except psycopg.Error as exc:
                # turned away by the server (not the network), whatever language it speaks
                took = time.monotonic() - tried
                turned_away = exc.sqlstate is None and server_refuses(self._conninfo(), took)
                self._state("refused" if turned_away else "offline")
                self._stop.wait(pause)
                pause = min(pause * 2, MAX_PAUSE_S)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                self._conn, self.backend_pid = conn, conn.info.backend_pid
                self._state("connected")
                if self._probe is not None:
                    self._probe(conn)
                if ever:  # what happened while away is not known
                    self._on_messages([{"kind": "", "op": "lost"}])
                ever, pause = True, 1.0
                self._listen(conn)
            except psycopg.Error:
                self._state("offline")
                self._stop.wait(pause)
                pause = min(pause * 2, MAX_PAUSE_S)
            finally:
                self._conn, self.backend_pid = None, None
                with contextlib.suppress(Exception):
                    conn.close()
        self._state("stopped")

    def _listen(self, conn: Any) -> None:
        last_ping = time.monotonic()
        while not self._stop.is_set():
            batch = [_parse(n.payload) for n in conn.notifies(timeout=0.5, stop_after=1)]
            if batch:  # more of the same burst, briefly
                batch += [_parse(n.payload) for n in conn.notifies(timeout=BATCH_S, stop_after=500)]
                batch = [m for m in batch if m]
                if self._probe is not None and self._probe_first is not None and self._probe_first(batch):
                    self._probe(conn)  # heard before the batch: e.g. a login disabled reads nothing more
                    last_ping = time.monotonic()
                self._on_messages(batch)
            if self._check.is_set() or time.monotonic() - last_ping > self._ping_s:
                self._check.clear()
                if self._probe is not None:
                    self._probe(conn)  # (its query is the ping)
                else:
                    conn.execute("SELECT 1")
                last_ping = time.monotonic()


def _parse(payload: str) -> Message:
    try:
        value = json.loads(payload)
    except ValueError:
        return {"kind": "", "op": "lost"}
    return value if isinstance(value, dict) else {"kind": "", "op": "lost"}


class SqlitePoller:
    """Every :data:`POLL_S`, whether another connection committed to ``path``; if so, the
    history rows written since, as messages."""

    def __init__(
        self,
        path: Path,
        on_messages: OnMessages,
        on_state: OnState,
        interval: float = POLL_S,
        skip: Callable[[int], bool] | None = None,
    ) -> None:
        self._skip = skip  # history ids this process announced itself
        self._path = path
        self._on_messages = on_messages
        self._on_state = on_state
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ketnoi-poll", daemon=True)
        self.state = ""

    def start(self) -> SqlitePoller:
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def check_now(self) -> None:
        """Nothing to ask: SQLite has no roles."""

    def _run(self) -> None:
        con: sqlite3.Connection | None = None
        version: int | None = None
        last = 0
        mark: tuple[Any, ...] | None = None  # the history row numbered ``last``, as first read
        identity: tuple[int, int] | None = None
        ever = False
        while not self._stop.is_set():
            try:
                if con is not None and _identity(self._path) != identity:
                    # Another file now stands at this path (a restore of a damaged database
                    # renames its backup into place): this connection still reads the old one.
                    con.close()
                    con, identity = None, None
                if con is None:
                    con = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, timeout=5)
                    identity = _identity(self._path)
                    last = _newest(con)
                    mark = _row(con, last)
                    version = int(con.execute("PRAGMA data_version").fetchone()[0])
                    self.state = "connected"
                    self._on_state("connected")
                    if ever:  # what was written while away is not known
                        self._on_messages([{"kind": "", "op": "lost"}])
                    ever = True
                now = int(con.execute("PRAGMA data_version").fetchone()[0])
                if now != version:
                    version = now
                    if _row(con, last) != mark:
                        # The history was rewritten under us: the file was restored from a
                        # backup (page by page, in place). What changed is not known, and new
                        # writes number on from the restored history's end, maybe below ``last``.
                        last = _newest(con)
                        mark = _row(con, last)
                        self._on_messages([{"kind": "", "op": "lost"}])
                    rows = con.execute(
                        "SELECT id, entity, entity_id, op, field FROM change WHERE id > ? ORDER BY id LIMIT 5001",
                        (last,),
                    ).fetchall()
                    if rows:
                        last = int(rows[-1][0])
                        mark = _row(con, last)
                        skip = self._skip
                        if len(rows) <= 5000 and skip is not None:
                            rows = [r for r in rows if not skip(int(r[0]))]
                        if rows:
                            self._on_messages(_from_history(rows))
            except sqlite3.Error:
                if con is not None:
                    con.close()
                con = None
            self._stop.wait(self._interval)
        if con is not None:
            con.close()


def _newest(con: sqlite3.Connection) -> int:
    return int(con.execute("SELECT coalesce(max(id), 0) FROM change").fetchone()[0])


def _row(con: sqlite3.Connection, change_id: int) -> tuple[Any, ...] | None:
    row = con.execute(
        "SELECT entity, entity_id, op, field, at FROM change WHERE id = ?", (change_id,)
    ).fetchone()
    return tuple(row) if row is not None else None


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file stands at ``path`` (device and inode), None when none does."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _from_history(rows: list[tuple[Any, ...]]) -> list[Message]:
    if len(rows) > 5000:
        return [{"kind": "", "op": "lost"}]
    out: list[Message] = []
    for _id, kind, record_id, _op, field in rows:
        if field:
            out.append({"kind": kind, "ids": [int(record_id)], "op": "u", "fields": [field]})
        else:  # create, delete, restore, purge
            out.append({"kind": kind, "ids": [int(record_id)], "op": "i"})
    return out
