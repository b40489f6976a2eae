"""Where the window's "Open" writes a brief: Ketnoi's own folder of briefs, kept after Ketnoi
closes.

A brief opened used to go to a temporary folder removed when Ketnoi quit, while the window said
where it was "saved" (reviewer h129: on a machine with no PDF viewer, "Tệp đã được lưu trong thư
mục: /tmp/ketnoi-briefs-o9r8uehd", gone after Ctrl+Q; a viewer still showing it could not save
it either). Now it is written to ``briefs/`` in Ketnoi's data folder, readable by the user
alone, as the database beside it is; and what the window says stays true.

Old briefs are cleared with care, once a session before the first one is written
(:func:`clear_old`): only files Ketnoi names itself (``brief-….pdf``, :func:`app.briefing.produce.
brief_file_name`) lying directly in that folder, and only those last written more than
:data:`KEEP_DAYS` days ago. Anything else put there — another name, a subfolder — is left alone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from db.engine import data_dir
from db.paths import make_private

FOLDER = "briefs"
KEEP_DAYS = 30


def opened_folder() -> Path:
    """Ketnoi's folder of briefs opened from the window (made, private, when missing)."""
    path = data_dir() / FOLDER
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True)
    make_private(path)
    return path


def is_ours(path: Path) -> bool:
    """A file named as Ketnoi names a brief it writes by itself."""
    name = path.name
    return name.startswith("brief-") and name.lower().endswith(".pdf")


def clear_old(folder: Path, now: dt.datetime, keep_days: int = KEEP_DAYS) -> list[Path]:
    """Remove from ``folder`` the briefs Ketnoi wrote there more than ``keep_days`` days before
    ``now`` (an aware instant: :func:`db.clock.utcnow`); returns those removed. A file that
    cannot be removed (open in a viewer on Windows) is left for the next time."""
    limit = (now - dt.timedelta(days=keep_days)).timestamp()
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        try:
            if not is_ours(path) or path.is_symlink() or not path.is_file():
                continue
            if path.stat().st_mtime >= limit:
                continue
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed
