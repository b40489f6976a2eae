"""Live updates: what other windows wrote, as :class:`~app.changes.Changes` (issue 13 item 4).

:func:`start` listens to the database an engine points at — PostgreSQL's notifications
(``db.live.PgListener``), or a poll of a SQLite file (``db.live.SqlitePoller``) — and calls
``on_changes`` with what changed and ``on_state`` with how the link stands (``connecting``,
``connected``, ``offline``, ``reconnecting``, ``refused``: the login may no longer connect),
both from a background thread. On a team database ``on_role`` is also called with the login's
role, asked again on the listener's own connection at each ping (``db.team.ROLE_NOW``). The window
passes them on as signals to its views (``ui/live.py``); a view then reads the rows again as
its own login, so row-level security decides what it shows.

A window's own writes are announced by the window itself (``AppContext.write``); their
notifications carry this process's ``application_name`` and are skipped here, and on SQLite
the history rows it wrote to that file (``app.changes.written_here``) are, until a restore
rewinds the file's history (``app.changes.forget_written``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from sqlalchemy.engine import Engine

from app.changes import Changes, forget_written, written_here
from db import team as dbteam
from db.engine import CONNECTION_NAME, sqlite_path
from db.live import PING_S, Message, PgListener, SqlitePoller

STATES = ("connecting", "connected", "offline", "reconnecting", "refused", "stopped")


class Feed(Protocol):
    state: str

    def stop(self, timeout: float = 3.0) -> None: ...

    def check_now(self) -> None: ...


def changes_of(messages: Iterable[Message], *, skip_app: str | None = CONNECTION_NAME) -> Changes:
    """One :class:`Changes` for a batch of notifications (others' writes only)."""
    out = Changes()
    for m in messages:
        if skip_app and m.get("app") == skip_app:
            continue
        kind = str(m.get("kind") or "")
        op = str(m.get("op") or "")
        ids = m.get("ids")
        if not kind or op == "lost":
            return Changes(everything=True)
        if ids is None:  # too many to name (an import): every view reads again
            return Changes(everything=True)
        id_list = [int(i) for i in ids]
        fields = m.get("fields")
        out |= Changes.of(
            {kind: id_list},
            fields={kind: [str(f) for f in fields]} if fields else None,
            membership=op in ("i", "d", "m"),
        )
    return out


def _staff_changed(batch: list[Message]) -> bool:
    """An administrator's add-user or disable-user writes the staff record: the role is asked
    before the batch is handed on (a disabled login then reads nothing more, and a new role
    shows at once rather than at the next ping)."""
    return any(m.get("kind") == "staff" for m in batch)


def start(
    engine: Engine,
    on_changes: Callable[[Changes], None],
    on_state: Callable[[str], None],
    *,
    skip_app: str | None = CONNECTION_NAME,
    poll_s: float = 2.0,
    on_role: Callable[[str], None] | None = None,
    ping_s: float = PING_S,
) -> Feed | None:
    """Start hearing others' writes to ``engine``'s database; None for an in-memory one.
    ``on_role`` (a team database only: pass it for one) hears the login's role at each
    connection, every ``ping_s``, before a batch that changes a staff record, and at once after
    ``feed.check_now()``."""

    def messages(batch: list[Message]) -> None:
        found = changes_of(batch, skip_app=skip_app)
        if found:
            on_changes(found)

    if engine.dialect.name == "postgresql":
        probe: Callable[[Any], None] | None = None
        if on_role is not None:
            told = on_role

            def ask_role(conn: Any) -> None:
                told(dbteam.role_now(conn))

            probe = ask_role

        return PgListener(
            engine.url, messages, on_state, probe=probe, probe_first=_staff_changed, ping_s=ping_s
        ).start()
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return None
    database = str(engine.url)  # (the key app.changes.since files this process's writes under)

    def heard(batch: list[Message]) -> None:
        if any(m.get("op") == "lost" for m in batch):
            # rewound or unknown (a restore): ids this window wrote before mean nothing now,
            # and must not hide the next writes that reuse them (the poll filters them next)
            forget_written(database)
        messages(batch)

    def skip(change_id: int) -> bool:
        return written_here(change_id, database)

    return SqlitePoller(path, heard, on_state, interval=poll_s, skip=skip).start()
