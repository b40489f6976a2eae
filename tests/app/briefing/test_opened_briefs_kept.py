"""Briefs opened from the window are kept in Ketnoi's own folder of briefs (h129: they were in a
temporary folder removed on quit, while the window said where they were "saved"); only
Ketnoi's own brief files of more than 30 days ago are cleared from it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from app.briefing import opened
from db import clock


def _aged(path: Path, days: float) -> Path:
    path.write_bytes(b"%PDF-1.4")
    when = clock.utcnow().timestamp() - days * 86_400
    os.utime(path, (when, when))
    return path


def test_the_folder_is_in_ketnois_data_folder_and_private() -> None:
    folder = opened.opened_folder()
    assert folder.is_dir() and folder.parent == Path(os.environ["KETNOI_DATA_DIR"])
    if os.name == "posix":
        assert folder.stat().st_mode & 0o077 == 0


def test_only_ketnois_briefs_older_than_thirty_days_are_cleared(tmp_path: Path) -> None:
    old = _aged(tmp_path / "brief-genetica-2026-10-01.pdf", 31)
    border = _aged(tmp_path / "brief-nic-2026-10-25.pdf", 29.9)
    recent = _aged(tmp_path / "brief-digest-2026-11-01-2026-11-30-2026-12-01.pdf", 1)
    someone_elses = _aged(tmp_path / "bao-cao-quy-3.pdf", 400)
    not_a_pdf = _aged(tmp_path / "brief-notes.txt", 400)
    (tmp_path / "luu").mkdir()
    inside = _aged(tmp_path / "luu" / "brief-old-2025-01-01.pdf", 400)
    removed = opened.clear_old(tmp_path, clock.utcnow())
    assert removed == [old] and not old.exists()
    assert all(p.is_file() for p in (border, recent, someone_elses, not_a_pdf, inside))


def test_a_clock_set_back_clears_nothing_written_since(tmp_path: Path) -> None:
    recent = _aged(tmp_path / "brief-nic-2026-12-01.pdf", 0)
    assert opened.clear_old(tmp_path, clock.utcnow() - dt.timedelta(days=365)) == []
    assert recent.is_file()


def test_a_missing_folder_clears_nothing(tmp_path: Path) -> None:
    assert opened.clear_old(tmp_path / "none", clock.utcnow()) == []
