"""The meeting being typed in Log meeting, kept on disk as it is typed (as a mail client keeps a
draft): after a crash, a power cut or a forced reboot the next Log meeting offers it back.

A draft is the user's own text and nothing else: it never writes to the database. It is a
small JSON file in the user's data folder, one per database (a draft typed against one file is
never offered in another), readable by the user alone, written atomically (a temporary file
beside it, flushed, then renamed over it: a crash leaves the old draft or the new one, never half
of one). Writes run on one worker thread, in the order asked, so the dialog never waits for the
disk and a removal asked after a write is never undone by that write finishing late.

Plain data in, plain data out: the dialog (ui.dialogs.log_meeting) says what it holds as a
dict of JSON values; this module does not know Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import clock
from db.paths import data_dir, make_private

FORMAT = 1  # the draft file's layout; another is ignored (never offered half-understood)
FOLDER = "drafts"


def draft_path(database: str, folder: Path | None = None) -> Path:
    """The draft file for the database known as ``database`` (its URL, password hidden)."""
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:20]
    return (folder or data_dir() / FOLDER) / f"meeting-{digest}.json"


@dataclass(frozen=True)
class Draft:
    """A draft read back: when it was last written (the clock's time) and what it holds."""

    written_at: dt.datetime
    fields: dict[str, Any]


def write(path: Path, database: str, fields: dict[str, Any]) -> None:
    """``fields`` as the draft of ``database``, atomically, readable by the user alone."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        make_private(folder)
    body = {
        "format": FORMAT,
        "database": database,
        "written_at": clock.now().isoformat(timespec="seconds"),
        "fields": fields,
    }
    # mkstemp makes the file 0600 (POSIX) before a byte of the text is in it
    handle, temporary = tempfile.mkstemp(prefix=".meeting-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(body, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if os.name == "posix":  # the rename is kept across a power cut once the folder is synced
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def read(path: Path, database: str) -> Draft | None:
    """The draft kept at ``path`` for ``database``, or None (none, another database's, another
    format, or unreadable: a draft that cannot be read is not offered)."""
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if body.get("format") != FORMAT or body.get("database") != database:
            return None
        fields = body["fields"]
        if not isinstance(fields, dict):
            return None
        return Draft(dt.datetime.fromisoformat(body["written_at"]), fields)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


class DraftKeeper:
    """One dialog's draft: :meth:`keep` writes what is typed (off the calling thread, in order;
    the same text twice is written once), :meth:`drop` removes it (the meeting saved or
    discarded), :meth:`flush` waits for what was asked."""

    def __init__(self, database: str, folder: Path | None = None) -> None:
        self.database = database
        self.path = draft_path(database, folder)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="meeting-draft")
        self._last: str | None = None
        self._lock = threading.Lock()
        self._latest: Future[None] | None = None
        self.failed: BaseException | None = None  # the last write that could not be made

    def read(self) -> Draft | None:
        return read(self.path, self.database)

    def keep(self, fields: dict[str, Any]) -> bool:
        """Write ``fields`` unless they are what was written last; True when a write was asked."""
        text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
        with self._lock:
            if text == self._last:
                return False
            self._last = text
            self._latest = self._pool.submit(self._write, fields)
        return True

    def _write(self, fields: dict[str, Any]) -> None:
        try:
            write(self.path, self.database, fields)
            self.failed = None
        except OSError as exc:  # a full disk or a folder gone: the typing goes on, unkept
            self.failed = exc

    def drop(self) -> None:
        """No draft any more (saved or discarded): removed after any write still on its way."""
        with self._lock:
            self._last = None
            self._latest = self._pool.submit(remove, self.path)

    def forget_written(self) -> None:
        """The next :meth:`keep` writes even the same text (the file was removed elsewhere)."""
        with self._lock:
            self._last = None

    def flush(self, timeout: float | None = 5.0) -> None:
        with self._lock:
            latest = self._latest
        if latest is not None:
            latest.result(timeout=timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
