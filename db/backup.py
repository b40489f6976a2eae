"""Backups of a SQLite database: online copies, a bounded history, and a checked restore.

A copy is taken with SQLite's backup API from a connection of its own, so it holds everything
committed — also what still sits in the write-ahead log, which a plain file copy misses — and
it can be taken while the app (or a unit of work on another connection) has the file open.
Copies go into a folder beside the database, ``<name>-backups/``, named by when and why::

    ketnoi-backups/ketnoi-20261123-090000-before-import.db

Kept (:func:`prune`): the last 10 taken before a risky operation (import, merge, bulk delete,
restore, upgrade), one a day for the last 7 days, one a week for the last 4 weeks, and every
copy the user asked for by name (``manual``), which takes no day's or week's place. Files and folder are private to the user
(0600/0700 on POSIX).

A restore takes its copy of what it replaces and puts the backup in place under one hold of the
database's write lock, and moves every record's version above the replaced database's, so that a
form opened before it cannot save onto the record the restored file has under the same id
(:func:`restore`).

A damaged database replaced by a restore is set aside byte for byte as
``<name>-<when>-damaged.db`` (:data:`DAMAGED`): listed, never rotated away, never restored — it
is kept for whoever may recover records from it.

A PostgreSQL database is backed up with the server's own tool: :func:`pg_dump` writes a
custom-format dump (restored with ``pg_restore``) when the PostgreSQL client tools are
installed; the automatic copies above are SQLite's alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db import clock
from db.engine import Engine, Session, sqlite_path
from db.errors import DiskFull, UserError, disk_refused

RISKY_KEEP = 10
DAILY_KEEP = 7
WEEKLY_KEEP = 4
DAMAGED = "damaged"  # the reason of a damaged database set aside by a restore
AHEAD_TOLERANCE = dt.timedelta(minutes=5)
"""A copy named with a time later than now by more than this was taken while the clock was
ahead (a wrong date on the computer, a laptop back from a trip): see :attr:`Backup.ahead`."""
_NAME = re.compile(r"^(?P<stem>.+)-(?P<at>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9-]+)\.db$")


class BackupError(UserError):
    """A backup that cannot be taken or restored; the message is meant for the user (one line:
    the CLI prints it, the window shows it, never a traceback or the class's name). ``vi``: the
    same in Vietnamese, for the command line under a Vietnamese locale ("" where none is said)."""

    vi: str = ""


def _said(en: str, vi: str) -> BackupError:
    """A :class:`BackupError` saying ``en``, with its Vietnamese ``vi``."""
    error = BackupError(en)
    error.vi = vi
    return error


class BackupDiskFull(BackupError, DiskFull):
    """A copy its disk would not take (full, or a file there may grow no more): said as
    :class:`~db.errors.DiskFull` says it — before an operation, that nothing was changed and
    the operation was not started (reviewer: ``ketnoi merge`` under a full disk printed a
    traceback ending "BackupError: Cannot back up …: disk I/O error")."""


@dataclass(frozen=True)
class Backup:
    path: Path
    at: dt.datetime  # local wall-clock time it was taken
    reason: str  # daily, manual, before-import, before-merge, before-upgrade, damaged, …
    size: int
    # Named with a time still to come: taken while the clock was ahead. Its name cannot say
    # where it belongs among the others (reviewer h118: a copy taken under 29/02/2028 was listed,
    # and offered for a damaged database, as the newest, over the day's real copies holding
    # more; it also held one of the ten places for good): it is placed by when its file was
    # written, if that is not ahead too, else with the oldest; it is kept and takes no place.
    ahead: bool = False
    placed: dt.datetime | None = None  # where it is placed, when ahead

    @property
    def damaged(self) -> bool:
        """A damaged database set aside by a restore: kept, never restored or rotated."""
        return self.reason == DAMAGED


@dataclass(frozen=True)
class Contents:
    """What a copy holds, to tell copies apart (reviewer: four rows "Before a restore", nothing
    to say which held the meeting just logged): its live records, and its last change."""

    organisations: int
    contacts: int
    meetings: int
    actions: int
    last_change_at: dt.datetime | None  # UTC
    last_change_by: str


_CONTENTS: dict[tuple[Path, int, int], Contents | None] = {}
_COUNTED = ("organisation", "contact", "meeting", "action")


def contents(path: Path) -> Contents | None:
    """What the copy at ``path`` holds, read without writing beside it; None if it cannot be
    read (damaged, not a Ketnoi database). A copy does not change: the answer is kept."""
    try:
        found = path.stat()
    except OSError:
        return None
    key = (path, found.st_mtime_ns, found.st_size)
    if key in _CONTENTS:
        return _CONTENTS[key]
    out: Contents | None = None
    try:
        con, _read_only = reader(path)
        try:
            counts = [
                int(con.execute(f'SELECT count(*) FROM "{t}" WHERE deleted_at IS NULL').fetchone()[0])
                for t in _COUNTED
            ]
            last = con.execute("SELECT at, actor FROM change ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            con.close()
        at = None
        if last is not None and last[0]:
            when = dt.datetime.fromisoformat(str(last[0]))
            at = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
        by = str(last[1] or "") if last is not None else ""
        out = Contents(counts[0], counts[1], counts[2], counts[3], at, by)
    except Exception:  # (sqlite3.Error, a copy of another program's file, UnsavedChangesError…)
        out = None
    _CONTENTS[key] = out
    return out


def database_id_of(path: Path) -> str:
    """The own id (``database.uuid``) of the Ketnoi database at ``path``, read now (a live file
    changes in its WAL, its own stat unchanged) without writing beside it; "" when it has none
    or cannot be read."""
    try:
        con, _read_only = reader(path)
        try:
            return _database_id(con)
        finally:
            con.close()
    except Exception:  # (not there, not a Ketnoi database, unreadable: the restore says so itself)
        return ""


def _database_id(con: sqlite3.Connection) -> str:
    found = con.execute("SELECT value FROM setting WHERE key = 'database.uuid'").fetchone()
    return str(found[0]) if found is not None else ""


_STATES: dict[tuple[Path, int, int], tuple[str, int] | None] = {}


def _state(path: Path) -> tuple[str, int] | None:
    """What a copy holds, in two numbers read at once: its database's id and its last change's
    (every write records one; a restore lifts versions but writes none). None if unreadable:
    such a copy is never taken for another's duplicate."""
    try:
        found = path.stat()
    except OSError:
        return None
    key = (path, found.st_mtime_ns, found.st_size)
    if key not in _STATES:
        state = None
        try:
            con, _read_only = reader(path)
            try:
                uuid = _database_id(con)
                last = con.execute("SELECT max(id) FROM change").fetchone()
            finally:
                con.close()
            if uuid and last is not None:
                state = (uuid, int(last[0] or 0))  # (0: no change yet)
        except Exception:  # (sqlite3.Error, UnsavedChangesError…: unreadable, kept as unique)
            state = None
        _STATES[key] = state
    return _STATES[key]


def sqlite_file_of(target: Engine | Session | Path | str) -> Path | None:
    """The SQLite file behind an engine, a session, a URL or a path (None for a server)."""
    if isinstance(target, Path):
        return target
    if isinstance(target, Session):
        target = target.get_bind()  # type: ignore[assignment]
    url = str(target.url) if isinstance(target, Engine) else str(target)
    return sqlite_path(url) if "://" in url else Path(url)


def folder_for(db_file: Path) -> Path:
    return db_file.with_name(f"{db_file.stem}-backups")


def folder_writable(db_file: Path) -> bool:
    """Whether a copy can go into ``db_file``'s backups folder: it is writable, or can be made
    (a file in a read-only folder, on a share or a read-only medium: not)."""
    from db.paths import writable_folder

    folder = folder_for(db_file)
    return writable_folder(folder if folder.is_dir() else folder.parent)


def _private(path: Path, mode: int) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            path.chmod(mode)


def _private_file(path: Path) -> None:
    """Create ``path`` empty, readable by its owner only (0600 where modes exist), for a copy
    to be written into: never readable by others, not even while it is written."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def reader(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection that only reads ``path``, and whether Ketnoi may not write it where it lies
    (:func:`db.migrate.read_only_problem`): then as :mod:`db.read_only` chooses, which creates
    nothing beside it (``mode=ro`` alone must make the -shm of a WAL file: "unable to open
    database file" in a read-only folder; raises its ``UnsavedChangesError`` when no way reads
    it correctly), else ``mode=ro``."""
    from db.migrate import read_only_problem

    if read_only_problem(path) is not None:
        from db.read_only import connect

        return connect(path), True
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30), False


