"""Shared fixtures: a fresh, migrated SQLite file per test; Qt runs headless."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from db.migrate import open_database


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user's data directory or database."""
    monkeypatch.setenv("KETNOI_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("KETNOI_DATABASE_URL", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ketnoi.db"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = open_database(db_url)
    yield eng
    eng.dispose()


@pytest.fixture(autouse=True)
def _forms_close_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form closed at a test's end would otherwise wait for "Discard what you typed?"."""
    try:
        import ui.widgets
    except ImportError:  # no Qt here: only the non-UI tests can run
        return
    monkeypatch.setattr(ui.widgets, "confirm_discard", lambda *_a, **_k: True)
