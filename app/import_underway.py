"""Imports under way, as files a window holds locked while it writes (reviewer h32, finding 7:
a window killed during an import said nothing about it at the next start, g15.png).

An import is one transaction: killed, it wrote nothing. A window marks the import it starts
with a small file in Ketnoi's data folder, locked by the operating system (``flock``; Windows:
``LockFile``) for as long as the window lives, and removes it when the import ends. At the next
start a marker nobody holds is one whose window died; if no import of that file was made since
it began, nothing of it was written, and the window can say so. Reading it costs a folder listing
and one query."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlmodel import Session, col, select

from db import clock
from db import models as m
from db.migrate import try_lock, unlock
from db.paths import data_dir


@dataclass(frozen=True)
class Stopped:
    """An import whose window stopped before it finished; nothing of it was written."""

    file_name: str
    started: str  # local time, ISO


def _folder() -> Path:
    return data_dir() / "imports-under-way"


class UnderWay:
    """The marker of one import under way (:func:`begin`); :meth:`end` removes it."""

    def __init__(self, path: Path, fh: IO[bytes]) -> None:
        self.path, self._fh = path, fh

    def end(self) -> None:
        if self._fh.closed:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()  # (Windows: not while open; removed after closing below)
        unlock(self._fh)
        self._fh.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


def begin(db_file: Path, file_name: str) -> UnderWay | None:
    """Mark an import of ``file_name`` into the SQLite database ``db_file`` as under way (None:
    no marker could be made; the import goes on without one)."""
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{os.getpid()}-{os.urandom(4).hex()}.json"
        fh = open(path, "w+b")  # noqa: SIM115  (held, locked, until the import ends)
    except OSError:
        return None
    if not try_lock(fh):
        fh.close()
        return None
    started = clock.utcnow().isoformat()
    record = {
        "db": str(db_file),
        "file": file_name,
        "started_utc": started,
        "started": clock.now().isoformat(),
    }
    fh.seek(0, os.SEEK_END)  # (the byte Windows locks is the first: the record goes after it)
    fh.write(b" " + json.dumps(record, ensure_ascii=False).encode())
    fh.flush()
    return UnderWay(path, fh)


def stopped(session: Session, db_file: Path) -> list[Stopped]:
    """The imports into ``db_file`` whose window stopped (killed, a power cut) before they
    finished, and of which no import was made since they began: nothing of them was written.
    Their markers are removed; a marker still held (an import running in another window) stays."""
    out: list[Stopped] = []
    folder = _folder()
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.json")):
        try:
            fh = open(path, "r+b")  # noqa: SIM115
        except OSError:
            continue
        try:
            if not try_lock(fh):
                continue  # its window is alive: an import under way
            try:
                record = json.loads(fh.read().decode().strip() or "{}")
            except ValueError:
                record = {}
            if record.get("db") not in (None, str(db_file)):
                unlock(fh)
                continue  # another database's: told when that one is opened
            unlock(fh)
        finally:
            fh.close()
        with contextlib.suppress(OSError):
            path.unlink()
        name, began = str(record.get("file", "")), str(record.get("started_utc", ""))
        if not name or not began:
            continue
        made = session.execute(
            select(m.ImportBatch.id).where(
                col(m.ImportBatch.file_name) == name,
                col(m.ImportBatch.created_at) >= dt.datetime.fromisoformat(began),
            )
        ).first()
        if made is None:
            out.append(Stopped(name, str(record.get("started", began))))
    return out
