"""The window's Settings → I am is the command line's too, on the same database. Reviewer:
marking an action done in the window was recorded "by Trần Quốc Bảo", and ``ketnoi action edit
11 --notes …`` a minute later "by root"; ``ketnoi whoami`` said "history names you as root".
Real subprocesses of ``ketnoi`` on the window's SQLite file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from app import records
from app.changes import Changes
from db.engine import unit_of_work


def _ketnoi(db: Path, *args: str, **env: str) -> Any:
    base = {k: v for k, v in os.environ.items() if k != "KETNOI_ACTOR"}
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *args, "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**base, **env},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_i_am_chosen_in_the_window_names_the_command_lines_changes(
    qtbot: Any, ctx: Any, ids: dict[str, Any], db_path: Path
) -> None:
    from app import team
    from ui.dialogs.settings import SettingsDialog

    login = team.login_name()
    assert _ketnoi(db_path, "whoami")["actor"] == login  # (none chosen in the database yet)
    dialog = SettingsDialog(ctx)
    dialog.staff.setCurrentIndex(dialog.staff.findData(ids["colleague"]))
    dialog.apply()
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert ctx.actor() == "Lê Văn Bình"
    assert _ketnoi(db_path, "whoami")["actor"] == "Lê Văn Bình"
    made = _ketnoi(db_path, "org", "add", "--name", "Viện Hòa Lạc", "--kind", "research-institute")
    with sqlite3.connect(db_path) as con:
        (actor,) = con.execute(
            "SELECT actor FROM change WHERE entity = 'organisation' AND entity_id = ? AND op = 'create'",
            (made["id"],),
        ).fetchone()
    assert actor == "Lê Văn Bình"
    # $KETNOI_ACTOR, said on purpose, still wins; "not chosen" goes back to the login name.
    assert _ketnoi(db_path, "whoami", KETNOI_ACTOR="Hà")["actor"] == "Hà"
    dialog = SettingsDialog(ctx)
    dialog.staff.setCurrentIndex(0)
    dialog.apply()
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert _ketnoi(db_path, "whoami")["actor"] == login


def test_i_am_chosen_on_one_database_names_no_one_on_another(
    qtbot: Any, ctx: Any, ids: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    """Reviewer: "I am: Trần Minh Quang" chosen on b.db; e.db opened, whose staff #1 is another
    person: the window greeted and recorded him. The choice is of the database it was made on."""
    from app import team
    from db.migrate import open_database
    from ui.context import AppContext
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)
    dialog.staff.setCurrentIndex(dialog.staff.findData(ids["colleague"]))
    dialog.apply()
    qtbot.waitUntil(lambda: not ctx.tasks.busy() and bool(settings.staff_database), timeout=10_000)
    other = open_database(f"sqlite:///{tmp_path / 'e.db'}")
    try:
        with unit_of_work(other) as s:
            for name in ("Nguyễn Văn Bảo", "Lê Văn Bình", "Phạm Thu"):  # (ids 1, 2, 3 there too)
                records.create(s, "staff", {"name": name})
        elsewhere = AppContext(other, settings)
        assert settings.staff_id == ids["colleague"]  # (this computer's choice, made on the first)
        assert elsewhere.staff_id is None and elsewhere.actor() == team.login_name()
        elsewhere.tasks.wait()
    finally:
        other.dispose()
    assert ctx.staff_id == ids["colleague"] and ctx.actor() == "Lê Văn Bình"


def test_after_a_restore_the_window_and_the_command_line_name_the_same_person(
    qtbot: Any, ctx: Any, ids: dict[str, Any], db_path: Path
) -> None:
    """Reviewer: the restore brought back the backup's "I am" for the command line, while the
    window went on with its own: one edit "by Trần Minh Quang", the next, a second later, "by root"."""
    from db import backup as backups
    from db.migrate import restore_database
    from ui.dialogs.settings import SettingsDialog

    def choose(staff_id: int) -> None:
        dialog = SettingsDialog(ctx)
        dialog.staff.setCurrentIndex(dialog.staff.findData(staff_id))
        dialog.apply()
        qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)

    choose(ids["colleague"])
    backup = backups.take(db_path, "manual")
    assert backup is not None
    choose(ids["me"])
    assert ctx.actor() == "Trần Minh Anh" == _ketnoi(db_path, "whoami")["actor"]
    restore_database(f"sqlite:///{db_path}", backup)
    ctx.publish(Changes.unknown())  # (what the window's live feed says of a restore made elsewhere)
    assert ctx.actor() == "Lê Văn Bình" == _ketnoi(db_path, "whoami")["actor"]
