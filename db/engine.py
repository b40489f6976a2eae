"""One engine per process, created from a URL; short sessions, one per unit of work."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

from db.errors import (
    DatabaseBusy,
    DatabaseMoved,
    DiskFull,
    NotPermitted,
    ReadOnlyFile,
    UserError,
    disk_refused,
)
from db.interrupts import interrupts_held
from db.paths import (
    APP_NAME,
    ENV_VAR,
    data_dir,
    default_url,
    leftovers,
    leftovers_refusal,
    make_private,
    resolve_url,
)

# Engine and Session are re-exported: ui/ names them in annotations without importing
# SQLAlchemy itself (an import-linter contract in pyproject.toml).
__all__ = [
    "APP_NAME",
    "BUSY_TIMEOUT_S",
    "CONNECTION_NAME",
    "ENV_VAR",
    "Engine",
    "Session",
    "check_file_in_place",
    "committed",
    "data_dir",
    "default_url",
    "describe_url",
    "make_engine",
    "make_private",
    "mark_read_only",
    "not_permitted",
    "passfile_for",
    "passfile_path",
    "read_only_reason",
    "read_session",
    "remember_password",
    "resolve_url",
    "settle_if_moved",
    "sqlite_path",
    "unit_of_work",
    "write_lock",
]

BUSY_TIMEOUT_S = 10
"""How long an ordinary SQLite write waits for another writer before saying the file is busy."""
CONNECT_TIMEOUT_S = 10
"""Seconds a PostgreSQL connection may take to open before it is given up as a server out of
reach (unless the URL sets ``connect_timeout``): without it, a laptop taken off the office
network, where the server's address silently drops every packet, or a server that accepts the
connection and never answers, held a read (and the window waiting on it) for minutes — the
operating system's own TCP timeout — instead of saying the server is away."""
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
"""TCP keepalives of an open PostgreSQL connection: a server gone while a statement runs is
noticed within about a minute, not the system's default two hours."""
CONNECTION_NAME = f"ketnoi {os.getpid()}-{os.urandom(3).hex()}"
"""This process's ``application_name`` on PostgreSQL: the live-update notifications name the
writer's, so that a window skips its own writes (and ``pg_stat_activity`` shows Ketnoi)."""


def passfile_path() -> Path:
    """Ketnoi's libpq password file (0600): server passwords live here, never in settings."""
    return data_dir() / "pgpass"


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _pgpass_fields(line: str) -> list[str]:
    """A password file's line as libpq splits it: ``:`` between fields, ``\\`` escaping."""
    fields: list[str] = []
    field, escaped = "", False
    for ch in line:
        if escaped:
            field, escaped = field + ch, False
        elif ch == "\\":
            escaped = True
        elif ch == ":" and len(fields) < 4:
            fields.append(field)
            field = ""
        else:
            field += ch
    return [*fields, field]


def passfile_for(url: URL | str) -> Path | None:
    """Ketnoi's password file (:func:`passfile_path`) when it holds a line for ``url``'s login
    — host, port, database and user matched as libpq matches them, ``*`` for any — else None:
    libpq then looks where it always does (``PGPASSFILE``, ``~/.pgpass``,
    ``%APPDATA%\\postgresql\\pgpass.conf``). Handing libpq Ketnoi's file whatever it held hid
    the user's own: a login whose password the IT person put in ~/.pgpass, as docs/team.md says,
    was asked for one — by pg_dump always (Back up now: "pg_dump failed: Password:"), by every
    connection once Ketnoi's file held another server's (reviewer h107)."""
    import getpass

    u = make_url(url) if isinstance(url, str) else url
    path = passfile_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    host = u.host or str(u.query.get("host") or "") or os.environ.get("PGHOST", "")
    if not host or host.startswith("/"):
        host = "localhost"  # (a Unix socket: libpq matches it as localhost)
    try:
        user = u.username or os.environ.get("PGUSER") or getpass.getuser()
    except (KeyError, OSError):  # (no name for this user id)
        user = u.username or ""
    wanted = [host, str(u.port or os.environ.get("PGPORT") or 5432), u.database or user, user]
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        fields = _pgpass_fields(line)
        if len(fields) == 5 and all(f in ("*", w) for f, w in zip(fields, wanted, strict=False)):
            return path
    return None


