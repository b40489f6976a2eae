"""Opening a SQLite file Ketnoi may not write, to read it only (a colleague's copy on a share,
last month's backup on a read-only medium): :func:`open_read_only`.

SQLite offers two read-only ways (https://www.sqlite.org/uri.html, https://www.sqlite.org/wal.html
"Read-Only Databases"), and each is right in one case only:

- ``mode=ro`` reads with SQLite's locks and reads what the write-ahead log holds, so it stays
  correct while someone else writes. But a WAL database (every Ketnoi file) opened so needs its
  ``-shm`` and ``-wal`` files: they must exist already or be created beside the file (a
  read-only folder cannot; a writable one is left with two new files).
- ``immutable=1`` creates nothing and takes no locks, but it promises SQLite the file cannot
  change, and it ignores the ``-wal`` file altogether: committed changes still in the log are
  not seen (measured: a table created there is "no such table").

So every connection (the engine keeps none: NullPool) looks at the files as they are now
(:func:`how`): ``-wal`` and ``-shm`` both present (someone has it open, or they were copied with
it) → ``mode=ro``, which reads the log; no ``-wal``, or one holding no committed change → nothing
is waiting in a log and ``mode=ro&immutable=1`` reads the file itself (``mode=ro`` as well: with
``immutable=1`` alone SQLite makes a new, empty file where the file has gone meanwhile); a ``-wal`` holding committed
changes without its ``-shm`` → refused with :class:`UnsavedChangesError` (reading it would need
a new file beside it). A writer who comes later makes the next connection switch to ``mode=ro``.
What a read-only window cannot promise: that a session of reads never spans a colleague's
checkpoint into the file under ``immutable=1``; each read is short, and the next one re-plans.

An older schema is not upgraded (that writes): :class:`OlderSchemaError` says so.
The damage check (``PRAGMA quick_check``) runs through the same read-only connection.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool
from sqlmodel import create_engine

from db.engine import BUSY_TIMEOUT_S, mark_read_only, sqlite_path
from db.migrate import (
    HEAD_REVISION,
    DatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    alembic_config,
    check_connection,
    stored_revision,
)

__all__ = ["OlderSchemaError", "UnsavedChangesError", "has_committed_log", "how", "open_read_only"]

_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER, _FRAME_HEADER = 32, 24


class UnsavedChangesError(DatabaseError):
    """A ``-wal`` beside the file holds committed changes, and its ``-shm`` is missing: SQLite
    can read that log only by creating the ``-shm`` beside the file, and reading the file without
    it would show it as it was before those changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"Cannot open {path} read-only: {path.name}-wal beside it holds changes not yet written "
            f"into the file, and reading them needs {path.name}-shm, which cannot be created there. "
            f"Reading the file alone would show it without those changes. Copy {path.name} together "
            f"with {path.name}-wal to a folder you can write and open the copy"
        )


class OlderSchemaError(DatabaseError):
    """The file's schema is older than this Ketnoi's, and upgrading it would write."""

    def __init__(self, path: Path, revision: str) -> None:
        self.path, self.revision = path, revision
        super().__init__(
            f"Cannot open {path} read-only: it has schema version {revision}, older than this "
            f"Ketnoi's {HEAD_REVISION}, and upgrading it would change the file. Copy it to a folder "
            "you can write and open the copy (Ketnoi upgrades the copy, keeping a backup)"
        )


def has_committed_log(path: Path) -> bool:
    """Whether ``<path>-wal`` holds a committed transaction for the file: a frame carrying the
    log header's salts (frames of an earlier, already checkpointed log carry older ones) and a
    commit size (https://www.sqlite.org/fileformat2.html#walformat). A missing or empty log, a
    header SQLite would not accept, or only uncommitted frames (a writer that crashed
    mid-transaction, which SQLite ignores) say False. Checksums are not verified: a torn frame
    counts as a change, so the doubt falls on the side of refusing."""
    wal = Path(f"{path}-wal")
    try:
        with wal.open("rb") as fh:
            header = fh.read(_WAL_HEADER)
            if len(header) < _WAL_HEADER:
                return False
            magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", header[:24])
            if magic not in _WAL_MAGIC or page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
                return False
            offset = _WAL_HEADER
            while True:
                fh.seek(offset)
                frame = fh.read(_FRAME_HEADER)
                if len(frame) < _FRAME_HEADER:
                    return False
                _page, commit, f1, f2 = struct.unpack(">4I", frame[:16])
                if (f1, f2) != (salt1, salt2):
                    return False
                if commit:
                    return True
                offset += _FRAME_HEADER + page_size
    except OSError:
        return False


def how(path: Path) -> str:
    """The URI parameters that read ``path`` correctly now without writing beside it
    (``mode=ro``, or ``mode=ro&immutable=1``; see the module's docstring); raises
    :class:`UnsavedChangesError` when neither can."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    journal = Path(f"{path}-journal")
    if journal.is_file() and journal.stat().st_size > 0:  # a rollback-mode writer's unfinished work
        raise UnsavedChangesError(path)
    if wal.exists() and shm.exists():
        return "mode=ro"
    if has_committed_log(path):
        raise UnsavedChangesError(path)
    return "mode=ro&immutable=1"  # mode=ro too: immutable alone creates a file gone meanwhile


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path`` as :func:`how` chooses."""
    uri = f"file:{quote(str(path))}?{how(path)}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)


def open_read_only(url: str, reason: ReadOnlyDatabaseError | None = None) -> Engine:
    """An engine that only reads the SQLite file at ``url``: its schema must be this Ketnoi's
    (an older one is :class:`OlderSchemaError`, a newer one :class:`NewerDatabaseError`), and it
    is checked for damage first. ``reason`` (why it cannot be written, :func:`db.migrate.read_only_problem`)
    is what the window and the refused writes say; ``db.engine.unit_of_work`` refuses every write
    on this engine in one sentence (:class:`db.errors.ReadOnlyFile`)."""
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError("Only a SQLite file can be opened read-only")
    if not path.is_file():
        raise DatabaseError(f"There is no database file {path}")
    if path.stat().st_size == 0:
        raise DatabaseError(f"{path} is empty (0 bytes), not a Ketnoi database; not opening it")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise DatabaseError(f"{path} is not a Ketnoi database (not a SQLite file)")
    con = connect(path)
    try:
        damage = check_connection(path, con)
    finally:
        con.close()
    if damage:
        raise DatabaseError(
            f"{damage}. Ketnoi has left it as it is; ask whoever keeps it for a good copy or backup"
        )
    engine = create_engine(url, creator=lambda: connect(path), poolclass=NullPool)
    event.listen(engine, "connect", _pragmas)
    try:
        _check_schema(engine, path)
    except BaseException:
        engine.dispose()
        raise
    why = reason.why if reason is not None else "it was opened read-only"
    mark_read_only(engine, why)
    return engine


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA query_only=ON")  # a write that slips past unit_of_work fails at SQLite too
    cur.close()


def _check_schema(engine: Engine, path: Path) -> None:
    revision = stored_revision(engine)
    if revision == HEAD_REVISION:
        return
    if revision is None:
        raise DatabaseError(f"{path} is not a Ketnoi database (it has no Ketnoi schema version)")
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except Exception as exc:
        raise NewerDatabaseError(
            f"{path} was written by a newer version of Ketnoi (schema {revision}); update Ketnoi to open it"
        ) from exc
    raise OlderSchemaError(path, revision)
