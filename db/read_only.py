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

So every connection looks at the files as they are when it is made (:func:`how`):

- ``-wal`` and ``-shm`` both present (someone has it open, or they were copied with it) →
  ``mode=ro``, which reads the log;
- no ``-wal``, or one holding no committed change → nothing waits in a log, and
  ``mode=ro&immutable=1`` reads the file itself (``mode=ro`` as well: with ``immutable=1`` alone
  SQLite makes a new, empty file where the file has gone meanwhile);
- a ``-wal`` holding committed changes without its ``-shm`` → refused with
  :class:`UnsavedChangesError` (reading it would need a new file beside it).

The engine keeps a connection only while that choice still reads correctly (:class:`_Pool`): a
writer who comes later, or a newer copy put in the file's place, makes the next read connect
anew. What it cannot promise: that one read session never spans a colleague's checkpoint into the
file under ``immutable=1`` (each session is short; SQLite may then report the file damaged, and
the next session reads it anew).

An older schema is not upgraded (that writes): :class:`OlderSchemaError` says so — unless every
migration since changes data only (:data:`db.migrate.DATA_ONLY_REVISIONS`): then the file is read
as it is (:func:`data_only_since`).
The damage check (``PRAGMA quick_check``) runs through the same read-only connection.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError
from sqlmodel import create_engine

from db.engine import BUSY_TIMEOUT_S, held_here, mark_read_only, sqlite_path
from db.migrate import (
    DATA_ONLY_REVISIONS,
    HEAD_REVISION,
    DatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    alembic_config,
    check_connection,
    refusal,
    stored_revision,
)

__all__ = [
    "OlderSchemaError",
    "UnsavedChangesError",
    "data_only_since",
    "has_committed_log",
    "how",
    "open_read_only",
]

_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER, _FRAME_HEADER = 32, 24