def remember_password(url: str) -> str:
    """``url`` without its password; the password goes to the libpq password file
    (:func:`passfile_path`, one ``host:port:database:user:password`` line per server), which
    every PostgreSQL connection of Ketnoi reads. Non-PostgreSQL URLs come back unchanged."""
    try:
        parsed = make_url(url)
    except Exception:
        return url
    if parsed.get_backend_name() != "postgresql" or not parsed.password:
        return url
    fields = [
        parsed.host or "localhost",
        str(parsed.port or 5432),
        parsed.database or "*",
        parsed.username or "*",
    ]
    prefix = ":".join(_pgpass_field(f) for f in fields) + ":"
    path = passfile_path()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if not line.startswith(prefix)]
    lines.append(prefix + _pgpass_field(str(parsed.password)))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    make_private(path)
    return parsed._replace(password=None).render_as_string(hide_password=False)


def server_url_shown(url: str) -> str:
    """A PostgreSQL URL as a person types it in Settings → Database: ``postgresql://``, no
    driver name, no password."""
    return make_url(url).set(drivername="postgresql", password=None).render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    """``url`` (as typed: ``postgresql://`` stays, as Settings keeps it) with ``password``."""
    u = make_url(url)
    return (
        u.set(password=password).render_as_string(hide_password=False)
        if password
        else str(u.render_as_string(False))
    )


def describe_url(url: str) -> str:
    """The URL as it can be shown to a person: the password hidden, and the names as written
    ("bản sao.db", not SQLAlchemy's "b%E1%BA%A3n sao.db"). For the eyes only: never connect with
    it (an unquoted "%", "@" or "/" in a name would read as something else)."""
    return unquote(make_url(url).render_as_string(hide_password=True))


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cur.close()


_BIG_CACHE = "ketnoi_big_cache"


def large_page_cache(session: Session, mib: int = 128) -> None:
    """Give this session's SQLite connection ``mib`` MB of page cache for the work at hand
    (a big import: its index B-trees stay in memory). The connection keeps SQLite's default
    again, and gives the memory back, when it returns to the pool (:func:`_default_cache`):
    a pooled connection would otherwise hold the pages for the rest of the session."""
    if session.get_bind().dialect.name != "sqlite":
        return
    connection = session.connection()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{int(mib) * 1024}")
    connection.info[_BIG_CACHE] = True


def _default_cache(dbapi_connection: Any, record: Any) -> None:
    # (a connection invalidated — a Ctrl+C inside one of its statements — is checked in closed,
    # as None: it gives its memory back by closing; it raised an AttributeError that hid the
    # interrupt, and ketnoi import printed a traceback)
    if record is not None and record.info.pop(_BIG_CACHE, False) and dbapi_connection is not None:
        cur = dbapi_connection.cursor()
        try:
            cur.execute("PRAGMA cache_size=-2000")  # SQLite's default: 2 MB
            cur.execute("PRAGMA shrink_memory")
        finally:
            cur.close()


