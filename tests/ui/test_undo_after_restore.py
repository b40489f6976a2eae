"""Undo after a restore from a backup (reviewer: Undo right after "Khôi phục…" undid the trash
restore the backup had recorded, then Ctrl+Z an older delete of Genetica): the history rows that
came with the backup describe the database it was taken from; Undo does not reach back across
the restore — the window offers nothing and says why, the Undo history and ``ketnoi undo``
refuse them with the restore named — while what is done after the restore is undone as ever."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from app import bulk_edit, records, trash, undo, undo_history
from app.errors import UserError
from db import backup as backups
from db.engine import read_session, sqlite_path, unit_of_work
from db.models import Organisation
from tests.ui.helpers import restore_in_window, wait_idle

TIMEOUT = 10_000


def _cli(db_file: Any, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", str(db_file), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_undo_does_not_reach_back_across_a_restore(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:

    db_file = sqlite_path(str(ctx.engine.url))
    assert db_file is not None
    actor = ctx.actor()
    box: list[str] = []  # deleted, then restored from the trash in this window (before the backup)
    ctx.write(
        lambda s: box.append(bulk_edit.delete_records(s, "organisation", [ids["genetica"]], actor=actor))
    )
    ctx.write(
        lambda s: box.append(trash.restore_many(s, [("organisation", ids["genetica"])], actor=actor).group_id)
    )
    wait_idle(qtbot, ctx)
    deleted, restored = box
    qtbot.waitUntil(lambda: ctx.undo_offer is not None and ctx.undo_offer[1] == restored, timeout=TIMEOUT)
    taken = backups.take(db_file, "manual")
    assert taken is not None
    with unit_of_work(ctx.engine) as s:  # a contact added after the backup (the CLI, in the review)
        records.create(s, "contact", {"full_name": "Phạm Văn Sau"})

    restore_in_window(qtbot, ctx, window, monkeypatch, taken, TIMEOUT)

    # The window offers nothing, and says why
    assert ctx.undo_offer is None and not window.undo_button.isVisible()
    assert taken.name in ctx.undo_blocked and "restored from the backup" in ctx.undo_blocked
    assert window.act_undo.statusTip() == ctx.undo_blocked
    # off, as whenever nothing of this window's is left to undo (h85); its tip names the restore
    assert not window.act_undo.isEnabled() and window.act_undo.toolTip().startswith(ctx.undo_blocked)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    window.commands.undo()  # what Ctrl+Z ran: it says why, should it run
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=TIMEOUT)
    assert said and said[-1] == ctx.undo_blocked
    with read_session(ctx.engine) as s:  # Genetica stays out of the trash
        genetica = s.get(Organisation, ids["genetica"])
        assert genetica is not None and genetica.deleted_at is None

    # The Undo history lists what came with the backup, not as something to undo
    with read_session(ctx.engine) as s:
        entries = {e.group_id: e for e in undo_history.recent_groups(s, limit=50)}
    for group in (restored, deleted):
        assert entries[group].status == undo_history.FINAL
        assert "restored from the backup" in entries[group].reason and taken.name in entries[group].reason
    with read_session(ctx.engine) as s:
        vi = undo_history.entry(s, restored, lang="vi")
    assert "khôi phục từ bản sao" in vi.reason
    with unit_of_work(ctx.engine) as s, pytest.raises(UserError, match="restored from the backup"):
        undo_history.undo_entry(s, restored, actor=actor)
    with unit_of_work(ctx.engine) as s, pytest.raises(UserError, match="restored from the backup"):
        undo.undo_group(s, deleted, actor=actor)  # `ketnoi undo <group>`'s way

    # The command line: nothing offered, the restore named; a group from before it refused
    done = _cli(db_file, "undo")
    assert (
        done.returncode == 0 and "Nothing to undo: the database was restored from the backup" in done.stdout
    )
    done = _cli(db_file, "undo", restored)
    assert done.returncode == 1 and "undo does not reach back across a restore" in done.stderr
    done = _cli(db_file, "undo", "--last")
    assert done.returncode == 1 and "restored from the backup" in done.stderr

    # What is done after the restore is offered and undone as ever
    window.commands.delete("organisation", [ids["nic"]])
    qtbot.waitUntil(lambda: ctx.undo_offer is not None and window.undo_button.isVisible(), timeout=TIMEOUT)
    assert window.act_undo.statusTip() == ""
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: not ctx.tasks.busy() and ctx.undo_offer is None, timeout=TIMEOUT)
    with read_session(ctx.engine) as s:
        nic = s.get(Organisation, ids["nic"])
        assert nic is not None and nic.deleted_at is None