class UnsavedChangesError(DatabaseError):
    """A ``-wal`` beside the file holds committed changes, and its ``-shm`` is missing: SQLite
    can read that log only by creating the ``-shm`` beside the file, and reading the file without
    it would show it as it was before those changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.vi = (
            f"Không mở được {path} ở chế độ chỉ đọc: tệp {path.name}-wal bên cạnh nó chứa các thay đổi "
            f"chưa được ghi vào tệp, và muốn đọc chúng cần tệp {path.name}-shm, mà tệp này không tạo được "
            f"ở đó. Nếu chỉ đọc riêng tệp thì sẽ không thấy các thay đổi ấy. Hãy sao chép {path.name} cùng "
            f"với {path.name}-wal vào một thư mục bạn có quyền ghi rồi mở bản sao"
        )
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
        self.vi = (
            f"Không mở được {path} ở chế độ chỉ đọc: tệp có lược đồ {revision}, cũ hơn lược đồ "
            f"{HEAD_REVISION} của Ketnoi này, và nâng cấp nó sẽ thay đổi tệp. Hãy sao chép tệp vào một "
            f"thư mục bạn có quyền ghi (ketnoi backup BAN_SAO.db --db {path} sao chép tệp giữ nguyên như "
            "hiện có) rồi mở bản sao (Ketnoi sẽ nâng cấp bản sao và giữ lại một bản sao lưu)"
        )
        super().__init__(
            f"Cannot open {path} read-only: it has schema version {revision}, older than this "
            f"Ketnoi's {HEAD_REVISION}, and upgrading it would change the file. Copy it to a folder "
            f"you can write (ketnoi backup COPY.db --db {path} copies it as it is) and open the copy "
            "(Ketnoi upgrades the copy, keeping a backup)"
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


def _files(path: Path) -> tuple[tuple[int, int, int] | None, ...]:
    """What says the file or its log changed: inode, size and time of the file, -wal and -shm."""
    out: list[tuple[int, int, int] | None] = []
    for f in (str(path), f"{path}-wal", f"{path}-shm"):
        try:
            st = os.stat(f)
        except OSError:
            out.append(None)
            continue
        out.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


class _Pool:
    """The engine's connections, kept while they read correctly: one made with
    ``immutable=1`` only while the files are as they were before it was made (SQLite would keep
    its cached pages however the file changed), one made with ``mode=ro`` while its -wal and
    -shm are there (SQLite itself follows the changes written through them). Otherwise the pool
    drops it and makes a new one as :func:`how` then chooses. Measured (a short read session on
    the demo file, median of 3 x 300, load 2.2): a new connection each time 2.1 ms, kept 0.13 ms
    (an ordinary engine 0.12 ms)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._made: dict[int, tuple[str, tuple[tuple[int, int, int] | None, ...]]] = {}
        self._lock = threading.Lock()

    def create(self) -> sqlite3.Connection:
        before = _files(self.path)  # before the choice: a change after it is seen at checkout
        params = how(self.path)
        con = sqlite3.connect(
            f"file:{quote(str(self.path))}?{params}",
            uri=True,
            timeout=BUSY_TIMEOUT_S,
            check_same_thread=False,
        )
        with self._lock:
            self._made[id(con)] = (params, before)
        return con

    def connected(self, dbapi_connection: Any, record: Any) -> None:
        with self._lock:
            record.info[_MADE] = self._made.pop(id(dbapi_connection), ("", ()))

    def checkout(self, _dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        params, before = record.info.get(_MADE, ("", ()))
        if params == "mode=ro":
            still = Path(f"{self.path}-wal").exists() and Path(f"{self.path}-shm").exists()
        else:
            still = bool(params) and _files(self.path) == before
        if not still:
            raise DisconnectionError(f"{self.path} changed: read it anew")


_MADE = "ketnoi_read_only"


def open_read_only(url: str, reason: ReadOnlyDatabaseError | None = None) -> Engine:
    """An engine that only reads the SQLite file at ``url``: its schema must be this Ketnoi's
    (an older one is :class:`OlderSchemaError`, a newer one :class:`NewerDatabaseError`), and it
    is checked for damage first. ``reason`` (why it cannot be written, :func:`db.migrate.read_only_problem`)
    is what the window and the refused writes say; ``db.engine.unit_of_work`` refuses every write
    on this engine in one sentence (:class:`db.errors.ReadOnlyFile`)."""
    path = sqlite_path(url)
    if path is None:
        raise refusal(
            "Only a SQLite file can be opened read-only", "Chỉ tệp SQLite mới mở được ở chế độ chỉ đọc"
        )
    if not path.is_file():
        raise refusal(f"There is no database file {path}", f"Không có tệp cơ sở dữ liệu {path}")
    if path.stat().st_size == 0:
        raise refusal(
            f"{path} is empty (0 bytes), not a Ketnoi database; not opening it",
            f"{path} trống (0 byte), không phải cơ sở dữ liệu Ketnoi; không mở tệp này",
        )
    if not held_here(path):  # (a file this process has open is read by SQLite alone)
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise refusal(
                    f"{path} is not a Ketnoi database (not a SQLite file)",
                    f"{path} không phải là cơ sở dữ liệu Ketnoi (không phải tệp SQLite)",
                )
    con = connect(path)
    try:
        damage = check_connection(path, con)
    finally:
        con.close()
    if damage:
        raise DatabaseError(
            f"{damage}. Ketnoi has left it as it is; ask whoever keeps it for a good copy or backup"
        )
    pool = _Pool(path)
    engine = create_engine(url, creator=pool.create)
    event.listen(engine, "connect", pool.connected)
    event.listen(engine, "connect", _pragmas)
    event.listen(engine, "checkout", pool.checkout)
    try:
        _check_schema(engine, path)
    except BaseException:
        engine.dispose()
        raise
    if reason is not None:
        mark_read_only(engine, reason.why, reason.why_vi)
    else:
        mark_read_only(engine, "it was opened read-only", "tệp được mở ở chế độ chỉ đọc")
    return engine


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA query_only=ON")  # a write that slips past unit_of_work fails at SQLite too
    cur.close()


def unreadable(url: str) -> UnsavedChangesError | OlderSchemaError | None:
    """Why the file at ``url``, which Ketnoi may not write, cannot be opened read-only either
    (to raise): its ``-wal`` holds changes that need a ``-shm`` (:class:`UnsavedChangesError`),
    or its schema is older than this Ketnoi's and reading would need an upgrade
    (:class:`OlderSchemaError`); found without writing anything beside it. None otherwise, or
    when it cannot be told (the opening then says what is wrong). So such a file is not first
    offered "Open read-only", which could not work."""
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    try:
        how(path)
    except UnsavedChangesError as exc:
        return exc
    try:
        con = connect(path)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except Exception:  # damaged, not a database, no version table: the opening says so
        return None
    revision = str(row[0]) if row else None
    if revision is None or revision == HEAD_REVISION:
        return None
    try:
        _check_revision(path, revision)
    except OlderSchemaError as exc:
        return exc
    except Exception:  # newer, or unknown: said by the opening
        return None
    return None


def _check_schema(engine: Engine, path: Path) -> None:
    revision = stored_revision(engine)
    if revision == HEAD_REVISION:
        return
    if revision is None:
        raise refusal(
            f"{path} is not a Ketnoi database (it has no Ketnoi schema version)",
            f"{path} không phải là cơ sở dữ liệu Ketnoi (không có phiên bản lược đồ của Ketnoi)",
        )
    _check_revision(path, revision)


def _check_revision(path: Path, revision: str) -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    try:
        script.get_revision(revision)
    except Exception as exc:
        raise NewerDatabaseError(
            f"{path} was written by a newer version of Ketnoi (schema {revision}); update Ketnoi to open it",
            f"{path} được ghi bởi một phiên bản Ketnoi mới hơn (lược đồ {revision}); hãy cập nhật Ketnoi để mở nó",
        ) from exc
    if not data_only_since(revision, script):
        raise OlderSchemaError(path, revision)


def data_only_since(revision: str, script: Any = None) -> bool:
    """Whether every migration after ``revision`` up to the head changes data only
    (:data:`db.migrate.DATA_ONLY_REVISIONS`): a read-only file at ``revision`` is then read as
    it is."""
    if script is None:
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(alembic_config())
    step = script.get_revision(HEAD_REVISION)
    while step is not None and step.revision != revision:
        if step.revision not in DATA_ONLY_REVISIONS or not isinstance(step.down_revision, str):
            return False
        step = script.get_revision(step.down_revision)
    return step is not None
