"""Schema creation and upgrades, only through the Alembic migrations shipped in this package.

Opening a database brings it to the newest schema: an empty one is created, an older one is
backed up (SQLite: a copy beside the file) and upgraded, and one written by a newer Ketnoi is
refused, because this version cannot know what that schema means.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from db import backup as backups
from db.engine import (
    _lock_key,
    _ms,
    describe_url,
    held_here,
    login_refused,
    make_engine,
    server_address,
    server_unreachable,
    sqlite_path,
    turned_away,
)
from db.paths import leftovers, leftovers_refusal, not_ordinary, writable_folder

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

log = logging.getLogger("ketnoi.migrate")
"""Says when an existing database is being upgraded and when it is done, at WARNING: the
CLI's logging puts both lines on stderr (as Python's last-resort handler does where no logging
is set up), so a long upgrade (migration 0014 rebuilds the search indexes: 9-17 s at a million contacts) does not
look hung. The window is told through ``open_database(url, on_upgrade=…)`` instead."""

HEAD_REVISION = "0018"
"""The newest migration's revision, known without importing Alembic (which costs a third of
the start-up: alembic → sqlalchemy → pygments). Opening a database at this revision takes one
query and no Alembic; anything else goes through Alembic. tests/db/test_storage.py checks it
against the migration scripts' single head, so a new migration cannot be forgotten here."""

DATA_ONLY_REVISIONS = frozenset({"0015", "0016"})
"""Migrations that change rows only — no table, column, index, trigger or view — and whose
rows before them this Ketnoi reads correctly: a file that may not be written, at the revision
just before one of these (and only these), is opened read-only as it is (db.read_only) instead
of being refused as older. 0015 takes back "Last contacted" dates confidential meetings gave;
a SQLite file has no row-level security, so whoever opens it sees those meetings anyway, and a
date is read like any other. 0016 counts every "Last contacted" again by the rule app/contacted.py
keeps; a date read before it is one the window showed before it. Not for a migration that rewrites what a query depends on (0004's
search keys, 0011's sort keys), nor one that adds columns (0017's on meeting_calendar: a file
at 0016 or before is refused read-only again, as any older schema). tests/db/test_read_only_copy.py checks that each one runs no
CREATE, DROP or ALTER and leaves the
schema exactly as its predecessor left it."""


class DatabaseError(Exception):
    """A database that cannot be opened; the message is meant for the user. ``vi``: the same in
    Vietnamese where it was given (what the command line prints under a Vietnamese locale)."""

    vi: str = ""


def refusal(en: str, vi: str) -> DatabaseError:
    """A :class:`DatabaseError` saying ``en``, carrying its Vietnamese ``vi``."""
    error = DatabaseError(en)
    error.vi = vi
    return error


class NewerDatabaseError(DatabaseError):
    """A file written by a newer Ketnoi (a schema this one does not know). ``vi``: the sentence
    in Vietnamese, for the command line."""

    def __init__(self, message: str, vi: str = "") -> None:
        super().__init__(message)
        self.vi = vi


class LeftoverFilesError(DatabaseError):
    """No database file at ``path`` but its ``-wal`` or ``-shm`` (``found``) beside it: not made
    into a new database (db.paths.leftovers). ``vi``: the sentence in Vietnamese."""

    def __init__(self, path: Path, found: list[Path]) -> None:
        self.path, self.found = path, found
        self.vi = leftovers_refusal(path, found, vi=True)
        super().__init__(leftovers_refusal(path, found))


class ReadOnlyDatabaseError(DatabaseError):
    """A SQLite file Ketnoi may not write where it lies: its folder is read-only (Ketnoi's
    write-ahead log needs ``<file>-wal`` and ``<file>-shm`` created beside it), or the file,
    or those two files, are. Not damage: nothing was checked and nothing should be replaced.
    ``folder`` is True when the folder is what cannot be written."""

    def __init__(self, path: Path, blocked: Path, *, folder: bool) -> None:
        self.path, self.blocked, self.folder = path, blocked, folder
        if folder:
            why = (
                f"the folder {blocked} is read-only for you, and Ketnoi must create "
                f"{path.name}-wal and {path.name}-shm beside the database to open it for changes"
            )
            why_vi = (
                f"thư mục {blocked} chỉ cho phép bạn đọc, mà Ketnoi cần tạo {path.name}-wal và "
                f"{path.name}-shm bên cạnh cơ sở dữ liệu để mở nó cho việc sửa đổi"
            )
        else:
            why = f"the file {blocked} is read-only for you"
            why_vi = f"tệp {blocked} chỉ cho phép bạn đọc"
        # in short, what a window opened read-only on it says; ``why_vi``: the same in Vietnamese,
        # in the window's words ("thư mục … chỉ cho phép bạn đọc"), for the command line
        self.why = f"the {'folder' if folder else 'file'} {blocked} is read-only for you"
        self.why_vi = f"{'thư mục' if folder else 'tệp'} {blocked} chỉ cho phép bạn đọc"
        self.vi = (
            f"Không dùng được {path}: {why_vi}. Điều này không có nghĩa là cơ sở dữ liệu bị hỏng. "
            "Hãy sao chép tệp vào một thư mục bạn có quyền ghi (ví dụ Documents) rồi mở bản sao, "
            f"hoặc nhờ bộ phận hỗ trợ CNTT cấp quyền ghi vào {blocked}"
        )
        super().__init__(
            f"Cannot use {path}: {why}. This does not mean the database is damaged. Copy it to a "
            "folder you can write (e.g. Documents) and open the copy, or ask your IT support "
            f"for write access to {blocked}"
        )


