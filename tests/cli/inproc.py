"""The command line run in this process (``app.cli.main``) with a locale and a time zone of its
own for the call, its output captured: a subprocess per command cost the wording tests minutes
on CI's two cores (each starts Python and imports the app again). The language and the zone are
read from the environment at each call (``app.language.cli_language``; ``time.tzset``), so this
says what a process started with that environment says. Tests about the process itself (the
console script, a locale set before Python starts, signals, the system clock under faketime)
keep starting one."""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest

from app.cli import main
from db import clock
from tests.conftest import PINNED

LOCALE_NAMES = ("LC_ALL", "LC_MESSAGES", "LANGUAGE")


def run_cli(
    db: Path | None, *args: str, lang: str = "en_GB.UTF-8", env: Mapping[str, str] | None = None
) -> SimpleNamespace:
    """``ketnoi ARGS --db DB`` under ``LANG=lang`` (and ``env``): ``returncode``, ``stdout``,
    ``stderr`` as a finished process has them."""
    argv = [*args, "--db", str(db)] if db is not None else list(args)
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        for name in LOCALE_NAMES:
            mp.delenv(name, raising=False)
        mp.setenv("LANG", lang)
        for name, value in (env or {}).items():
            mp.setenv(name, value)
        zone = "TZ" in (env or {})
        if zone:
            time.tzset()
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main(argv)
                except SystemExit as exc:  # (argparse refusing the arguments)
                    code = exc.code if isinstance(exc.code, int) else 1
        finally:
            if zone:
                mp.undo()
                time.tzset()
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


@contextmanager
def as_in_a_test(folder: Path) -> Iterator[None]:
    """What every test has, for a module's fixture (set up before the test's own fixtures): the
    clock pinned (tests/conftest.py) and a data folder of its own, not the user's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KETNOI_DATA_DIR", str(folder / "data"))
        mp.delenv("KETNOI_DATABASE_URL", raising=False)
        clock.set_fixed(PINNED)
        try:
            yield
        finally:
            clock.reset()


def demo_database(tmp_path_factory: pytest.TempPathFactory, lang: str = "en_GB.UTF-8") -> Path:
    """``ketnoi demo`` into a new file, as in a test (a module's fixture builds it once)."""
    path = tmp_path_factory.mktemp("demo") / "k.db"
    with as_in_a_test(path.parent):
        done = run_cli(path, "demo", lang=lang)
    assert done.returncode == 0, done.stderr
    return path


def copy_of(database: Path, folder: Path) -> Path:
    """A test's own copy of a module's database."""
    path = folder / database.name
    shutil.copy(database, path)
    return path


@contextmanager
def file_read_only(db: Path) -> Iterator[None]:
    """``db`` as an ordinary user sees a 0444 file: as root a chmod'ed file stays writable, so
    ``os.access`` (as db.migrate asks it) says no to writing that file; its folder stays writable."""
    real = os.access

    def access(path: object, mode: int, **kw: object) -> bool:
        if Path(str(path)) == db and mode & os.W_OK:
            return False
        return real(path, mode, **kw)  # type: ignore[arg-type]

    with mock.patch("db.migrate.os.access", access):
        yield
