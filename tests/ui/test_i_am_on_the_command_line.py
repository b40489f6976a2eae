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
