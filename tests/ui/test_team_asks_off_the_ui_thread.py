"""Empty trash… and a list's "Merge the two selected…" on a team database whose server has gone
away while the window was open: what they read before asking (or before the merge dialog) is
read off the UI thread now, so the failure arrives as a task's and is said in the window's one
sentence — the Trash above its list, as its own reads say it, reading again once the server is
back; Merge as any command that cannot open its window — never psycopg's words, and no question
or dialog on what could not be read. On the old code the read ran on the UI thread and its
OperationalError escaped the click. (The server "goes away" as in tests/ui/test_team_unreachable.py.)"""

from __future__ import annotations

import os
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.db.test_team import ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.helpers import wait_idle
from tests.ui.test_team_unreachable import LIBRARY_WORDS, commands_window, lan, plain  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


def test_empty_trash_with_the_server_away_says_so_above_the_list_and_asks_nothing(
    qtbot: Any,
    lan: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app import records
    from db.engine import unit_of_work
    from ui.trash import TrashDialog

    ctx, cut = lan
    with unit_of_work(ctx.engine) as s:
        gone = records.create(s, "contact", {"full_name": "Đỗ Văn Khải"})
        records.delete(s, "contact", gone)
    window, _commands, said = commands_window(qtbot, ctx, monkeypatch)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a, **_k: asked.append(text))
    dialog = TrashDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() >= 1, timeout=10_000)
    listed = dialog.model.rowCount()

    cut(True)
    dialog.empty_button.click()
    qtbot.waitUntil(dialog.away.isVisible, timeout=15_000)
    wait_idle(qtbot, ctx)
    plain(dialog.away.text())
    assert asked == [] and said == []  # no question on a count not read; no box over it
    assert dialog.empty_button.text() == "&Empty trash…"
    assert not dialog.empty_button.isEnabled()  # (the list, read again, is away too: no rows)

    cut(False)
    ctx.server_back.emit()  # the live feed connected again (ui.live)
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == listed, timeout=15_000)
    assert not dialog.away.isVisible() and dialog.empty_button.isEnabled()
    assert asked == []  # (not asked by itself once the server is back)


def test_merge_with_the_server_away_says_it_cannot_be_opened_in_one_sentence(
    qtbot: Any,
    lan: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app import records
    from db.engine import unit_of_work
    from ui.bulk import BulkActions
    from ui.dialogs import duplicates

    ctx, cut = lan
    with unit_of_work(ctx.engine) as s:
        a = records.create(s, "contact", {"full_name": "Hiroshi Tanaka"})
        b = records.create(s, "contact", {"full_name": "Tanaka Hiroshi"})
    window, commands, said = commands_window(qtbot, ctx, monkeypatch)
    opened: list[Any] = []
    monkeypatch.setattr(duplicates.MergeDialog, "exec", lambda d: opened.append(d) or 0)
    status: list[str] = []
    ctx.status_message.connect(status.append)
    bulk = BulkActions(ctx, commands, window)

    cut(True)
    bulk.merge_two("contact", [a, b])
    qtbot.waitUntil(lambda: bool(said), timeout=15_000)
    wait_idle(qtbot, ctx)
    assert len(said) == 1 and opened == []
    plain(said[0])
    assert "cannot be opened now" in said[0]
    assert status[-1] == said[0]  # the status bar says it too, as for Edit and Log meeting

    cut(False)  # back: Merge opens the dialog, the one with more history first
    bulk.merge_two("contact", [a, b])
    qtbot.waitUntil(lambda: bool(opened), timeout=15_000)
    wait_idle(qtbot, ctx)
    assert (opened[0].survivor_id, opened[0].other_id) == (a, b)
