"""The record's page (the detail pane on the right of the main window) on a team database whose
server goes away and comes back. It kept the page last read as if it were current, and its
buttons (Edit, Mark done…) then failed one by one, each with a box (reviewer). Now it says the
one sentence above the page, as the lists and the menu windows do: the page it holds stays,
greyed, the note saying when it was read; the record commands are off (an edit begun then
could not be saved); and it reads the record again by itself once the server is back. The
server "goes away" as in tests/ui/test_team_unreachable.py."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.test_team_unreachable import LIBRARY_WORDS, lan  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]

AWAY = "Cannot reach the database server"
_made = itertools.count(1)  # (the team's database is the module's: other names a test)


def said_on_page(pane: Any) -> str:
    """What the pane says above its page about the server ("" when it says nothing)."""
    return next((w.text() for w in pane.findChildren(QLabel) if w.isVisible() and AWAY in w.text()), "")


@pytest.fixture
def shown(
    qtbot: Any,
    lan: tuple[Any, Callable[[bool], None]],  # noqa: F811
    ready: Team,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Any, Any, Callable[[bool], None], dict[str, int], list[str], Any]]:
    """The main window on the Contacts view with a contact's page shown; the cutter; two
    contacts' ids; the boxes said (their text, no box shown); and another engine on the same
    database, which the cut does not reach (a colleague's computer)."""
    from app import records
    from db.engine import unit_of_work
    from db.migrate import open_database
    from ui.main_window import MainWindow

    ctx, cut = lan
    n = next(_made)
    with unit_of_work(ctx.engine) as s:
        ids = {
            "shown": records.create(s, "contact", {"full_name": f"Trịnh Văn Quyết {n}"}),
            "other": records.create(s, "contact", {"full_name": f"Hoàng Thị Mai {n}"}),
        }
    said: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *_a, **_k: said.append(text))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=30_000)
    view = window.views["contact"]
    with qtbot.waitSignal(view.detail.shown, timeout=10_000):
        window.navigate("contact", ids["shown"])
    assert f"Trịnh Văn Quyết {n}" in view.detail.browser.toPlainText()
    colleague = open_database(ready.urls["lan"])
    yield window, view.detail, cut, ids, said, colleague
    colleague.dispose()
    ctx.tasks.cancel_all()
    ctx.tasks.wait()


def test_the_page_says_the_server_is_away_keeps_what_it_read_greyed_and_reads_again_when_back(
    qtbot: Any, shown: Any
) -> None:
    from app import records
    from app.changes import Changes
    from db.engine import unit_of_work

    window, pane, cut, ids, said, colleague = shown
    ctx = window.ctx
    fresh = pane.browser.palette().color(QPalette.ColorRole.Base)
    assert window.act_edit.isEnabled() and pane.toolbar.isEnabled()
    assert not said_on_page(pane)

    cut(True)
    ctx.publish(Changes(everything=True))  # a change heard: the page on screen is read again
    qtbot.waitUntil(lambda: bool(said_on_page(pane)), timeout=10_000)
    note = said_on_page(pane)
    assert not any(w in note for w in LIBRARY_WORDS), note
    assert "as it was read at" in note and "may have changed since" in note, note
    assert ctx.fmt_date(ctx.today()) in note  # when, in the chosen date format
    # the page read last stays (what it said is still there to read), greyed: not current
    assert pane.browser.isVisible() and "Trịnh Văn Quyết" in pane.browser.toPlainText()
    assert pane.browser.palette().color(QPalette.ColorRole.Base) != fresh
    # nothing is begun on it that could not be saved
    assert not pane.toolbar.isEnabled()
    for action in (window.act_edit, window.act_delete, window.act_history):
        assert not action.isEnabled(), action.objectName()
    assert not said, said  # the note, not a box to dismiss in front of a page

    # meanwhile a colleague, whose computer reaches the server, renames the contact
    with unit_of_work(colleague) as s:
        version = records.get(s, "contact", ids["shown"])["version"]
        records.update(
            s, "contact", ids["shown"], {"full_name": "Trịnh Văn Quyết (VinFast)"}, expected_version=version
        )

    cut(False)
    ctx.server_back.emit()  # the live feed connected again (ui.live): nothing pressed
    qtbot.waitUntil(lambda: "Trịnh Văn Quyết (VinFast)" in pane.browser.toPlainText(), timeout=10_000)
    assert not said_on_page(pane)
    assert pane.browser.palette().color(QPalette.ColorRole.Base) == fresh
    assert pane.toolbar.isEnabled() and window.act_edit.isEnabled()
    assert not said, said


def test_the_page_asks_when_the_live_feed_loses_the_server(qtbot: Any, shown: Any) -> None:
    """The person only looks at the page: when the live feed goes offline, the page finds out
    whether it is still current (it is not) instead of waiting for a button to fail."""
    window, pane, cut, _ids, said, _colleague = shown
    cut(True)
    window.live.state_changed.emit("offline")  # (what the listener says when it loses the server)
    qtbot.waitUntil(lambda: bool(said_on_page(pane)), timeout=10_000)
    assert not window.act_edit.isEnabled()
    assert not said, said


def test_another_record_asked_for_while_away_shows_no_page_of_the_one_before(qtbot: Any, shown: Any) -> None:
    window, pane, cut, ids, said, _colleague = shown
    cut(True)
    window.navigate("contact", ids["other"])  # a link followed, a search's answer chosen
    qtbot.waitUntil(lambda: bool(said_on_page(pane)), timeout=10_000)
    assert "as it was read at" not in said_on_page(pane)  # no page below to speak of
    assert not pane.browser.isVisible() and "Trịnh Văn Quyết" not in pane.browser.toPlainText()
    assert not window.act_edit.isEnabled() and not said, said

    cut(False)
    window.ctx.server_back.emit()
    qtbot.waitUntil(lambda: "Hoàng Thị Mai" in pane.browser.toPlainText(), timeout=10_000)
    assert pane.browser.isVisible() and not said_on_page(pane) and pane.record_id == ids["other"]
