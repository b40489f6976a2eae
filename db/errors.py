"""The one error class the database layer shares with the services: a failure to report in
one clear line. :class:`app.errors.UserError` is this class (re-exported there), so the CLI and
the window show these as they show every other user-facing error."""

from __future__ import annotations


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
        super().__init__(
            f"Not saved: another program or Ketnoi window is holding the database {path} "
            f"(waited {waited_s:.0f} s). Nothing was saved; try again in a moment"
        )


class ReadOnlyFile(UserError):
    """A write to a database opened read-only (db.read_only): nothing was changed. ``why`` says
    why the file is read-only ("the folder … is read-only for you"); ``then``, what can be done
    instead, if anything ("ketnoi backup FILE writes a copy to FILE instead")."""

    def __init__(self, path: str, why: str, *, then: str = "") -> None:
        self.path, self.why = path, why
        super().__init__(
            f"Not changed: {path} is open read-only ({why}). To change it, copy it to a folder "
            f"you can write and open the copy{'; ' + then if then else ''}"
        )


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
