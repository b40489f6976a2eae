"""Start-up does not pay for what it does not show (issue 11 item 4).

The window opens without Alembic (the schema version is one query against db.migrate's
HEAD_REVISION), reportlab (briefs), openpyxl (import/export) or the import pipeline: each loads
on first use. Checked in a fresh interpreter that really opens the window (offscreen) and quits
(KETNOI_QUIT_AFTER_MS), then lists what it imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app import demo
from db.migrate import open_database

ROOT = Path(__file__).resolve().parents[2]
NOT_AT_START = ("alembic", "reportlab", "openpyxl", "python_calamine", "app.importing", "app.briefing")


def _run(code: str, tmp_path: Path) -> list[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KETNOI_QUIT_AFTER_MS="200",
        KETNOI_DATA_DIR=str(tmp_path / "data"),
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.pop("KETNOI_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def _loaded(lines: list[str]) -> set[str]:
    return set(lines[-1].split())


def _heavy(loaded: set[str]) -> list[str]:
    return sorted(n for n in loaded if any(n == p or n.startswith(p + ".") for p in NOT_AT_START))


def test_the_window_opens_without_alembic_reportlab_or_openpyxl(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    demo.fill(engine)
    engine.dispose()
    code = (
        "import sys, ui.launcher\n"
        f"code = ui.launcher.main(['--db', {str(db)!r}])\n"
        "print('exit', code)\n"
        "print(*sorted(sys.modules))"
    )
    lines = _run(code, tmp_path)
    assert "exit 0" in lines
    loaded = _loaded(lines)
    assert "ui.main_window" in loaded and "PySide6.QtWidgets" in loaded  # the window did open
    assert _heavy(loaded) == []


def test_an_older_database_still_loads_alembic_to_upgrade(tmp_path: Path) -> None:
    """The guard above is not vacuous: the same start on a database one migration behind
    imports Alembic and upgrades it."""
    from alembic import command

    from db.migrate import HEAD_REVISION, alembic_config, stored_revision

    url = f"sqlite:///{tmp_path / 'old.db'}"
    open_database(url).dispose()
    command.downgrade(alembic_config(url), "-1")
    code = (
        "import sys\n"
        "from db.migrate import open_database, stored_revision\n"
        f"e = open_database({url!r})\n"
        "print(stored_revision(e))\n"
        "print(*sorted(sys.modules))"
    )
    lines = _run(code, tmp_path)
    assert lines[0] == HEAD_REVISION
    assert "alembic" in _loaded(lines)
    engine = open_database(url)
    assert stored_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_ketnoi_search_imports_no_alembic_reportlab_or_openpyxl(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    demo.fill(engine)
    engine.dispose()
    code = (
        "import sys, ui.launcher\n"
        f"code = ui.launcher.main(['search', 'nguyen', '--db', {str(db)!r}])\n"
        "print('exit', code)\n"
        "print(*sorted(sys.modules))"
    )
    lines = _run(code, tmp_path)
    assert "exit 0" in lines
    loaded = _loaded(lines)
    assert "app.search" in loaded
    assert _heavy(loaded) == []
    # and no other subcommand's module was imported to build the parser
    assert not any(n.endswith("_commands") or n.endswith(".commands") for n in loaded)
