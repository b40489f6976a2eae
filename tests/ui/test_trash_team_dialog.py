"""View → Trash → Empty trash… on a team database says only what is true there (reviewer h130:
"A backup of the database is taken first." — no copy is taken of a server — and any officer
emptied the whole team's trash): an officer empties what they deleted, and the question says so
and how many records colleagues deleted stay; a manager is told it empties the team's.
Real login roles on a real server (tests/db/test_team.py's fixtures)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.helpers import FarServer, wait_idle

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


def _context(qapp: Any, url: str, settings: Any) -> Any:
    from db.migrate import open_database
    from ui.context import AppContext

    return AppContext(open_database(url), settings)


@pytest.fixture
def contexts(qapp: Any, ready: Team, settings: Any) -> Iterator[dict[str, Any]]:  # noqa: F811
    made = {who: _context(qapp, ready.urls[who], settings) for who in ("minh", "hoa")}
    yield made
    for context in made.values():
        context.tasks.cancel_all()
        context.tasks.wait()
        context.engine.dispose()


def _asked(qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """Empty trash… answered Cancel: the question it asked."""
    from ui.trash import TrashDialog

    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    reads = FarServer(ctx.engine, 0.0)  # (the threads the count's queries run on)
    reads.start()
    try:
        dialog.empty_button.click()
        wait_idle(qtbot, ctx)
    finally:
        reads.stop()
    assert len(asked) == 1
    assert reads.threads and not reads.on_ui_thread()  # counted off the UI thread (1.6 s at 4,000)
    return asked[0]


def test_the_question_says_whose_records_go_and_that_no_copy_is_taken(
    qtbot: Any,
    ready: Team,  # noqa: F811
    contexts: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for who, name in (("lan", "Viện của Lan"), ("minh", "Viện của Minh")):
        code, out, err = ready.cli(who, "org", "add", "--name", name, "--json")
        assert code == 0, err
        code, _out, err = ready.cli(who, "org", "delete", str(json.loads(out)["id"]))
        assert code == 0, err
    officer = _asked(qtbot, contexts["minh"], monkeypatch)
    assert officer.startswith("Remove 1 organisation for good?"), officer
    assert "you empty what you deleted: what colleagues deleted (1 record) stays" in officer
    assert "A backup of the database is taken first." not in officer
    assert "No copy is taken first: the server's backups are the team's." in officer
    manager = _asked(qtbot, contexts["hoa"], monkeypatch)
    assert manager.startswith("Remove 2 organisations for good?"), manager
    assert "every deleted record of the team, whoever deleted it" in manager
    assert "A backup of the database is taken first." not in manager