def read_only_problem(path: Path) -> ReadOnlyDatabaseError | None:
    """Why Ketnoi cannot write the existing SQLite file ``path`` where it lies (None when it
    can): asked before a damage check, whose read-only connection fails the same way
    ("unable to open database file") on a sound file in a read-only folder."""
    if not path.is_file():
        return None
    folder = path.parent
    # A folder on a read-only mount: every file in it is read-only too, and it is the folder
    # to name (reviewer: a -wal there was named as "the file … is read-only for you").
    folder_ok = writable_folder(folder)
    for f in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        if f.exists() and not os.access(f, os.W_OK):
            return ReadOnlyDatabaseError(path, f if folder_ok else folder, folder=not folder_ok)
    wal_ready = Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    if not wal_ready and not folder_ok:
        return ReadOnlyDatabaseError(path, folder, folder=True)
    if not os.access(path, os.W_OK):
        return ReadOnlyDatabaseError(path, path if folder_ok else folder, folder=not folder_ok)
    return None


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    # stdout named at each call: Config's default is the sys.stdout of the moment alembic.config
    # was first imported — in a test, a redirected stream closed since ("I/O operation on closed
    # file" in tests/db/test_storage.py after the command line's tests in one process; h72)
    cfg = Config(stdout=sys.stdout)
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The head as Alembic reads it from the migration scripts (imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


OPENING_WAIT_S: float = 300
"""How long an opening waits for another Ketnoi process creating or upgrading the same database
(a backup copy, then migration 0014 rebuilding the search indexes: tens of seconds at a million
contacts) before it gives up and says so (:func:`opening_lock`, :func:`schema_lock`)."""

SCHEMA_LOCK = "schema-upgrade"
"""The PostgreSQL advisory lock held while the schema is created or upgraded (:func:`schema_lock`)."""

_held = threading.local()  # the SQLite files whose opening lock this thread holds (re-entrant)


def lock_file(path: Path) -> Path:
    """The file beside a SQLite database that :func:`opening_lock` locks."""
    return Path(f"{path}-lock")


if sys.platform == "win32":
    import msvcrt

    def try_lock(fh: IO[bytes]) -> bool:
        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(fh: IO[bytes]) -> None:
        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def try_lock(fh: IO[bytes]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


@contextmanager
def opening_lock(path: Path) -> Iterator[None]:
    """Hold the SQLite database ``path`` for creating or upgrading it: one process at a time,
    across windows and commands (and computers sharing the folder). Others wait, at most
    :data:`OPENING_WAIT_S`, and then find the finished schema.

    The lock is the operating system's on ``<file>-lock`` (``flock``; Windows: ``LockFile``), so
    a process that dies holding it — killed, a power cut — holds it no more: a lock file left
    behind blocks nothing. The file is removed when the lock is let go. Re-entrant within a
    thread. A folder where no file can be made (read-only) gets no lock: nothing can be created
    or upgraded there, and the opening says why."""
    key = str(path)
    held: set[str] = getattr(_held, "paths", set())
    _held.paths = held
    if key in held:
        yield
        return
    where = lock_file(path)
    deadline = time.monotonic() + OPENING_WAIT_S
    told = False
    while True:
        try:
            where.parent.mkdir(parents=True, exist_ok=True)  # (as make_engine would)
            fh: IO[bytes] | None = open(where, "a+b")  # noqa: SIM115  (held until the end of the block)
        except OSError:
            fh = None
        if fh is None:
            break
        if try_lock(fh):
            try:  # the previous holder may have removed the file after it was opened here
                current = os.path.samestat(os.fstat(fh.fileno()), os.stat(where))
            except OSError:
                current = False
            if current:
                break
            unlock(fh)
        fh.close()
        if time.monotonic() >= deadline:
            raise DatabaseError(
                f"Another Ketnoi (a window or a command, on this computer or on one sharing the "
                f"folder) has been creating or upgrading {path} for more than {OPENING_WAIT_S:g} s "
                "and is not done; not opening it now. Open it again once that one is done (a big "
                "database takes minutes to upgrade); if no other Ketnoi is running, try again."
            )
        if not told:
            log.warning("Waiting for another Ketnoi that is creating or upgrading %s…", path)
            told = True
        time.sleep(0.05)
    if fh is None:
        yield
        return
    held.add(key)
    try:
        yield
    finally:
        held.discard(key)
        if sys.platform == "win32":  # (a file open elsewhere cannot be removed: its opener will)
            unlock(fh)
            fh.close()
            with suppress(OSError):
                where.unlink()
        else:  # removed while still held: a waiter on it sees that and opens the new one
            with suppress(OSError):
                where.unlink()
            unlock(fh)
            fh.close()


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Hold the database behind ``engine`` while its schema is created or upgraded, so that
    processes opening it at once do it once: a SQLite file's :func:`opening_lock`; on PostgreSQL
    the session advisory lock :data:`SCHEMA_LOCK` (released by the server, too, if the process
    dies), waited for at most :data:`OPENING_WAIT_S`."""
    path = sqlite_path(str(engine.url))
    if path is not None:
        with opening_lock(path):
            yield
        return
    if engine.dialect.name != "postgresql":
        yield
        return
    key = _lock_key(SCHEMA_LOCK)
    with engine.connect() as conn:
        try:
            conn.execute(text(f"SET LOCAL lock_timeout = '{_ms(OPENING_WAIT_S)}ms'"))
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            conn.commit()  # (the lock is the session's: it outlives the transaction)
        except SQLAlchemyError as exc:
            if getattr(getattr(exc, "orig", None), "sqlstate", None) != "55P03":
                raise
            raise DatabaseError(
                f"Another Ketnoi has been creating or upgrading the team database "
                f"{describe_url(str(engine.url))} for more than {OPENING_WAIT_S:g} s and is not "
                "done; not opening it now. Open it again once that one is done (a big database "
                "takes minutes to upgrade)."
            ) from exc
        try:
            yield
        finally:
            try:
                conn.rollback()
                conn.execute(text("SELECT pg_advisoryunlock(:key)"), {"key": key})
                conn.commit()
            except SQLAlchemyError:  # the connection is gone, and the lock with it
                pass


def upgrade(engine: Engine, on_upgrade: Callable[[], object] | None = None) -> Path | None:
    """Bring the database to the head revision; returns the backup written, if any.
    ``on_upgrade`` is called once an existing database is found to need an upgrade, before the
    copy and the migrations (the window says "Upgrading <file>…" meanwhile).

    Anything but the common case runs under :func:`schema_lock`: of the processes opening one
    new or older database at once, one creates or upgrades it, the others wait and find it done."""
    if stored_revision(engine) == HEAD_REVISION:
        return None  # the common case: one query, no Alembic, no lock
    with schema_lock(engine):
        if stored_revision(engine) == HEAD_REVISION:
            return None  # another process did it while this one waited
        return _upgrade(engine, on_upgrade)


def _upgrade(engine: Engine, on_upgrade: Callable[[], object] | None) -> Path | None:
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise NewerDatabaseError(
                f"This database was written by a newer version of Ketnoi (schema {current}); "
                "update Ketnoi to open it.",
                f"Cơ sở dữ liệu này được ghi bởi một phiên bản Ketnoi mới hơn (lược đồ {current}); "
                "hãy cập nhật Ketnoi để mở nó.",
            ) from exc
    elif inspect(engine).has_table("contact"):
        # its version's page may be the broken one: a damaged file is called damaged
        path = sqlite_path(str(engine.url))
        damage = quick_check(engine) if path is not None else None
        if damage:
            raise DatabaseError(f"{damage}. Restore its latest good backup: ketnoi backups --db {path}")
        raise DatabaseError("This database has Ketnoi tables but no schema version; not opening it.")
    backup: Path | None = None
    path = sqlite_path(str(engine.url))
    started = time.monotonic()
    if current is not None:
        where = describe_url(str(engine.url))
        if on_upgrade is not None:
            on_upgrade()
        log.warning(
            "Upgrading the database %s from schema %s to %s (a copy is kept first; a big one takes a while)…",
            where,
            current,
            head,
        )
    if current is not None and path is not None and path.exists():
        backup = backups.take(path, f"before-upgrade-{current}")
    cfg = alembic_config()
    with engine.begin() as conn:
        if current is None and conn.dialect.name == "sqlite":
            # A new file is made whole or not at all: pysqlite would commit each CREATE on its
            # own, and a process killed halfway (closed from Task Manager, a power cut) left
            # tables without a schema version, refused at every start after.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if isinstance(raw := conn.connection.driver_connection, sqlite3.Connection):
            backups.keep_versions_lifted(raw)
    if current is not None:
        kept = f"; the copy from before is {backup}" if backup is not None else ""
        log.warning("Upgraded %s to schema %s in %.1f s%s", where, head, time.monotonic() - started, kept)
    return backup


def stored_revision(engine: Engine) -> str | None:
    """The revision in ``alembic_version`` in one query, without Alembic; None when the table
    is missing (a new database) or holds no row."""
    try:
        with engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except SQLAlchemyError:
        return None
    return str(row[0]) if row is not None else None


def open_database(url: str, on_upgrade: Callable[[], object] | None = None) -> Engine:
    """An engine on ``url`` whose schema is at the head revision (``on_upgrade``: see
    :func:`upgrade`).

    An existing file of 0 bytes is refused: SQLite would take it for a new database and the
    app would fill it with an empty schema, hiding that the data it held is gone. A SQLite file
    that is missing, or does not start as a database, is looked at under :func:`opening_lock`:
    another Ketnoi may be creating it this moment (it is 0 bytes until the first write), and is
    waited for (reviewer: a second window started at once called the new file "empty", "not a
    Ketnoi database", or failed on "table already exists")."""
    path = sqlite_path(url)
    if path is not None and not (path.is_file() and _sqlite_header(path)):
        with opening_lock(path):
            return _open_database(url, path, on_upgrade)
    return _open_database(url, path, on_upgrade)


def _open_database(url: str, path: Path | None, on_upgrade: Callable[[], object] | None) -> Engine:
    if path is not None and (found := leftovers(path)):  # never a new database over a -wal
        raise LeftoverFilesError(path, found)
    if path is not None and not_ordinary(path):  # (SQLite said only "disk I/O error")
        raise refusal(
            f"{path} is not an ordinary file (a pipe, a device or a socket), not a database",
            f"{path} không phải tệp thông thường (mà là pipe, thiết bị hoặc socket), không phải cơ sở dữ liệu",
        )
    if path is not None and path.is_file() and path.stat().st_size == 0:
        raise refusal(
            f"{path} is empty (0 bytes), not a Ketnoi database; not opening it. "
            f"If it held your data, restore a backup (ketnoi backups --db {path}).",
            f"{path} trống (0 byte), không phải cơ sở dữ liệu Ketnoi; không mở tệp này. "
            f"Nếu tệp từng chứa dữ liệu của bạn, hãy khôi phục một bản sao lưu (ketnoi backups --db {path}).",
        )
    if path is not None and path.is_file() and not _sqlite_header(path):
        # said as what it is (reviewer: Ctrl+O on a workbook said "Cannot open the database
        # sqlite:////…/A_bo.xlsx: file is not a database")
        raise refusal(NOT_A_DATABASE.format(path=path), NOT_A_DATABASE_VI.format(path=path))
    if path is not None and (read_only := read_only_problem(path)) is not None:
        raise read_only
    if path is not None and (others := foreign_tables(path)):
        tables = ", ".join(others[:5])
        raise refusal(
            NOT_KETNOI_TABLES.format(path=path, tables=tables),
            NOT_KETNOI_TABLES_VI.format(path=path, tables=tables),
        )
    if path is not None:
        backups.clear_restore_leftovers(path)  # a killed restore's hidden full copy
    engine = make_engine(url)
    try:
        upgrade(engine, on_upgrade)
    except DatabaseError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        if getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501":
            raise refusal(
                f"The team database {describe_url(url)} has an older schema than this Ketnoi and "
                "your login may not upgrade it: its owner runs ketnoi admin init (see docs/team.md)",
                f"Cơ sở dữ liệu nhóm {describe_url(url)} có lược đồ cũ hơn Ketnoi này và tài khoản của "
                "bạn không được nâng cấp nó: người quản trị cơ sở dữ liệu cần chạy ketnoi admin init "
                "(xem docs/team.md)",
            ) from exc
        if login_refused(exc):  # the server answers, and turned this login away
            refused = DatabaseError(turned_away(url, exc))
            refused.vi = turned_away(url, exc, "vi")  # (the CLI's)
            raise refused from exc
        if server_unreachable(exc):  # the window's sentence, not libpq's (reviewer h130)
            where = server_address(url)
            raise refusal(UNREACHABLE.format(server=where), UNREACHABLE_VI.format(server=where)) from exc
        damage = quick_check(url) if path is not None and path.is_file() else None
        if damage:
            raise DatabaseError(
                f"{damage}. Restore its latest good backup: ketnoi backups --db {path}"
            ) from exc
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        said = reason[0] if reason else type(exc).__name__  # (the driver's own words)
        raise refusal(
            f"Cannot open the database {describe_url(url)}: {said}",
            f"Không mở được cơ sở dữ liệu {describe_url(url)}: {said}",
        ) from exc
    return engine


# A team database's server that cannot be reached (nothing answers on its port, the network
# down): what the window says (ui.context.unreachable_text), in both languages.
UNREACHABLE = "Cannot reach the database server {server}. Try again when the network is back."
UNREACHABLE_VI = "Không kết nối được máy chủ cơ sở dữ liệu {server}. Hãy thử lại khi có mạng."

NOT_A_DATABASE = (
    "{path} is not a Ketnoi database (not an SQLite file); not opening it. "
    "A workbook or a CSV file is imported instead: File → Import spreadsheet…, or ketnoi import FILE"
)


NOT_KETNOI_TABLES = (
    "{path} is another program's SQLite database (its tables: {tables}), not a Ketnoi database; "
    "not opening it, nothing written to it. Choose a Ketnoi database, or a new file name to start one"
)
# the two in the window's Vietnamese (ui.service_words)
NOT_A_DATABASE_VI = (
    "{path} không phải là cơ sở dữ liệu Ketnoi (không phải tệp SQLite); không mở tệp này. "
    "Bảng tính hoặc tệp CSV thì nhập vào: Tệp → Nhập từ bảng tính…, hoặc ketnoi import TỆP"
)
NOT_KETNOI_TABLES_VI = (
    "{path} là cơ sở dữ liệu SQLite của một chương trình khác (các bảng: {tables}), không phải cơ sở dữ "
    "liệu Ketnoi; Ketnoi không mở tệp này và không ghi gì vào đó. Hãy chọn một cơ sở dữ liệu Ketnoi, "
    "hoặc một tên tệp mới để bắt đầu"
)


def foreign_tables(path: Path) -> list[str]:
    """The tables of the SQLite file ``path`` when it is another program's database: tables, and
    neither Ketnoi's schema version nor its contacts (reviewer: `ketnoi --db other.db info`
    wrote some 200 Ketnoi tables, indexes and triggers beside its `foo`, switched it to WAL and
    made it private). Read through SQLite, read-only, before an engine of ours touches the file
    (its connection sets WAL mode); [] for a Ketnoi database, an empty file, or a file SQLite will
    not open read-only here (the opening then says what it finds)."""
    if held_here(path) or not path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return []
    try:
        names = [
            str(n)
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' "
                "ESCAPE '!' ORDER BY name"
            )
        ]
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    if not names or "alembic_version" in names or "contact" in names:
        return []
    return names


def _sqlite_header(path: Path) -> bool:
    """Whether ``path`` starts as every SQLite database does ("SQLite format 3")."""
    if held_here(path):
        return True  # open here already (and read by SQLite alone: db.engine.held_here)
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:  # unreadable: the opening says why
        return True


def quick_check(database: Engine | str, *, budget_s: float = 3.0) -> str | None:
    """Why the SQLite database (an engine, or a URL) is damaged (None when sound, or on a
    server). ``PRAGMA quick_check`` reads every page: on a very big file it stops after
    ``budget_s`` and the part read is what is vouched for. Takes a URL too because a damaged
    file may not open at all (its schema version sits on a broken page).

    Raises :class:`ReadOnlyDatabaseError` for a file Ketnoi may not write where it lies: the
    check itself cannot open that (SQLite needs the ``-shm`` file), and it is not damage."""
    path = sqlite_path(database if isinstance(database, str) else str(database.url))
    if path is None or not path.is_file():
        return None
    read_only = read_only_problem(path)
    if read_only is not None:
        raise read_only
    if not _sqlite_header(path):
        return None  # not a SQLite file at all (notes.txt): open_database refuses it as foreign
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        return f"{path} cannot be read ({exc})"
    try:
        return check_connection(path, con, budget_s=budget_s)
    finally:
        con.close()


def check_connection(path: Path, con: sqlite3.Connection, *, budget_s: float = 3.0) -> str | None:
    """:func:`quick_check` through the open connection ``con`` to ``path`` (also a read-only
    one, db.read_only); the caller closes it."""
    deadline = time.monotonic() + budget_s
    try:
        con.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        rows = [" ".join(str(r[0]).split()) for r in con.execute("PRAGMA quick_check(5)")]
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return None  # too big to read in the time given: no fault found in what was read
        return f"{path} is damaged ({exc})"
    except sqlite3.DatabaseError as exc:
        return f"{path} is damaged ({exc})"
    finally:
        con.set_progress_handler(None, 0)
    if rows == ["ok"]:
        return None
    found = [r.replace("*** in database main ***", "").strip() for r in rows]
    return f"{path} is damaged ({next((f for f in found if f), 'unreadable pages')})"


def restore_database(
    url: str,
    backup_file: Path,
    on_restored: Callable[[Path | None], object] | None = None,
    *,
    other_database: bool = True,
) -> Path | None:
    """Replace the SQLite database at ``url`` by ``backup_file``: checked for damage and for
    a schema this version knows (an older one is upgraded after), what it replaces backed up
    first (returned). ``on_restored(saved)`` is called as soon as the backup is in place, before
    that upgrade: a restore stopped during the upgrade has still said it was done.
    ``other_database`` False: a copy of another database (its own id differs) is refused
    (``ketnoi restore`` without ``--other-database``; reviewer: a typo replaced an office's
    records by another, almost empty database's)."""
    path = sqlite_path(url)
    if path is None:
        raise refusal(
            "restore works on a SQLite file; a PostgreSQL database is restored with pg_restore",
            "lệnh khôi phục dùng cho tệp SQLite; cơ sở dữ liệu PostgreSQL được khôi phục bằng pg_restore",
        )
    if found := leftovers(path):  # (restore would delete them, as a damaged file's journal)
        raise LeftoverFilesError(path, found)
    if (read_only := read_only_problem(path)) is not None:  # before the backup is even read
        from db.errors import ReadOnlyFile

        raise ReadOnlyFile(str(path), read_only.why, why_vi=read_only.why_vi)
    problem = backups.check_file(backup_file)
    if problem:
        raise refusal(
            f"Not restoring: {problem}", f"Chưa khôi phục: {backups.file_problem_vi(problem, backup_file)}"
        )
    con, _read_only = backups.reader(backup_file)  # a backup on a read-only medium too
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        row = None
    finally:
        con.close()
    if row is None:
        raise refusal(
            f"Not restoring: {backup_file} is not a Ketnoi database",
            f"Chưa khôi phục: {backup_file} không phải là cơ sở dữ liệu Ketnoi",
        )
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(str(row[0]))
    except Exception as exc:
        raise NewerDatabaseError(
            f"Not restoring: {backup_file} was written by a newer Ketnoi (schema {row[0]})",
            f"Chưa khôi phục: {backup_file} được ghi bởi một phiên bản Ketnoi mới hơn (lược đồ {row[0]})",
        ) from exc
    if not other_database:
        ours, theirs = backups.database_id_of(path), backups.database_id_of(backup_file)
        if ours and theirs and ours != theirs:
            raise refusal(
                f"{backup_file} is a copy of another database, not of {path}: nothing was changed. "
                "To put it in its place anyway: ketnoi restore FILE --other-database",
                f"{backup_file} là bản sao của một cơ sở dữ liệu khác, không phải của {path}: chưa thay đổi "
                "gì. Nếu vẫn muốn đặt nó vào chỗ này: ketnoi restore TỆP --other-database",
            )
    try:
        saved = backups.restore(path, backup_file)
    except backups.BackupDiskFull:  # said in words, with its Vietnamese (db.errors.DiskFull)
        raise
    except backups.BackupError as exc:
        raise refusal(str(exc), exc.vi or str(exc)) from exc
    if on_restored is not None:
        on_restored(saved)
    open_database(url).dispose()  # an older backup is brought to this schema now
    return saved
