"""The one error class the database layer shares with the services: a failure to report in
one clear line. :class:`app.errors.UserError` is this class (re-exported there), so the CLI and
the window show these as they show every other user-facing error."""

from __future__ import annotations

import contextlib
import errno
import shutil
from pathlib import Path


class UserError(Exception):
    """A failure to report in one clear line (the CLI prints it; the UI shows it)."""


class NotPermitted(UserError):
    """The database refused a change to this login (a GRANT it lacks, or row-level security):
    a reader writing, an officer taking a record outside what they may see. ``login`` is the
    login refused; ``row_security`` tells a row-level security refusal (a confidential record)
    from a missing GRANT (a read-only role) — for the window to say it in the person's language."""

    def __init__(self, message: str, *, login: str = "", row_security: bool = False) -> None:
        self.login, self.row_security = login, row_security
        super().__init__(message)


class DatabaseBusy(UserError):
    """Another program or window held the database's write lock for longer than a write waits
    (SQLite's "database is locked"): nothing was saved. ``path`` is the file; ``waited_s`` how
    long this write waited."""

    def __init__(self, path: str, waited_s: float) -> None:
        self.path, self.waited_s = path, waited_s
        self.vi = (  # (the window's sentence, ui: "Chưa lưu: một chương trình khác …")
            f"Chưa lưu: một chương trình khác hoặc một cửa sổ Ketnoi khác đang giữ cơ sở dữ liệu {path} "
            f"(đã chờ {waited_s:.0f} giây). Chưa có gì được lưu: hãy thử lại sau giây lát"
        )
        super().__init__(
            f"Not saved: another program or Ketnoi window is holding the database {path} "
            f"(waited {waited_s:.0f} s). Nothing was saved; try again in a moment"
        )


class ReadOnlyFile(UserError):
    """A write to a database opened read-only (db.read_only): nothing was changed. ``why`` says
    why the file is read-only ("the folder … is read-only for you"); ``then``, what can be done
    instead, if anything ("ketnoi backup FILE writes a copy to FILE instead"). ``why_vi`` and
    ``then_vi``: the same in Vietnamese, for the command line's ``vi`` (without them, the
    Vietnamese names no reason)."""

    def __init__(self, path: str, why: str, *, then: str = "", why_vi: str = "", then_vi: str = "") -> None:
        self.path, self.why = path, why
        self.vi = (
            f"Chưa thay đổi gì: {path} đang được mở ở chế độ chỉ đọc{f' ({why_vi})' if why_vi else ''}. "
            "Để thay đổi, hãy sao chép tệp vào một thư mục bạn có quyền ghi rồi mở bản sao"
            f"{'; ' + then_vi if then_vi else ''}"
        )
        super().__init__(
            f"Not changed: {path} is open read-only ({why}). To change it, copy it to a folder "
            f"you can write and open the copy{'; ' + then if then else ''}"
        )


# What a write that the disk refused was doing (DiskFull.doing): a backup ("backup"), the backup
# before an operation ("before-import", "before-merge"…), or a save into the database ("database").
_OPERATIONS: dict[str, tuple[str, str]] = {
    "import": ("import", "nhập dữ liệu"),
    "merge": ("merge", "gộp"),
    "bulk-delete": ("deletion", "xoá"),
    "empty-trash": ("emptying of the trash", "dọn thùng rác"),
    "undo-import": ("undoing of the import", "hoàn tác lần nhập"),
    "restore": ("restore", "khôi phục"),
    "upgrade": ("upgrade of the database", "nâng cấp cơ sở dữ liệu"),
}
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SQLITE_FULL = 13
# SQLite's "disk I/O error" while writing: SQLITE_IOERR, _WRITE, _FSYNC, _TRUNCATE, _DIR_FSYNC
# (a file-size limit gives _WRITE; a failing or removed disk gives these too, so they are said as
# "could not be written", and as "full" only when the disk has little room left)
_SQLITE_WRITE_IOERRS = {10, 778, 1034, 1290, 1546}
_LITTLE_ROOM = 16 * 1024 * 1024


def disk_refused(exc: BaseException | None) -> str | None:
    """ "full" when ``exc`` (or the error it wraps: SQLAlchemy's ``orig``, a ``__cause__``) says
    the disk is full or a file may grow no more (ENOSPC, EDQUOT, EFBIG, SQLITE_FULL); "io" for
    SQLite's "disk I/O error" while writing; None for anything else."""
    seen: list[BaseException] = []
    while exc is not None and exc not in seen and len(seen) < 4:
        seen.append(exc)
        if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
            return "full"
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            if code & 0xFF == _SQLITE_FULL:
                return "full"
            if code in _SQLITE_WRITE_IOERRS:
                return "io"
        exc = getattr(exc, "orig", None) or exc.__cause__
    return None