_HELD: set[Path] = set()


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def held_here(path: Path) -> bool:
    """Whether ``path`` is (or was) a SQLite database an engine of this process opened.

    Such a file is never opened by anything but SQLite in this process: SQLite's locks on it
    are POSIX locks, which belong to the process and the file, and closing ANY descriptor of
    the file drops them all — the window would go on writing to a WAL that another program,
    believing itself the last user, checkpoints and deletes (a reviewer lost saves that way;
    ``ui.file_dialogs`` and ``tests/ui/test_file_dialogs.py``). Code that reads a file a person
    chose asks this first."""
    return bool(_HELD) and _resolved(Path(path)) in _HELD


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, WAL and a busy timeout."""
    path = sqlite_path(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _HELD.add(_resolved(path))
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_S}
    else:
        kwargs["pool_pre_ping"] = True
        if make_url(url).get_backend_name() == "postgresql":
            given = make_url(url).query  # (a URL's own connect_timeout or keepalives win)
            kwargs["connect_args"] = {
                "application_name": CONNECTION_NAME,
                **{
                    k: v
                    for k, v in {"connect_timeout": CONNECT_TIMEOUT_S, **KEEPALIVES}.items()
                    if k not in given
                },
            }
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "postgresql":
        event.listen(engine, "do_connect", _connecting)
        event.listen(engine, "handle_error", _mark_login_refused)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "checkin", _default_cache)
        if path is not None:
            db_file = path

            def private(_dbapi_connection: Any, _record: Any) -> None:
                for f in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm")):
                    if f.exists():
                        make_private(f)

            event.listen(engine, "connect", private)
            _watch_file(engine, path)
    return engine


_FILE_ID: weakref.WeakKeyDictionary[Engine, tuple[Path, tuple[int, int]]] = weakref.WeakKeyDictionary()


def _file_id(path: Path) -> tuple[int, int] | None:
    """The identity of the file at ``path`` (device and inode), None when nothing is there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _watch_file(engine: Engine, path: Path) -> None:
    """Remember which file ``engine``'s first connection opened at ``path``; from then on no
    connection opens, and no unit of work commits (:func:`check_file_in_place`), once another
    file, or none, is at ``path`` (moved, renamed or deleted while open). SQLite itself goes on
    writing through the open file — into a ``-wal`` named after the old path, which the moved
    file's next opener never reads (reviewer: a contact saved after ``mv`` was in that -wal alone,
    and lost when the next start made a new database at the path). Its first connection is never
    made where only a ``-wal`` or ``-shm`` is left (:func:`db.paths.leftovers`).

    ``before`` holds the engine weakly: it is a listener on the engine's dialect, which
    SQLAlchemy's mappers keep in their caches for good, so a strong hold kept every engine ever
    opened alive with its pool and statement cache (each database a window opened, restored or
    switched to, for the rest of the process)."""
    held = weakref.ref(engine)

    def before(*_args: Any) -> None:
        live = held()
        if live is None:  # (the engine is gone; nothing connects through it any more)
            return
        known = _FILE_ID.get(live)
        if known is None:
            found = leftovers(path)
            if found:
                raise UserError(leftovers_refusal(path, found))
        elif _file_id(path) != known[1]:
            raise DatabaseMoved(str(path))

    def opened(_dbapi_connection: Any, _record: Any) -> None:
        if engine not in _FILE_ID and (found := _file_id(path)) is not None:
            _FILE_ID[engine] = (path, found)

    event.listen(engine, "do_connect", before)
    event.listen(engine, "connect", opened)


def settle_if_moved(engine: Engine) -> bool:
    """When the SQLite file ``engine`` opened is no longer at its path: what its ``-wal`` holds
    written into the file itself, wherever it is now (a checkpoint, through a connection open on
    it), and the ``-wal`` emptied — SQLite neither does it nor deletes the ``-wal`` when the last
    connection closes on a moved file, so the moved file would lack every save not yet written
    into it, the schema of a new one included. True when the file had moved. Called when a write
    is refused for it, and before a window or command lets its database go."""
    known = _FILE_ID.get(engine)
    if known is None or _file_id(known[0]) == known[1]:
        return False
    try:
        with engine.connect() as conn:  # (an open connection of the pool: a new one is refused)
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:  # (every connection busy: nothing more to do here)
        pass
    return True


def check_file_in_place(engine: Engine) -> None:
    """Raise :class:`~db.errors.DatabaseMoved` when the SQLite file ``engine`` opened is no
    longer at its path (one ``stat``: a few microseconds). A file put back where it was
    (the same device and inode) is in place again: writes go on."""
    known = _FILE_ID.get(engine)
    if known is not None and _file_id(known[0]) != known[1]:
        raise DatabaseMoved(str(known[0]))


def libpq_conninfo(url: URL, **extra: Any) -> str:
    """``url`` (an engine's, password included) as a libpq connection string, with the user's
    password file and ``extra`` keywords."""
    from psycopg.conninfo import make_conninfo

    keywords: dict[str, Any] = {}
    if (passfile := passfile_for(url)) is not None:
        keywords["passfile"] = str(passfile)
    keywords |= extra
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return make_conninfo(plain, **keywords)


