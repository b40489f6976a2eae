"""Where Ketnoi's database and files are, without importing SQLAlchemy.

The window shows its frame before SQLAlchemy and SQLModel are imported (they cost more than
three bare Qt windows: issue 11), so what it needs to say *which* database it is opening lives
here; :mod:`db.engine` re-exports all of it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import unquote, urlsplit

import platformdirs

ENV_VAR = "KETNOI_DATABASE_URL"
APP_NAME = "Ketnoi"


def data_dir() -> Path:
    """Where Ketnoi keeps its files for this user (created on demand)."""
    override = os.environ.get("KETNOI_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    if not path.exists():
        path.mkdir(parents=True, exist_ok=True)
        make_private(path)
    return path


def make_private(path: Path) -> None:
    """Readable by the user alone (POSIX): 0700 for a folder, 0600 for a file — a database
    holds years of an office's notes on people. Nothing happens elsewhere, or when the file
    is not ours to change."""
    if os.name != "posix":
        return
    try:
        mode = path.stat().st_mode & 0o777
        wanted = 0o700 if path.is_dir() else 0o600
        if mode & ~wanted:
            path.chmod(mode & wanted)
    except OSError:
        pass


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'ketnoi.db'}"


def resolve_url(path_or_url: str | None = None) -> str:
    """``--db`` value, else ``KETNOI_DATABASE_URL``, else the SQLite file in the data directory.

    A plain path (``k.db``, ``~/work/crm.db``) means a SQLite file; anything with ``://`` is a
    SQLAlchemy URL. ``postgresql://`` is given the psycopg 3 driver.
    """
    value = path_or_url or os.environ.get(ENV_VAR) or ""
    if not value:
        return default_url()
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith("postgresql://") or value.startswith("postgres://"):
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def short_name(url: str) -> str:
    """A short name for the database at ``url``, for a person: a SQLite file's name
    (``ketnoi.db``), else a server's database and host (``ketnoi (db.office.vn)``: no words of
    its own, it goes into translated sentences); never a password. ``db.engine.describe_url``
    gives the whole URL (with SQLAlchemy)."""
    scheme, _, rest = url.partition("://")
    if scheme.split("+", 1)[0] == "sqlite":
        return Path(unquote(rest.split("?", 1)[0])).name or url
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return url.split("://", 1)[0]
    name = unquote(parts.path.lstrip("/"))
    return f"{name} ({host})" if name and host else name or host or url.split("://", 1)[0]


def writable_folder(folder: Path) -> bool:
    """Whether Ketnoi may create files in ``folder``: permissions allow it and it is not on a
    file system mounted read-only (where ``os.access`` says yes to root)."""
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    try:
        return not os.statvfs(folder).f_flag & os.ST_RDONLY
    except (OSError, AttributeError):  # (no statvfs on Windows: the permissions said it)
        return True


def not_ordinary(path: Path | str) -> bool:
    """Whether ``path`` is there and is neither a folder nor an ordinary file: a named pipe, a
    device or a socket, whose reading can wait forever for a writer that never comes (reviewer: a
    FIFO chosen in the import wizard hung it, Cancel and all, and every command reading one waited
    until killed). Checked before a file is opened; a file that is not there is left to the
    reading to say."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def leftovers(path: Path) -> list[Path]:
    """The ``-wal`` and ``-shm`` files beside ``path`` when no file is at ``path`` ([] when it
    is there, or they are not): what a SQLite database moved, renamed or deleted while it was
    open leaves behind. Its last saves may be in the ``-wal`` alone; a new database made at
    ``path`` would take that ``-wal`` for its own and wipe it (reviewer: a contact saved after a
    move was lost so at the next start)."""
    if os.path.lexists(path):
        return []
    return [f for f in (Path(f"{path}-wal"), Path(f"{path}-shm")) if f.exists()]


def leftovers_refusal(path: Path, found: list[Path], *, vi: bool = False) -> str:
    """Why no database is made at ``path`` with ``found`` (:func:`leftovers`) beside it (in
    Vietnamese when ``vi``)."""
    names = " and ".join(f.name for f in found)
    sized = " and ".join(f"{f.name} ({size_text(f)})" for f in found)
    if vi:
        names, sized = names.replace(" and ", " và "), sized.replace(" and ", " và ")
        return (
            f"Không có cơ sở dữ liệu tại {path}, nhưng bên cạnh vẫn còn {sized}: trong đó có thể "
            "còn những thay đổi cuối cùng của một cơ sở dữ liệu đã bị chuyển đi, đổi tên hoặc xoá "
            "khi đang mở. Ketnoi không tạo cơ sở dữ liệu mới ở đó (việc này sẽ xoá mất các thay đổi "
            f"ấy). Hãy đặt tệp cơ sở dữ liệu trở lại {path}, hoặc mở tệp ở chỗ mới của nó; chỉ khi "
            f"chắc chắn không cần gì trong đó, hãy chuyển {names} đi chỗ khác trước"
        )
    return (
        f"No database at {path}, but {sized} {'are' if len(found) > 1 else 'is'} left beside it: "
        "the last changes of a database that was moved, renamed or deleted while open may be in "
        "them. Not creating a new database there (it would wipe them). Put the database file back "
        f"at {path}, or open it where it is now; only if you are sure nothing in them is needed, "
        f"move {names} away first"
    )


def size_text(f: Path) -> str:
    try:
        n = f.stat().st_size
    except OSError:
        return "?"
    return (
        f"{n:,} bytes" if n < 1024 else f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1048576:,.1f} MB"
    )