def copy(src_file: Path, dst_file: Path, *, standalone: bool = True) -> None:
    """An online, consistent copy of ``src_file`` (SQLite's backup API, in one step).

    A ``standalone`` copy (a backup) is switched out of WAL mode, so that opening it later
    leaves no -wal/-shm files beside it; a copy into the live database keeps its mode.

    A source Ketnoi may not write where it lies (a read-only folder, file or medium:
    :func:`db.migrate.read_only_problem`) is read as :mod:`db.read_only` chooses, which creates
    nothing beside it (``mode=ro`` alone needs the -shm file made there: "unable to open
    database file"); its copy is then checked (``quick_check``), since a colleague's checkpoint
    during an ``immutable`` read can tear it. Its schema is not looked at: the copy is the file
    as it is, and an older schema is upgraded when the copy is opened."""
    src, read_only = reader(src_file)
    try:
        dst = sqlite3.connect(str(dst_file), timeout=30)
        try:
            src.backup(dst)
            if standalone:
                dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    if read_only and (problem := check_file(dst_file, quick=True)) is not None:
        raise sqlite3.DatabaseError(
            f"the copy came out unsound ({problem}): the file changed while it was read; try again"
        )


def take(
    target: Engine | Session | Path | str,
    reason: str = "manual",
    *,
    to: Path | None = None,
    kept: Sequence[Path] = (),
) -> Path | None:
    """Copy the database now; returns the file written (None for a server or a missing file).

    ``to`` writes the copy there instead of the backups folder (``ketnoi backup FILE``);
    ``kept``: copies the rotation after it must not delete (:func:`prune`)."""
    db_file = sqlite_file_of(target)
    if db_file is None or not db_file.exists() or db_file.stat().st_size == 0:
        return None
    from db.migrate import DatabaseError  # db.migrate imports this module

    if to is None:
        try:
            to = _new_copy_path(db_file, reason)
        except OSError as exc:  # a read-only folder: no backups folder beside the file
            raise _said(
                f"Cannot back up {db_file}: {exc.strerror or exc} ({exc.filename})",
                f"Không sao lưu được {db_file}: {exc.strerror or exc} ({exc.filename})",
            ) from exc
    if not os.access(to.parent, os.W_OK | os.X_OK):  # SQLite would say "unable to open database file"
        denied = PermissionError(errno.EACCES, "read-only for you", str(to.parent))
        raise _said(
            f"Cannot back up {db_file}: the folder {to.parent} is read-only for you",
            f"Không sao lưu được {db_file}: thư mục {to.parent} chỉ cho phép bạn đọc",
        ) from denied
    # Written under a hidden temporary name, made private, then renamed in one step: a copy
    # cut short (the process killed, the disk full) is never listed, counted or offered as a
    # backup (reviewer: a kill -9 during `ketnoi backup` left a 132 MB half-copy with its
    # -journal, readable by all, listed as a backup and counted among those kept).
    part = to.with_name(f".{to.name}.part")
    try:
        _private_file(part)
        copy(db_file, part)
        os.replace(part, to)
    except BaseException as exc:
        # the half-copy goes whatever stopped it, Ctrl+C too (it stayed, hidden, until the
        # next backup: reviewer h100)
        for leftover in (part, part.with_name(part.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if not isinstance(exc, (sqlite3.Error, DatabaseError, OSError)):  # DatabaseError: db.read_only
            raise
        refused = disk_refused(exc)
        if refused is not None:
            doing = reason if reason.startswith("before-") else "backup"
            raise BackupDiskFull(to, doing, full=refused == "full") from exc
        if isinstance(exc, DatabaseError):
            said, said_vi = str(exc), str(getattr(exc, "vi", "") or "")
        elif isinstance(exc, OSError):
            why = f"{exc.strerror or exc} ({exc.filename or to})"
            said, said_vi = f"Cannot back up {db_file}: {why}", f"Không sao lưu được {db_file}: {why}"
        else:
            said, said_vi = f"Cannot back up {db_file}: {exc}", f"Không sao lưu được {db_file}: {exc}"
        raise _said(said, said_vi) from exc
    if to.parent == folder_for(db_file):
        prune(db_file, kept)
    return to


def before(target: Engine | Session, operation: str) -> Path | None:
    """The copy taken before a risky operation (``import``, ``merge``, ``bulk-delete``…)."""
    return take(target, f"before-{operation}")


def daily(target: Engine | Path | str) -> Path | None:
    """Today's copy, if none was taken today (the window calls it at start)."""
    db_file = sqlite_file_of(target)
    if db_file is None:
        return None
    today = clock.today()
    if any(b.at.date() == today and not b.damaged for b in listing(db_file)):
        return None
    return take(db_file, "daily")


def listing(db_file: Path) -> list[Backup]:
    """The backups of ``db_file``, newest first."""
    folder = folder_for(db_file)
    out: list[Backup] = []
    if not folder.is_dir():
        return out
    latest = clock.now() + AHEAD_TOLERANCE
    for path in folder.glob(f"{db_file.stem}-*.db"):
        match = _NAME.match(path.name)
        if match is None or match["stem"] != db_file.stem:
            continue
        try:
            at = dt.datetime.strptime(match["at"], "%Y%m%d-%H%M%S")
            found = path.stat()
        except (ValueError, OSError):  # no such time (another program's file), or gone meanwhile
            continue
        if at <= latest:
            out.append(Backup(path, at, match["reason"], found.st_size))
            continue
        written = clock.local_of_timestamp(found.st_mtime)
        placed = written if written <= latest else dt.datetime.min
        out.append(Backup(path, at, match["reason"], found.st_size, ahead=True, placed=placed))
    out.sort(key=lambda b: (b.placed or b.at, _second_n(b.path.name)), reverse=True)
    return out


def _second_n(name: str) -> int:
    """A copy's number within its second ("…-225158-2-before-restore.db" is the second one): the
    name alone sorted "-2-b…" below "-b…", the newer below the older (reviewer)."""
    match = _NAME.match(name)
    return int(match["n"]) if match is not None and match["n"] else 1


def latest_good(db_file: Path) -> Backup | None:
    """The newest backup that passes :func:`check_file` (damaged copies are passed over)."""
    return next((b for b in listing(db_file) if not b.damaged and check_file(b.path) is None), None)


def prune(db_file: Path, kept: Sequence[Path] = ()) -> list[Path]:
    """Delete the copies the policy no longer keeps; returns what was deleted. A damaged file
    set aside by a restore is no copy: it is never deleted and takes no copy's place. ``kept``:
    copies kept whatever the policy says (the one a restore is putting back)."""
    listed = [b for b in listing(db_file) if not b.damaged]
    copies = [b for b in listed if not b.ahead]
    keep: set[Path] = {b.path for b in listed if b.ahead}  # taking no place (:attr:`Backup.ahead`)
    risky = [b for b in copies if b.reason.startswith("before-")]
    # Different states first: a copy holding what a newer one holds takes a place only when one
    # is left (reviewer: one copy restored ten times made ten identical before-restore copies,
    # and the only copy with a meeting logged in between was rotated away).
    states: set[tuple[str, int]] = set()
    newest_of_state, again = [], []
    for b in risky:
        state = _state(b.path)
        if state is not None and state in states:
            again.append(b)
            continue
        if state is not None:
            states.add(state)
        newest_of_state.append(b)
    kept_risky = newest_of_state[:RISKY_KEEP]
    kept_risky += again[: RISKY_KEEP - len(kept_risky)]
    keep.update(b.path for b in kept_risky)
    keep.update(b.path for b in copies if b.reason == "manual")
    keep.update(kept)
    days: dict[dt.date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    # Newest first: the newest automatic copy of each day and week stays. A copy the user asked
    # for is kept anyway and takes no day's or week's place (reviewer: "Back up now" at 14:15
    # pushed out the day's automatic copy of 14:12); nor does a copy taken before a risky step,
    # kept by its own count, unless its day or week has no other (reviewer: the copy taken before
    # a restore, the day's newest, took the day's place, and the daily copy just restored from
    # was deleted).
    regular = [b for b in copies if b.reason != "manual" and not b.reason.startswith("before-")]
    for b in regular + risky:
        days.setdefault(b.at.date(), b.path)
        weeks.setdefault(b.at.isocalendar()[:2], b.path)
    keep.update(path for _day, path in sorted(days.items(), reverse=True)[:DAILY_KEEP])
    keep.update(path for _week, path in sorted(weeks.items(), reverse=True)[:WEEKLY_KEEP])
    gone: list[Path] = []
    stale = clock.utcnow().timestamp() - 3600  # a copy under way takes seconds, not an hour
    for part in folder_for(db_file).glob(f".{db_file.stem}-*.db.part*"):  # cut short (killed)
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < stale:
                part.unlink()
                gone.append(part)
    gone += clear_restore_leftovers(db_file)
    for b in copies:
        if b.path in keep:
            continue
        if b.reason == "before-restore" and check_file(b.path, quick=True) is not None:
            continue  # set aside damaged by an older Ketnoi (before DAMAGED was its name): kept
        with contextlib.suppress(OSError):
            b.path.unlink()
            gone.append(b.path)
    return gone


RESTORE_LEFTOVER_S = 600
"""A restore's prepared copy (``.NAME.restoring``) older than this is one a killed restore left:
a restore under way copies into the database within seconds of writing it."""


def clear_restore_leftovers(db_file: Path) -> list[Path]:
    """Delete the prepared copy (and its journal) a restore killed midway left beside
    ``db_file`` — a full copy of the backup, hidden, which nothing else removes (reviewer:
    ``kill -9`` during ``ketnoi restore`` left ``.rs.db.restoring``, 26 MB). Done at every
    opening of the database (db.migrate.open_database) and by :func:`prune`; returns what went."""
    gone: list[Path] = []
    stale = time.time() - RESTORE_LEFTOVER_S  # noqa: TID251 (file times are the system's, not db.clock's)
    prepared = db_file.with_name(f".{db_file.name}.restoring")
    for leftover in (prepared, prepared.with_name(prepared.name + "-journal")):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < stale:
                leftover.unlink()
                gone.append(leftover)
    return gone


def check_file(path: Path, *, quick: bool = False) -> str | None:
    """Why ``path`` is not a sound SQLite database (None when it is). ``quick``: ``PRAGMA
    quick_check``, which reads every page but skips comparing indexes with their tables
    (0.17 s instead of 1.3-1.5 s on a 114 MB file of 100,000 contacts)."""
    if not path.is_file():
        from db.paths import not_ordinary

        if not_ordinary(path):  # a pipe or a device: opening it could wait for ever
            return f"{path} is not an ordinary file (a pipe, a device or a socket)"
        return f"{path} is a folder" if path.is_dir() else f"{path} does not exist"
    if path.stat().st_size == 0:
        return f"{path} is empty (0 bytes)"
    from db.migrate import DatabaseError

    try:
        con, _read_only = reader(path)  # a backup on a read-only medium too
        try:
            pragma = "quick_check" if quick else "integrity_check"
            result = [" ".join(str(row[0]).split()) for row in con.execute(f"PRAGMA {pragma}(5)")]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"{path} is not a readable database ({exc})"
    except DatabaseError as exc:  # db.read_only: a log it cannot read without writing beside it
        return str(exc)
    if result != ["ok"]:
        found = [r.replace("*** in database main ***", "").strip() for r in result]
        return f"{path} is damaged ({'; '.join(f for f in found[:2] if f)})"
    return None


def file_problem_vi(problem: str, path: Path) -> str:
    """What :func:`check_file` says of ``path`` in Vietnamese: each of its sentences (reviewer:
    "Chưa khôi phục: … is not a readable database (file is not a database)"); what SQLite says
    in the brackets stays in its words."""
    fixed = {
        f"{path} does not exist": f"{path} không tồn tại",
        f"{path} is a folder": f"{path} là một thư mục",
        f"{path} is empty (0 bytes)": f"{path} trống (0 byte)",
        f"{path} is not an ordinary file (a pipe, a device or a socket)": (
            f"{path} không phải tệp thông thường (mà là pipe, thiết bị hoặc socket)"
        ),
    }
    if problem in fixed:
        return fixed[problem]
    framed = {  # "{path} … (what SQLite said)"
        f"{path} is not a readable database (": f"{path} không phải cơ sở dữ liệu đọc được (",
        f"{path} is damaged (": f"{path} bị hỏng (",
        f"{path} cannot be read (": f"{path} không đọc được (",
    }
    for en, vi in framed.items():
        if problem.startswith(en) and problem.endswith(")"):
            return vi + problem[len(en) :]
    return problem


def restore(db_file: Path, backup_file: Path) -> Path | None:
    """Put ``backup_file`` in the place of ``db_file`` after checking it; the database it
    replaces is backed up first (returned). The caller checks the schema (db.migrate).

    The copy of what is replaced and the copy of the backup into the live file are taken under
    one hold of the database's write lock (:func:`_copy_in_locked`): a save from another window
    or process either was committed before, and is in the ``before-restore`` copy, or waits and
    is written into the restored database — or, waiting longer than a write waits, is refused
    as busy in words; it is never lost between the two copies.

    Every record's version is moved above the highest one the replaced database held, and so
    are the versions of records created later (:func:`_mark_restored`): a form or a
    ``--if-version`` edit opened before the restore cannot save onto the record that has its
    id in the restored database; it is refused as a conflict (app.records.update), which names
    the restore (:data:`RESTORED_KEY`).

    A damaged database (:func:`check_file`) is not copied page by page but set aside as its
    bytes are, named as :data:`DAMAGED`, and the backup put in its place as a whole file."""
    named = _NAME.match(backup_file.name)
    if named is not None and named["reason"] == DAMAGED:
        raise _said(
            f"Not restoring: {backup_file} is a damaged database set aside by a restore; "
            "it is kept for recovery, not for restoring",
            f"Chưa khôi phục: {backup_file} là cơ sở dữ liệu hỏng được một lần khôi phục để riêng ra; "
            "tệp được giữ để cứu dữ liệu, không phải để khôi phục",
        )
    problem = check_file(backup_file)
    if problem:
        raise _said(f"Not restoring: {problem}", f"Chưa khôi phục: {file_problem_vi(problem, backup_file)}")
    damaged = db_file.exists() and db_file.stat().st_size > 0 and check_file(db_file, quick=True) is not None
    prepared = db_file.with_name(f".{db_file.name}.restoring")
    saved: Path | None = None
    try:
        if not damaged and db_file.exists():
            try:
                saved = _restore_in_place(db_file, backup_file, prepared)
            except _NoSafetyCopy:  # unreadable after all (it changed meanwhile): keep its bytes
                damaged = True
        if damaged or not db_file.exists():
            saved = _set_aside(db_file) if damaged else None
            _prepare(backup_file, prepared, _highest_known(db_file), backup_file.name)
            _replace_whole(prepared, db_file)
    except (sqlite3.Error, OSError) as exc:
        refused = disk_refused(exc)
        if refused is not None:  # a copy of the backup, or of the database, its disk would not take
            raise BackupDiskFull(db_file, "restore", full=refused == "full") from exc
        raise _said(
            f"Cannot restore into {db_file}: {exc}", f"Không khôi phục được vào {db_file}: {exc}"
        ) from exc
    finally:
        for leftover in (prepared, prepared.with_name(prepared.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    _private(db_file, 0o600)
    return saved


RESTORED_KEY = "database.restored"
"""Setting: the last restore of this database — ``{"at": local ISO time, "from": the backup's
file name, "versions_above": n, "last_change": c}``; every record's version is above ``n`` since
(app.records names the restore when a save that started from a version up to ``n`` is refused),
and history rows up to ``c`` came with the backup: Undo does not reach back past them (app.undo)."""

_VERSION_TRIGGER = "ketnoi_restored_{table}_version"
RESTORED_TRIGGERS = "ketnoi_restored_%_version"  # (LIKE) a restored file's version triggers
_RESTORE_TRIES = 3
_STEP_PAGES = 64  # pages per step of the copy into the live file; its first step takes the write lock


class _NoSafetyCopy(Exception):
    """The copy of the database about to be replaced failed; nothing was replaced."""


class _Moved(Exception):
    """A save raised a version above the one the prepared copy was lifted over; nothing replaced."""


def _versioned_tables(con: sqlite3.Connection) -> list[str]:
    names = [
        str(r[0])
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
    ]
    return [t for t in names if any(c[1] == "version" for c in con.execute(f'PRAGMA table_info("{t}")'))]


def highest_version(db_file: Path) -> int:
    """The highest record version ``db_file`` holds (0 for none)."""
    con, _read_only = reader(db_file)
    try:
        found = [con.execute(f'SELECT max(version) FROM "{t}"').fetchone()[0] for t in _versioned_tables(con)]
    finally:
        con.close()
    return max((int(v) for v in found if v is not None), default=0)


def _highest_known(db_file: Path) -> int:
    """:func:`highest_version` of a database that may be damaged or missing: else the highest
    of its backups (the newest of them was taken moments before the operation that broke it)."""
    from db.migrate import DatabaseError

    with contextlib.suppress(sqlite3.Error, DatabaseError, OSError):
        if db_file.is_file() and db_file.stat().st_size > 0:
            return highest_version(db_file)
    found = [0]
    for b in listing(db_file):
        with contextlib.suppress(sqlite3.Error, DatabaseError, OSError):
            found.append(highest_version(b.path))
    return max(found)


def _prepare(backup_file: Path, prepared: Path, floor: int, source: str) -> None:
    """``prepared``: a private copy of ``backup_file``, marked restored over ``floor``."""
    _private_file(prepared)
    copy(backup_file, prepared)
    con = sqlite3.connect(str(prepared))
    try:
        _mark_restored(con, floor, source)
        con.commit()
    finally:
        con.close()


def _mark_restored(con: sqlite3.Connection, floor: int, source: str) -> None:
    """Move every record's version above ``floor`` (the highest the replaced database held), and
    the version of every record created from now on too (a row trigger: a new record takes the
    id after the restored file's last, an id a record of the replaced database may have had).
    Each version is then one no one could have seen before the restore, so a save that started
    from one is refused. The trigger has the shape :mod:`db.bulkwrite` catches up in one
    statement for a large insert."""
    for table in _versioned_tables(con):
        con.execute(f'UPDATE "{table}" SET version = version + ?', (floor,))
        con.execute(f'DROP TRIGGER IF EXISTS "{_VERSION_TRIGGER.format(table=table)}"')
    _lift_new_records(con, floor)
    if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'setting'").fetchone():
        marker = {
            "at": clock.now().isoformat(timespec="seconds"),
            "from": source,
            "versions_above": floor,
            "last_change": _last_change(con),
        }
        con.execute("DELETE FROM setting WHERE key = ?", (RESTORED_KEY,))
        con.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (RESTORED_KEY, json.dumps(marker)))


def _last_change(con: sqlite3.Connection) -> int:
    """The last history row the restored file holds: what it records up to there happened to
    the database as the backup was, before the restore (app.undo does not reach back past it)."""
    if not con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change'").fetchone():
        return 0
    return int(con.execute("SELECT coalesce(max(id), 0) FROM change").fetchone()[0])


def _lift_new_records(con: sqlite3.Connection, floor: int) -> None:
    """The row triggers that give a record created from now on a version above ``floor``."""
    for table in _versioned_tables(con):
        con.execute(
            f"CREATE TRIGGER IF NOT EXISTS {_VERSION_TRIGGER.format(table=table)} AFTER INSERT ON {table} "
            f"WHEN new.version <= {int(floor)} "
            f"BEGIN UPDATE {table} SET version = new.version + {int(floor)} WHERE id = new.id; END"
        )


def keep_versions_lifted(con: sqlite3.Connection) -> None:
    """After a schema upgrade of a restored database (db.migrate.upgrade, in its transaction):
    a table the upgrade made, or made anew (SQLite alters a table by copying it), gets back the
    trigger of :func:`_mark_restored`, so its new records too take versions above the restore's."""
    try:
        row = con.execute("SELECT value FROM setting WHERE key = ?", (RESTORED_KEY,)).fetchone()
    except sqlite3.Error:  # no setting table
        return
    marker = json.loads(row[0]) if row is not None and row[0] else None
    if isinstance(marker, dict) and isinstance(marker.get("versions_above"), int):
        _lift_new_records(con, marker["versions_above"])


def _restore_in_place(db_file: Path, backup_file: Path, prepared: Path) -> Path | None:
    """Copy ``backup_file`` into the live ``db_file`` page by page, its records' versions lifted
    over the live ones, with the copy of what it replaces taken under the same write lock."""
    for _attempt in range(_RESTORE_TRIES):
        floor = highest_version(db_file)
        _prepare(backup_file, prepared, floor, backup_file.name)
        try:
            return _copy_in_locked(prepared, db_file, floor, backup_file)
        except _Moved:  # a save came in before the lock was taken: lift over it, again
            continue
    raise BackupError(
        f"Not restored: {db_file} kept changing while the restore began; nothing was changed, try again"
    )


def _copy_in_locked(prepared: Path, db_file: Path, floor: int, source: Path) -> Path | None:
    """SQLite's backup API from ``prepared`` into the live ``db_file``: its first step takes
    the write lock of ``db_file`` and holds it, its pages uncommitted, until the last step
    commits them all. Between the first and the second step — no one else can write, readers
    still read what was committed — the ``before-restore`` copy is taken (returned). A lock
    held elsewhere for longer than a save waits: :class:`BackupError`, nothing changed."""
    from db.engine import BUSY_TIMEOUT_S

    saved: list[Path | None] = []
    started = time.monotonic()

    def step(status: int, _remaining: int, _total: int) -> None:
        if saved:
            return
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            if time.monotonic() - started > BUSY_TIMEOUT_S:
                raise BackupError(
                    f"Not restored: another program or Ketnoi window is holding the database "
                    f"{db_file} (waited {BUSY_TIMEOUT_S:.0f} s). Nothing was changed; try again in a moment"
                )
            return
        # The write lock is held: what is committed now is all the replaced database will hold.
        if highest_version(db_file) > floor:
            raise _Moved
        try:
            # (the copy being restored stays, whatever the rotation says: the user may want it
            # again after more work; reviewer: the day's one daily copy, restored, was deleted)
            saved.append(take(db_file, "before-restore", kept=(source,)))
        except BackupError as exc:
            raise _NoSafetyCopy(str(exc)) from exc

    src = sqlite3.connect(str(prepared))
    try:
        pages = int(src.execute("PRAGMA page_count").fetchone()[0])
        dst = sqlite3.connect(str(db_file), timeout=BUSY_TIMEOUT_S)
        try:
            src.backup(dst, pages=max(1, min(_STEP_PAGES, pages - 1)), progress=step)
        finally:
            dst.close()
    finally:
        src.close()
    return saved[0] if saved else None


def _new_copy_path(db_file: Path, reason: str) -> Path:
    """A free name in ``db_file``'s backups folder (created, private) for a copy taken now."""
    folder = folder_for(db_file)
    folder.mkdir(parents=True, exist_ok=True)
    _private(folder, 0o700)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    to = folder / f"{db_file.stem}-{stamp}-{reason}.db"
    n = 1
    while to.exists():  # two in one second (a merge right after an import)
        n += 1
        to = folder / f"{db_file.stem}-{stamp}-{n}-{reason}.db"
    return to


def _set_aside(db_file: Path) -> Path:
    """A byte-for-byte copy of a damaged database, in its backups folder (never pruned)."""
    to = _new_copy_path(db_file, DAMAGED)
    shutil.copyfile(db_file, to)
    for suffix in ("-wal", "-journal"):
        journal = db_file.with_name(db_file.name + suffix)
        if journal.exists():
            shutil.copyfile(journal, to.with_name(to.name + suffix))
    _private(to, 0o600)
    return to


def _replace_whole(prepared: Path, db_file: Path) -> None:
    """Put ``prepared`` (a private copy of the backup, :func:`_prepare`) in place of ``db_file``
    in one rename; the damaged file's journal files go (they belong to the damaged pages and
    were set aside with them)."""
    for suffix in ("-wal", "-shm", "-journal"):
        db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)
    os.replace(prepared, db_file)


def pg_dump(url: str, target: Path) -> Path:
    """A ``pg_dump -Fc`` of the PostgreSQL database at ``url`` into ``target`` (0600).

    pg_dump finds the password where Ketnoi's own connections do (:func:`db.engine.passfile_for`:
    Ketnoi's password file when it holds this login, else libpq's ``PGPASSFILE`` or
    ``~/.pgpass``), never asks for one, and runs in the C locale: under a locale this computer
    lacks, the pg_dump wrapper's "perl: warning: Setting locale failed." came first on its
    stderr and was all the person read of why the copy failed (reviewer h107). A failure is said
    in English and Vietnamese (``vi``) with pg_dump's own reason."""
    from sqlalchemy.engine import make_url

    from db.engine import libpq_conninfo

    tool = shutil.which("pg_dump")
    if tool is None:
        raise _said(
            "pg_dump is not installed here: install the PostgreSQL client tools, or rely on the "
            "server's own backups",
            "chưa cài pg_dump trên máy này: hãy cài bộ công cụ máy khách PostgreSQL, hoặc dựa vào "
            "các bản sao lưu của máy chủ",
        )
    u = make_url(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    env["LC_ALL"] = "C"  # (exists everywhere; pg_dump speaks no Vietnamese anyway)
    if u.password:
        env["PGPASSWORD"] = str(u.password)  # (not in the arguments, which any user can list)
    # the URL whole (sslmode and the rest), without its password; --enable-row-security: on a
    # team database (db/team.py) the dump holds what this login may see; without it pg_dump
    # refuses any table with row-level security
    conninfo = libpq_conninfo(u.set(password=None))
    args = [tool, "-Fc", "-f", str(target), "--no-owner", "--enable-row-security", "--no-password"]
    args += ["--dbname", conninfo]
    try:
        done = subprocess.run(
            args, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=3600, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise _said(
            f"pg_dump did not run: {exc}", "pg_dump chạy quá 60 phút nên đã bị dừng; chưa có bản sao nào"
        ) from exc
    except OSError as exc:
        raise _said(
            f"pg_dump did not run: {exc}", f"pg_dump không chạy được. {_quoted_vi('system', str(exc))}"
        ) from exc
    if done.returncode != 0:
        with contextlib.suppress(OSError):
            target.unlink()
        said = pg_dump_reason(done.stderr.decode("utf-8", "replace"))
        en = f"pg_dump failed: {said or f'exit status {done.returncode}'}"
        raise _said(en, pg_dump_failed_vi(said, done.returncode)) from _unreachable(url)
    _private(target, 0o600)
    return target


_REASONS_VI: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r'database "(?P<name>[^"]*)" does not exist'), 'cơ sở dữ liệu "{name}" không tồn tại'),
    (
        re.compile(r'could not open output file "(?P<name>[^"]*)": No such file or directory'),
        'không mở được tệp "{name}" để ghi: thư mục của nó không còn (ổ USB đã rút ra, hay thư mục đã bị '
        "xoá hoặc đổi tên?)",
    ),
    (
        re.compile(r'could not open output file "(?P<name>[^"]*)": Permission denied'),
        'không có quyền ghi tệp "{name}": hãy chọn một thư mục khác',
    ),
    (re.compile(r"No space left on device"), "ổ đĩa đã đầy: hãy giải phóng chỗ trống hoặc chọn ổ khác"),
    (
        re.compile(r'password authentication failed for user "(?P<name>[^"]*)"'),
        'máy chủ không nhận mật khẩu của tài khoản "{name}"',
    ),
    (
        re.compile(r"no password supplied|fe_sendauth"),
        "máy chủ đòi mật khẩu mà máy này chưa lưu mật khẩu cho tài khoản này",
    ),
    (
        re.compile(r"server version mismatch"),
        "pg_dump trên máy này cũ hơn máy chủ PostgreSQL: hãy cài pg_dump cùng phiên bản với máy chủ "
        "(hoặc mới hơn)",
    ),
    (
        re.compile(r"permission denied for (?:table|relation) (?P<name>\S+)"),
        "tài khoản này không có quyền đọc bảng {name}",
    ),
    (
        re.compile(r"permission denied for schema (?P<name>\S+)"),
        "tài khoản này không có quyền dùng lược đồ (schema) {name}",
    ),
)
"""pg_dump's reasons (in the C locale: English) that Ketnoi can say in Vietnamese."""


def _quoted_vi(whose: str, said: str) -> str:
    """``said``, a tool's own English message, framed in Vietnamese as that tool's words."""
    who = "của pg_dump" if whose == "pg_dump" else "của hệ thống"
    return f"Thông báo gốc {who} (tiếng Anh): “{said}”"


def pg_dump_failed_vi(said: str, status: int) -> str:
    """The Vietnamese of "pg_dump failed: …": its reason in Vietnamese where Ketnoi knows it,
    then pg_dump's own words, set apart as its English message (they were run into the
    Vietnamese sentence as if they were Vietnamese: "pg_dump không tạo được bản sao:
    permission denied for table organisation")."""
    if not said:
        return f"pg_dump không tạo được bản sao (mã thoát {status})"
    for pattern, vi in _REASONS_VI:
        found = pattern.search(said)
        if found is not None:
            return f"pg_dump không tạo được bản sao: {vi.format(**found.groupdict())}. {_quoted_vi('pg_dump', said)}"
    return f"pg_dump không tạo được bản sao. {_quoted_vi('pg_dump', said)}"


_NOT_PG_DUMP = ("perl: warning:", "LANGUAGE =", "LC_ALL =", "LC_", "LANG =", "are supported and installed")


def pg_dump_reason(stderr: str) -> str:
    """Why pg_dump failed, from its stderr: its ``error:`` line, else its first line that is not
    a wrapper's locale warning."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("pg_dump: error:"):
            return line.removeprefix("pg_dump: error:").strip()
    rest = [line for line in lines if not line.startswith(_NOT_PG_DUMP)]
    return rest[0] if rest else ""


def _unreachable(url: str) -> BaseException | None:
    """After pg_dump failed: the driver's own error when the server cannot be reached (the
    network gone, the server stopped), else None. Raised as the failure's cause, it lets the
    window and the CLI say their one sentence (db.engine.server_unreachable) instead of
    pg_dump's English "connection to server … failed" (reviewer h40)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from db.engine import server_unreachable

    probe = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 10})
    try:
        with probe.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # what the driver says decides; anything else: pg_dump's words
        return exc if server_unreachable(exc) else None
    finally:
        probe.dispose()
    return None