REFUSED_WITHIN_S = 3.0
"""A connection that failed later than this was not turned away by the server (whose refusal of
a login comes as soon as the password is checked): the network, asked no further."""


def server_refuses(conninfo: str, failed_after_s: float = 0.0) -> bool:
    """After a connection to PostgreSQL failed (``failed_after_s`` after it was tried): the server
    answered and turned this login away — libpq's PQping says it is up and accepting connections —
    rather than the network, or a server starting or stopping, being in the way.

    Whatever the server's language: libpq keeps no SQLSTATE for a connection that failed
    (psycopg's ``sqlstate`` is None there — psycopg/psycopg#242), and the server says why in its
    own lc_messages, so its words are not read. Turned away: a login disabled (NOLOGIN), its
    password changed or its CONNECT taken back — and also, while it lasts, a server with no
    connection slot free. A slow failure is not asked about (PQping holds the GIL while it waits,
    at most its 2 s connect_timeout: a window would freeze)."""
    if failed_after_s > REFUSED_WITHIN_S:
        return False
    from psycopg import pq
    from psycopg.conninfo import make_conninfo

    quick = make_conninfo(conninfo, connect_timeout=2)
    return bool(pq.PGconn.ping(quick.encode()) == pq.Ping.OK)


def refused_login_in(exc: BaseException) -> BaseException | None:
    """The login the server turned away that ``exc`` is, or was raised from (an opening's
    :class:`db.migrate.DatabaseError` wraps it); None when there is none."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        seen.add(id(found))
        if login_refused(found):
            return found
        found = found.__cause__
    return None


def login_refused(exc: BaseException) -> bool:
    """``exc`` is a connection a PostgreSQL engine could not open because the server turned its
    login away (:func:`server_refuses`, asked when the connection failed)."""
    return bool(getattr(exc, "login_refused", False))


def server_unreachable(exc: BaseException) -> bool:
    """``exc`` is a PostgreSQL server that could not be reached: a connection that could not
    be opened (nothing answers on its port, the network is down, a server stopping) or one
    that broke while in use — not a login the server turned away (:func:`login_refused`), not
    a statement it refused (those carry a SQLSTATE). The window says so in one sentence instead
    of psycopg's and SQLAlchemy's words (reviewer: "OperationalError: (psycopg.OperationalError)
    connection failed: … (Background on this error at: https://sqlalche.me/e/…)")."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:  # (an error raised from one of these)
        seen.add(id(exc))
        if isinstance(exc, DBAPIError):
            orig = exc.orig
            if login_refused(exc) or not type(orig).__module__.startswith("psycopg"):
                return False
            from psycopg import OperationalError as PsycopgOperational

            if exc.connection_invalidated:
                return True
            return isinstance(orig, PsycopgOperational) and getattr(orig, "sqlstate", "") is None
        exc = exc.__cause__  # type: ignore[assignment]
    return False


def server_address(url: URL | str) -> str:
    """A PostgreSQL server as Settings → Database names it: host and port."""
    u = make_url(url) if isinstance(url, str) else url
    return f"{u.host or 'localhost'}{f':{u.port}' if u.port else ''}"


def turned_away(url: str, exc: BaseException, lang: str = "en") -> str:
    """A PostgreSQL server that answers but would not let the login in (disabled by an
    administrator, a password changed, a computer not allowed): said as what to do, the
    server's own words after it (they are in the server's language, and name the exact cause).
    ``lang``: "vi" for Vietnamese (the command line under a Vietnamese locale)."""
    u = make_url(url)
    words = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    said = next((w.split("FATAL:", 1)[1].strip() for w in words if "FATAL:" in w), words[0] if words else "")
    if lang == "vi":
        where = f"{server_address(u)}, cơ sở dữ liệu {u.database or '?'}"
        who = f"tài khoản {u.username!r}" if u.username else "tài khoản này"
        return (
            f"máy chủ ({where}) không cho {who} đăng nhập: có thể quản trị viên đã vô hiệu hóa "
            f"tài khoản hoặc đổi mật khẩu — hãy hỏi họ (ketnoi admin add-user cấp lại tài khoản đã "
            f"bị vô hiệu hóa). Máy chủ trả lời: {said}"
        )
    where = f"{server_address(u)}, database {u.database or '?'}"
    who = f"login {u.username!r}" if u.username else "this login"
    return (
        f"the server ({where}) turned {who} away: an administrator may have disabled it or changed "
        f"its password — ask them (ketnoi admin add-user gives a disabled login back). "
        f"The server said: {said}"
    )


def password_refused(url: str, exc: BaseException, lang: str = "en") -> str:
    """What to say when the server turned away the password just typed at the terminal for
    this login: which login, which server, and what to do — type it again, keep the right one
    in ~/.pgpass, or ask the administrator — the server's own words last (they name the cause
    when it is not the password). Never the URL: it holds the password. ``lang``: "vi" for
    Vietnamese (the command line under a Vietnamese locale). (It said that an administrator
    may have disabled the login: of a password mistyped.)"""
    u = make_url(url)
    words = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    said = next((w.split("FATAL:", 1)[1].strip() for w in words if "FATAL:" in w), words[0] if words else "")
    if lang == "vi":
        return (
            f"máy chủ ({server_address(u)}, cơ sở dữ liệu {u.database or '?'}) không nhận mật khẩu "
            f"vừa gõ cho tài khoản {u.username!r}; chưa có gì thay đổi. Hãy chạy lại lệnh và gõ lại "
            f"mật khẩu (khi gõ, mật khẩu không hiện ra), hoặc ghi đúng mật khẩu vào ~/.pgpass (trên "
            f"Windows là %APPDATA%\\postgresql\\pgpass.conf). Nếu không nhớ mật khẩu, hãy nhờ quản "
            f"trị viên đặt mật khẩu mới. Máy chủ trả lời: {said}"
        )
    return (
        f"the server ({server_address(u)}, database {u.database or '?'}) refused the password "
        f"typed for login {u.username!r}; nothing was changed. Run the command again and type it "
        f"again (it is not shown as you type), or put the right one in ~/.pgpass (on Windows "
        f"%APPDATA%\\postgresql\\pgpass.conf). If you do not know it, ask your administrator to "
        f"set a new one. The server said: {said}"
    )


def needs_password(url: str) -> bool:
    """The server asks this login for a password and none was given — not in the URL, not in a
    password file, not in PGPASSWORD (libpq's PQconnectionNeedsPassword: whatever language
    the client or the server speaks). Asked once more of the server, after a connection failed."""
    from psycopg import pq

    u = make_url(url)
    if u.get_backend_name() != "postgresql" or u.password:
        return False
    conn = pq.PGconn.connect(libpq_conninfo(u, connect_timeout=5).encode())
    try:
        return conn.status == pq.ConnStatus.BAD and bool(conn.needs_password)
    finally:
        conn.finish()


def password_wanted(url: str, lang: str = "en") -> str:
    """What to say when the server asks for a password and none was given where no one can type
    it (not a terminal): the ways to give it. Not a disabled login (reviewer: the owner's first
    ``admin init`` was told an administrator may have disabled its login)."""
    u = make_url(url)
    host = u.host or "localhost"
    example = u.set(password="PASSWORD" if lang != "vi" else "MAT_KHAU").render_as_string(False)
    example = example.replace("postgresql+psycopg://", "postgresql://")
    line = f"{host}:{u.port or 5432}:{u.database or '*'}:{u.username or '*'}:"
    if lang == "vi":
        return (
            f"máy chủ ({server_address(u)}, cơ sở dữ liệu {u.database or '?'}) cần mật khẩu của "
            f"tài khoản {u.username!r} nhưng chưa có mật khẩu nào. Đưa mật khẩu theo một trong các "
            f"cách: chạy lệnh trong cửa sổ dòng lệnh và gõ khi được hỏi; thêm dòng "
            f"{line}MAT_KHAU vào ~/.pgpass (chỉ bạn được đọc: chmod 600; trên Windows là "
            f"%APPDATA%\\postgresql\\pgpass.conf); đặt biến môi trường PGPASSWORD; hoặc ghi vào "
            f"URL: {example}"
        )
    return (
        f"the server ({server_address(u)}, database {u.database or '?'}) asks login "
        f"{u.username!r} for a password, and none was given. Give it in one of these ways: run "
        f"the command in a terminal and type it when asked; add the line {line}PASSWORD to "
        f"~/.pgpass (readable by you alone: chmod 600; on Windows "
        f"%APPDATA%\\postgresql\\pgpass.conf); set PGPASSWORD; or write it in the URL: {example}"
    )


_attempt = threading.local()  # when this thread last began to open a connection (do_connect)


def _connecting(dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
    _attempt.started = time.monotonic()
    # Ketnoi's password file where it holds this login, else libpq's own places (asked at each
    # connection: a password remembered after the engine was made is found)
    if "passfile" not in cparams and not cparams.get("password"):  # (a URL's own wins)
        url = URL.create(
            "postgresql",
            username=cparams.get("user"),
            host=cparams.get("host"),
            port=int(cparams["port"]) if cparams.get("port") else None,
            database=cparams.get("dbname"),
        )
        if (passfile := passfile_for(url)) is not None:
            cparams["passfile"] = str(passfile)


def _mark_login_refused(context: Any) -> None:
    """``handle_error`` of a PostgreSQL engine: a connection it could not open is marked
    ``login_refused`` (:func:`login_refused`) when the server turned the login away. Asked
    here, on the thread that tried to connect, so no one asks again on the UI thread."""
    orig = context.original_exception
    if context.connection is not None or context.is_pre_ping or context.engine is None:
        return  # (an error in an open session: the server gave its SQLSTATE)
    if getattr(orig, "sqlstate", "") is not None or context.sqlalchemy_exception is None:
        return
    took = time.monotonic() - getattr(_attempt, "started", time.monotonic())
    if server_refuses(libpq_conninfo(context.engine.url, application_name=CONNECTION_NAME), took):
        context.sqlalchemy_exception.login_refused = True


_READ_ONLY: weakref.WeakKeyDictionary[Engine, tuple[str, str]] = weakref.WeakKeyDictionary()


def mark_read_only(engine: Engine, why: str, why_vi: str = "") -> None:
    """``engine`` only reads (db.read_only.open_read_only); ``why`` says why, in one sentence,
    ``why_vi`` in Vietnamese (what ``ketnoi info`` and a refused write say under a Vietnamese
    locale)."""
    _READ_ONLY[engine] = (why, why_vi)


def read_only_reason(engine: Engine, lang: str = "en") -> str | None:
    """Why ``engine`` was opened read-only, in ``lang`` ("vi", else English; the English where
    no Vietnamese was given); None for an ordinary engine."""
    said = _READ_ONLY.get(engine)
    if said is None:
        return None
    return (said[1] or said[0]) if lang == "vi" else said[0]


_COMMITTED: weakref.WeakKeyDictionary[Engine, int] = weakref.WeakKeyDictionary()


def committed(engine: Engine) -> int:
    """How many units of work of this process committed through ``engine`` (not the first
    sign-in's, ``exclusive=False``): a command stopped by a lost server says, when none did,
    that it wrote nothing (app.cli)."""
    return _COMMITTED.get(engine, 0)


@contextmanager
def unit_of_work(
    engine: Engine,
    *,
    lock: str = "",
    wait_s: float | None = None,
    exclusive: bool = True,
    on_commit: Callable[[], None] | None = None,
) -> Iterator[Session]:
    """A session that commits once when the block ends and rolls back if it raises.

    On SQLite it starts with ``BEGIN IMMEDIATE``: the unit of work holds the database's one
    write lock from its first read, so a check ("no organisation of that name yet") and the
    write that relies on it cannot be split by another process's write. (pysqlite would
    otherwise read outside any transaction and begin one only at the first INSERT.) On
    PostgreSQL it takes the advisory lock :data:`WRITE` first, to the same effect: writers take
    turns, readers are never blocked. ``wait_s`` is how long to wait for another writer.
    ``lock`` names work that is serialised on its own too (see :func:`write_lock`).
    ``exclusive=False`` (PostgreSQL): without :data:`WRITE`, for the one write that may run
    while this process's own unit of work holds it (the first sign-in's staff record, made by
    the server function ``ketnoi_sign_in``, which is safe on its own). A write that waited in
    vain for the lock raises :class:`~db.errors.DatabaseBusy` (:func:`busy`).
    ``on_commit`` is called as soon as the COMMIT returned, with Ctrl+C held back until it has
    (:func:`db.interrupts.interrupts_held`): a command stopped then knows its work was written.
    """
    wait_s = BUSY_TIMEOUT_S if wait_s is None else wait_s  # read now: tests shorten it
    why = read_only_reason(engine)
    if why is not None:
        path = sqlite_path(str(engine.url))
        where = str(path) if path is not None else describe_url(str(engine.url))
        raise ReadOnlyFile(where, why, why_vi=read_only_reason(engine, "vi") or "")
    with Session(engine, expire_on_commit=False) as session:
        try:
            _begin(session, lock, wait_s, exclusive)
            check_file_in_place(engine)  # (before the work: it would be refused at the end)
            yield session
            session.flush()
            check_file_in_place(engine)  # moved while the work ran (a long import)
            with interrupts_held():
                session.commit()
                if exclusive:
                    _COMMITTED[engine] = _COMMITTED.get(engine, 0) + 1
                if on_commit is not None:
                    on_commit()
        except DBAPIError as exc:
            session.rollback()
            refused = not_permitted(exc, engine) or busy(exc, engine, wait_s) or disk_full(exc, engine)
            if refused is not None:
                raise refused from exc
            raise
        except DatabaseMoved:
            session.rollback()
            session.close()  # (its connection back to the pool, for the checkpoint)
            settle_if_moved(engine)
            raise
        except BaseException:
            session.rollback()
            raise


def not_permitted(exc: BaseException, engine: Engine) -> NotPermitted | None:
    """PostgreSQL's "insufficient privilege" (SQLSTATE 42501: a GRANT this login lacks, or a
    row-level security policy) as one sentence that says what was refused (the kind of record
    whose table the server named), without the server's own words (reviewer: a reader's
    Vietnamese refusal ended "— permission denied for table organisation"); they stay on the
    exception's cause. None for any other error."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) != "42501":
        return None
    detail = (str(orig).strip().splitlines() or [""])[0]
    login = engine.url.username or "this login"
    if "row-level security" in detail:
        return NotPermitted(
            f"Not saved: the change would leave a confidential record that {login} may not see "
            "(its owner, the staff on it or a manager can do it)",
            login=login,
            row_security=True,
        )
    plural = _refused_kind(detail)
    if plural:
        return NotPermitted(
            f"Not allowed: the database login {login} may not change {plural} in this database; "
            "nothing was saved",
            login=login,
        )
    return NotPermitted(
        f"Not allowed: the database login {login} may not make this change; nothing was saved", login=login
    )


def _refused_kind(detail: str) -> str:
    """The records (English plural) whose table a "permission denied for table T" names: T's
    kind, or the kind whose link table it is (contact_tag: contacts); "" when none is."""
    import re

    from db import kinds  # (here: db.kinds imports the models, which need this module's types)

    found = re.search(r'permission denied for (?:table|relation) "?([\w.]+)"?', detail)
    if found is None:
        return ""
    table = found.group(1).rsplit(".", 1)[-1]
    best = ""
    for info in kinds.KINDS.values():
        name = info.table.name
        if table == name:
            return info.plural
        if table.startswith(name + "_") and len(name) > len(best):
            best = name
    return next((i.plural for i in kinds.KINDS.values() if i.table.name == best), "") if best else ""


def disk_full(exc: BaseException, engine: Engine) -> DiskFull | None:
    """A write into the SQLite file its disk would not take (SQLite's "database or disk is
    full", or "disk I/O error" while writing: a full disk, a size limit) as one sentence in
    words — the unit of work was rolled back, nothing was changed; None for any other error
    (reviewer: `ketnoi import` said "OperationalError: disk I/O error")."""
    path = sqlite_path(str(engine.url))
    refused = disk_refused(exc)
    if path is None or refused is None:
        return None
    return DiskFull(path, "database", full=refused == "full")


def busy(exc: BaseException, engine: Engine, wait_s: float | None = None) -> DatabaseBusy | None:
    """SQLite's "database is locked" (another connection held the write lock past the busy
    timeout), or PostgreSQL's lock_not_available (SQLSTATE 55P03: a serialised write waited
    past :func:`write_lock`'s lock_timeout), as one sentence; None for any other error."""
    orig = getattr(exc, "orig", None)
    locked = isinstance(orig, sqlite3.OperationalError) and "database is locked" in str(orig)
    if not locked and getattr(orig, "sqlstate", None) != "55P03":
        return None
    path = sqlite_path(str(engine.url))
    waited = BUSY_TIMEOUT_S if wait_s is None else wait_s
    return DatabaseBusy(str(path) if path is not None else describe_url(str(engine.url)), waited)


def _begin(session: Session, lock: str, wait_s: float, exclusive: bool = True) -> None:
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        longer = wait_s != BUSY_TIMEOUT_S
        if longer:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wait_s * 1000)}")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        finally:
            if longer:
                conn.exec_driver_sql(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    elif conn.dialect.name == "postgresql":
        # One writer at a time, as SQLite's BEGIN IMMEDIATE: the unit of work takes the
        # database's write lock before its first read. At READ COMMITTED a read, a check and a
        # write could otherwise be split by a colleague's commit (reviewer, PostgreSQL only: an
        # undo of an import beside a re-import lost the whole re-import; the undo overwrote an
        # edit saved meanwhile; a merge left a contact just added on the trashed organisation;
        # an import made an organisation a colleague was creating; two undos of one import both
        # ran). The lock_timeout set here also bounds any row lock this work waits for.
        session.info[_UNIT_WAIT] = _ms(wait_s)
        if exclusive:
            write_lock(session, WRITE, wait_s=wait_s)
        else:
            conn.execute(text(f"SET LOCAL lock_timeout = '{_ms(wait_s)}ms'"))
        if lock:
            write_lock(session, lock, wait_s=wait_s)


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for reading only; nothing it does is committed."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
        finally:
            session.rollback()


WRITE = "database-write"
"""The advisory lock every PostgreSQL unit of work holds (:func:`_begin`)."""

WRITE_LOCK_WAIT_S = 600
"""How long a serialised write waits for another one to finish (an import of 100k rows takes
tens of seconds; the ordinary busy timeout of 10 s would fail the second import instead)."""


def write_lock(session: Session, name: str, *, wait_s: float = WRITE_LOCK_WAIT_S) -> None:
    """Serialise this unit of work with every other one that takes the lock ``name``, across
    windows, processes and (on PostgreSQL) machines, until the transaction ends.

    Take it before reading what the write relies on: what is matched afterwards already
    includes what the previous holder committed, so two imports of one sheet at once give the
    records of one. SQLite: nothing to do — every :func:`unit_of_work` holds the database's
    single write lock from its first statement (``BEGIN IMMEDIATE``). PostgreSQL: a
    transaction-level advisory lock on ``name`` — other work is not blocked, and the lock ends
    with the transaction, however it ends.
    """
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"SET LOCAL lock_timeout = '{_ms(wait_s)}ms'"))
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(name)})
        unit_wait = session.info.get(_UNIT_WAIT)
        if unit_wait is not None and unit_wait != _ms(wait_s):
            # back to the unit of work's own wait for any lock it meets later (a row another
            # program holds): an import's named lock would otherwise leave it 600 s
            conn.execute(text(f"SET LOCAL lock_timeout = '{unit_wait}ms'"))


_UNIT_WAIT = "ketnoi_unit_wait_ms"  # session.info: the lock_timeout of the unit of work (PostgreSQL)


def _ms(wait_s: float) -> int:
    """A wait in whole milliseconds, at least 1 (PostgreSQL's lock_timeout 0 waits for ever)."""
    return max(1, round(wait_s * 1000))


def _lock_key(name: str) -> int:
    """A stable signed 64-bit key for an advisory lock name."""
    value = zlib.crc32(b"ketnoi:" + name.encode()) << 32 | zlib.crc32(name.encode())
    return value - (1 << 64) if value >= 1 << 63 else value
