"""A database names people and what was said to them: its file, its folder, its backups and
the settings file are readable by their owner alone (POSIX)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.cli import main
from db.migrate import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_its_folder_and_wal_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "fresh-data-dir"
    monkeypatch.setenv("KETNOI_DATA_DIR", str(data))
    monkeypatch.delenv("KETNOI_DATABASE_URL", raising=False)
    os.umask(0o022)
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert mode(data) == 0o700
    db = data / "ketnoi.db"
    assert mode(db) == 0o600
    for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        if extra.exists():
            assert mode(extra) & 0o077 == 0


def test_an_existing_world_readable_database_is_made_private_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    open_database(f"sqlite:///{db}").dispose()
    db.chmod(0o644)
    open_database(f"sqlite:///{db}").dispose()
    assert mode(db) == 0o600


def test_the_settings_file_is_private(qapp: object, tmp_path: Path) -> None:
    from ui.settings import Settings

    os.umask(0o022)
    settings = Settings(str(tmp_path / "ketnoi.ini"))
    settings.database_url = "postgresql://ketnoi@db.example.internal/ketnoi"
    assert mode(tmp_path / "ketnoi.ini") == 0o600