class DiskFull(UserError):
    """A file Ketnoi was writing could not be written because its disk is full (or a file there
    may grow no more, or the disk refused the write: ``full`` False), so nothing was changed.
    ``doing`` is what the write was for (:data:`_OPERATIONS`' ``before-…``, ``backup``,
    ``restore``, ``database``), ``path`` the file (the database, or the backup copy). Its text is English;
    ``vi`` the same in Vietnamese (the CLI under a Vietnamese locale and the window show it)."""

    def __init__(self, path: str | Path, doing: str, *, full: bool = True) -> None:
        self.path, self.doing = Path(path), doing
        folder = self.path.parent
        if not full:  # "disk I/O error": full after all when the disk has little room left
            with contextlib.suppress(OSError):
                full = shutil.disk_usage(folder).free < _LITTLE_ROOM
        self.full = full
        if full:
            why = f"the disk holding the folder {folder} is full"
            why_vi = f"ổ đĩa chứa thư mục {folder} đã đầy"
        else:
            why = f"the disk holding the folder {folder} refused to write it (it may be full or failing)"
            why_vi = f"ổ đĩa chứa thư mục {folder} không cho ghi (có thể ổ đã đầy hoặc bị lỗi)"
        todo = "Free some space on that disk, then try again."
        todo_vi = "Hãy giải phóng bớt dung lượng trên ổ đĩa đó rồi thử lại."
        if doing == "database":
            text = f"Not saved: the database {self.path} could not be written: {why}. Nothing was changed. {todo}"
            self.vi = (
                f"Chưa lưu được: không ghi được vào cơ sở dữ liệu {self.path}: {why_vi}. "
                f"Dữ liệu không bị thay đổi. {todo_vi}"
            )
        elif doing == "restore":
            text = f"Not restored: {why}. Nothing was changed. {todo}"
            self.vi = f"Chưa khôi phục được: {why_vi}. Dữ liệu không bị thay đổi. {todo_vi}"
        elif doing.startswith("before-"):
            name = doing.removeprefix("before-")
            name = "upgrade" if name.startswith("upgrade") else name  # before-upgrade-<revision>
            op, op_vi = _OPERATIONS.get(name, (name, name))
            text = (
                f"Nothing was changed: the {op} was not started, because the backup Ketnoi makes "
                f"before it could not be written: {why}. {todo}"
            )
            self.vi = (
                f"Dữ liệu không bị thay đổi: Ketnoi chưa {op_vi} vì không ghi được bản sao lưu "
                f"cần tạo trước đó: {why_vi}. {todo_vi}"
            )
        else:
            text = f"No backup was made: {self.path.name} could not be written: {why}. Nothing was changed. {todo}"
            self.vi = (
                f"Chưa sao lưu được: không ghi được tệp {self.path.name}: {why_vi}. "
                f"Dữ liệu không bị thay đổi. {todo_vi}"
            )
        super().__init__(text)


class DatabaseMoved(UserError):
    """The SQLite file this process opened is no longer at its path (moved, renamed or deleted
    while open; another file may be there now): a write is refused, for SQLite would save it
    into a ``-wal`` left beside the old path, which no one opening the moved file reads.
    Nothing was saved. ``path`` is where the file was opened; ``vi``, the sentence in Vietnamese
    (the CLI under a Vietnamese locale)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.vi = (
            f"Chưa lưu: tệp cơ sở dữ liệu không còn ở {path} (tệp đã bị chuyển đi, đổi tên hoặc "
            "xoá trong khi Ketnoi đang mở). Không có gì được lưu; những gì đã lưu trước đó nằm "
            f"trong tệp, ở chỗ mới của nó. Hãy đặt tệp trở lại {path} rồi lưu lại, hoặc đóng "
            "Ketnoi và mở tệp ở chỗ mới"
        )
        super().__init__(
            f"Not saved: the database file is no longer at {path} (it was moved, renamed or "
            f"deleted while Ketnoi had it open). Nothing was saved; what was saved before is in "
            f"the file where it is now. Put the file back at {path} and save again, or close "
            "Ketnoi and open the file where it is now"
        )
