"""Shared fixtures: a fresh, migrated SQLite file per test; Qt runs headless; the clock pinned.

Every "now" and "today" of the app comes from ``db.clock``; each test starts with it pinned to
:data:`PINNED` (ticking on from there), so the suite answers the same on any date; ruff's banned-api
list (pyproject.toml) refuses any other reading of the system clock in the code and the tests.
``.ci/run`` proves it by running the tests again under ``faketime`` a year ahead — all but the
window's tests that run wholly in the test process (marked ``pinned_only`` here), where the
pinned clock is the only clock: those that start Ketnoi or Python in another process are in.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import uuid
from contextlib import closing

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy.engine import Engine

from db import clock
from db.migrate import open_database

# Property tests judge what the code returns, not how fast one example ran: on a loaded 2-core
# machine (CI beside other work) hypothesis' default 200 ms deadline failed correct code.
hypothesis_settings.register_profile("ketnoi", deadline=None)
hypothesis_settings.load_profile("ketnoi")

# A Monday morning; tests/app/lists/seed.py's TODAY is its day.
PINNED = dt.datetime(2026, 11, 23, 9, 0)


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    clock.set_fixed(PINNED)
    yield
    clock.reset()


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_main_thread() -> Iterator[None]:
    """Once a window's test made the QApplication, the collector is off for the whole worker
    process (ui.gui_gc: collected on the GUI thread only) and its timer runs only while an
    event loop does: what it would collect is collected after each test, here, on the main
    thread, so that the tests that spin no loop (the CLI's, the services') do not grow the
    worker without bound."""
    yield
    gui_gc = sys.modules.get("ui.gui_gc")  # (not imported by a test that never opens a window)
    if gui_gc is not None:
        gui_gc.collect_due()


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


@pytest.fixture(scope="session")
def _migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One new database made by the migrations, as ``open_database`` makes it (under the pinned
    clock), once per test process: running the 16 migrations took 0.5-2 s, and more than a
    thousand tests start from a new database."""
    path = tmp_path_factory.mktemp("migrated") / "ketnoi.db"
    clock.set_fixed(PINNED)
    try:
        open_database(f"sqlite:///{path}").dispose()
    finally:
        clock.reset()
    assert not Path(f"{path}-wal").exists(), "the migrated file must be whole in itself to be copied"
    return path


@pytest.fixture
def engine(db_path: Path, db_url: str, _migrated_file: Path) -> Iterator[Engine]:
    """A new database: a copy of :func:`_migrated_file` with a calendar uuid of its own (a new
    database draws one in migration 0007), opened as the app opens an existing file."""
    shutil.copyfile(_migrated_file, db_path)
    with closing(sqlite3.connect(db_path)) as con, con:
        new = json.dumps(str(uuid.uuid4()))  # (a JSON column)
        assert con.execute("UPDATE setting SET value = ? WHERE key = 'database.uuid'", (new,)).rowcount == 1
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


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """The name of a PostgreSQL database the migrations brought to the newest schema (as
    ``open_database`` makes it, under the pinned clock), once per test process, to be copied:
    creating the schema and taking it down again took seconds a test. Skipped without a server
    (:func:`tests.postgres.server_url`)."""
    from tests import postgres

    name = postgres.create()
    try:
        clock.set_fixed(PINNED)
        try:
            open_database(postgres.url_of(name)).dispose()
        finally:
            clock.reset()
        yield name
    finally:
        postgres.drop(name)


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    """A new PostgreSQL database of this test only, at the newest schema (a copy of
    :func:`pg_template`), dropped after the test; skipped without a server, except in CI, which
    must provide one (``KETNOI_TEST_POSTGRES_URL``)."""
    from tests import postgres

    with postgres.database(template=pg_template) as url:
        yield url


@pytest.fixture
def pg_empty_url() -> Iterator[str]:
    """A new, empty PostgreSQL database of this test only, dropped after it: for the tests of
    the migrations and of creating a database, which must run Alembic's real path."""
    from tests import postgres

    with postgres.database() as url:
        yield url


_SHARED_FILES: dict[str, bool] = {}


def _shares_the_machine(nodeid: str) -> bool:
    """Whether a test (by its node id) uses what every process of the machine shares: the mount
    table (:mod:`tests.read_only` bind-mounts a folder read-only when run as root). Not the
    PostgreSQL server: each test has a database of its own (:mod:`tests.postgres`), and the
    roles a test makes carry a prefix of its own (tests/db/test_team.py)."""
    path = nodeid.split("::", 1)[0]
    if path not in _SHARED_FILES:
        try:
            text = (Path(__file__).resolve().parent.parent / path).read_text(encoding="utf-8")
        except OSError:
            text = ""
        _SHARED_FILES[path] = "tests.read_only" in text
    return _SHARED_FILES[path]


_OTHER_PROCESS: dict[Path, bool] = {}


def _starts_a_process(path: Path) -> bool:
    """Whether a test file starts another process (Ketnoi's CLI, its window, Python), where
    the pinned clock does not reach: the system's date is read there."""
    if path not in _OTHER_PROCESS:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = "subprocess"
        _OTHER_PROCESS[path] = "subprocess" in text or "QProcess" in text or "multiprocessing" in text
    return _OTHER_PROCESS[path]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The window's tests that run wholly in the test process are marked ``pinned_only``."""
    ui = Path(__file__).resolve().parent / "ui"
    for item in items:
        path = Path(str(item.path)).resolve()
        if path.is_relative_to(ui) and not _starts_a_process(path):
            item.add_marker(pytest.mark.pinned_only)


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``python -m pytest -n auto`` (pytest-xdist): every test on any worker, except those that
    use what the machine shares (:func:`_shares_the_machine`: the mount table), which run one
    after another on one worker (one scope of xdist's scope scheduling)."""
    from xdist.scheduler import LoadScopeScheduling

    class SharedTogether(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            return "shared" if _shares_the_machine(nodeid) else nodeid

    return SharedTogether(config, log)
