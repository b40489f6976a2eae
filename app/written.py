"""Why a file the person chose could not be written, in words: one error for every writer of a
chosen file (``ketnoi export``, a brief's PDF, an attachment's "Save as…").

    try:
        tmp.write_bytes(data)
    except OSError as exc:
        raise not_written(exc, target) from exc   # NotWritten("read_only", target)
    check_folder(target)                          # NotWritten("no_folder", target) if it is missing

A :class:`NotWritten` is a code and the file chosen (never a ``.part`` beside it, never
Python's "[Errno 30]"): its own text is English, :meth:`NotWritten.text` words it in Vietnamese
for the CLI (``--lang vi``), and the window words the same codes with its ``tr()``
(``ui/not_written.py``, which a test keeps in step with :data:`TEMPLATES`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.errors import UserError

T = TypeVar("T")

# code: (English, Vietnamese); {name} is the file's name, {folder} its folder, {reason} the OS's words
TEMPLATES: dict[str, tuple[str, str]] = {
    "read_only": (
        "{name} was not written: the folder {folder} is read-only for you. Choose another folder.",
        "Chưa ghi được {name}: thư mục {folder} chỉ cho phép bạn đọc. Hãy chọn thư mục khác.",
    ),
    "no_permission": (
        "{name} was not written: you may not write to the folder {folder}. Choose another folder.",
        "Chưa ghi được {name}: bạn không có quyền ghi vào thư mục {folder}. Hãy chọn thư mục khác.",
    ),
    "file_read_only": (
        "{name} was not written: the file {name} in {folder} is read-only for you. Choose another name.",
        "Chưa ghi được {name}: tệp {name} trong thư mục {folder} chỉ cho phép bạn đọc. Hãy chọn tên khác.",
    ),
    "disk_full": (
        "{name} was not written: the disk of the folder {folder} is full. Free some space or choose "
        "another folder.",
        "Chưa ghi được {name}: ổ đĩa chứa thư mục {folder} đã đầy. Hãy giải phóng bớt dung lượng hoặc "
        "chọn thư mục khác.",
    ),
    "no_folder": (
        "{name} was not written: there is no folder {folder}.",
        "Chưa ghi được {name}: không có thư mục {folder}.",
    ),
    "other": (
        "{name} was not written to the folder {folder}: {reason}.",
        "Chưa ghi được {name} vào thư mục {folder}: {reason}.",
    ),
}


class NotWritten(UserError):
    """A chosen file was not written: ``code`` (a key of :data:`TEMPLATES`) says why, ``path`` is
    the file chosen, ``reason`` the OS's own words (only for ``other``)."""

    def __init__(self, code: str, path: Path, reason: str = "") -> None:
        if code not in TEMPLATES:
            raise KeyError(f"no wording for {code!r}")
        self.code = code
        self.path = Path(path)
        self.reason = reason
        super().__init__(self.text("en"))

    @property
    def params(self) -> dict[str, str]:
        return {"name": self.path.name, "folder": str(self.path.parent), "reason": self.reason}

    def text(self, lang: str = "en") -> str:
        return TEMPLATES[self.code][1 if lang == "vi" else 0].format(**self.params)


def not_written(exc: OSError, path: Path) -> NotWritten:
    """``exc``, raised while writing ``path`` (or a temporary file beside it), as why ``path``
    was not written."""
    path = Path(path)
    code = {
        errno.EROFS: "read_only",
        errno.EACCES: "no_permission",
        errno.EPERM: "no_permission",
        errno.ENOSPC: "disk_full",
        errno.EDQUOT: "disk_full",
        errno.ENOENT: "no_folder",
    }.get(exc.errno or 0, "other")
    if code == "no_permission" and path.is_file() and not os.access(path, os.W_OK):
        code = "file_read_only"  # the folder may be written; the file it would replace not
    if code == "no_folder" and path.parent.is_dir():
        code = "other"
    return NotWritten(code, path, "" if code != "other" else str(exc.strerror or exc))


def check_folder(path: Path) -> None:
    """Refuse a file in a folder that does not exist (a typo is not made into a folder tree), or
    that Ketnoi may not write (said before anything is made: a letter for action:ID was created
    and then its file refused)."""
    from db.paths import writable_folder

    if not Path(path).parent.is_dir():
        raise NotWritten("no_folder", Path(path))
    if not writable_folder(Path(path).parent):
        raise NotWritten("read_only", Path(path))


def write_whole(path: Path, make: Callable[[Path], T]) -> T:
    """Have ``make(part)`` write the file, which then takes ``path``'s place: written whole or
    not at all (``NAME.part`` beside it, renamed over it). A folder that is not there, or may not
    be written, is refused first (:func:`check_folder`); an OS error says why ``path`` (never the
    ``.part``) was not written. Returns what ``make`` returned.

    A ``path`` that is no ordinary file (/dev/null, a named pipe) is written into, never
    replaced: ``make`` writes a file in a temporary folder, copied in with one open. (Renamed
    over, /dev/null became a plain file of mode 0600 for the whole machine when run as root; and
    a pipe's reader ends at the first writer's close.)"""
    path = Path(path)
    check_folder(path)
    if path.exists() and not path.is_file() and not path.is_dir():
        try:
            with tempfile.TemporaryDirectory(prefix="ketnoi-") as folder:
                made = Path(folder) / path.name
                result = make(made)
                with made.open("rb") as src, path.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
        except OSError as exc:
            raise not_written(exc, path) from None
        return result
    part = path.with_name(path.name + ".part")
    try:
        result = make(part)
        part.replace(path)
    except OSError as exc:
        raise not_written(exc, path) from None
    finally:
        with contextlib.suppress(OSError):  # (a read-only folder refuses even a missing one's)
            part.unlink(missing_ok=True)
    return result
