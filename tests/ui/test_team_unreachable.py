"""The window on a team database whose server cannot be reached (the network gone, the server
stopped): one sentence in the window's words — never psycopg's or SQLAlchemy's ("OperationalError:
(psycopg.OperationalError) connection failed: … https://sqlalche.me/e/…", reviewer h30) — in the
list (in place of its rows, titles kept, no count), in a form (what was typed kept) and from a
command that opens a dialog (it did nothing at all). The server "goes away" by sending every new
connection to a port nothing listens on."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import event

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]

LIBRARY_WORDS = ("psycopg", "OperationalError", "sqlalche.me", "connection failed", "Connection refused")


def cutter(engine: Any) -> Callable[[bool], None]:
    """``cut(True)``: the server goes away (new connections go to a closed port, the open ones
    are dropped); ``cut(False)``: it is back."""
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    real_url = engine.url
    down = [False]

    def connect(dialect: Any, _rec: Any, cargs: Any, cparams: Any) -> Any:
        if down[0]:
            return dialect.connect(*cargs, **{**cparams, "host": "127.0.0.1", "port": closed})
        return None

    event.listen(engine, "do_connect", connect, insert=True)

    def cut(gone: bool) -> None:
        down[0] = gone
        # (the check whether the server turned the login away asks the engine's own address)
        engine.url = real_url.set(host="127.0.0.1", port=closed) if gone else real_url
        engine.pool.dispose()

    return cut


@pytest.fixture
def lan(qapp: Any, ready: Team, settings: Any) -> Iterator[tuple[Any, Callable[[bool], None]]]:  # noqa: F811
    from app import records
    from db.engine import unit_of_work
    from db.migrate import open_database
    from ui.context import AppContext

    engine = open_database(ready.urls["lan"])
    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Phan Hồng Hà"})
    context = AppContext(engine, settings)
    assert context.identity is not None  # (asked once, as the window does when it opens)
    cut = cutter(engine)
    yield context, cut
    cut(False)
    context.tasks.cancel_all()
    context.tasks.wait()
    engine.dispose()


def commands_window(qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[QWidget, Any, list[str]]:
    """A window with the main window's commands and task errors, and the boxes it says (their
    text, no box shown): what the menu windows open from."""
    from ui.commands import Commands

    window = QWidget()
    qtbot.addWidget(window)
    commands = Commands(ctx, window)
    ctx.tasks.default_error = commands.error  # (as the main window has it)
    said: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *_a, **_k: said.append(text))
    return window, commands, said


def plain(text: str) -> None:
    assert "Cannot reach the database server" in text, text
    assert not any(w in text for w in LIBRARY_WORDS), text


def test_the_list_says_in_place_that_the_server_is_unreachable_and_comes_back(
    qtbot: Any, lan: tuple[Any, Callable[[bool], None]]
) -> None:
    from app.changes import Changes
    from ui.lists.panel import ListPanel

    ctx, cut = lan
    panel = ListPanel(ctx, "contact")
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.complete, timeout=10_000)
    n = panel.model.rowCount()
    assert n >= 1
    counts: list[int] = []
    panel.count_changed.connect(lambda _e, k: counts.append(k))

    cut(True)
    panel.refresh()  # (what a switch to the list, or a colleague's change, does)
    qtbot.waitUntil(panel.unreachable.isVisible, timeout=10_000)
    plain(panel.unreachable.text())
    assert panel.model.rowCount() == 0 and counts[-1] == -1  # no count that is no longer known
    titles = [panel.model.headerData(i, Qt.Orientation.Horizontal) for i in range(panel.model.columnCount())]
    assert all(titles), titles  # the column titles stay

    panel.apply_changes(Changes(everything=True))  # a change heard meanwhile: still away
    assert panel.unreachable.isVisible() and panel.model.rowCount() == 0
    cut(False)
    ctx.server_back.emit()  # the live feed connected again (ui.live)
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() == n, timeout=10_000)
    assert not panel.unreachable.isVisible() and counts[-1] == n


def test_a_form_saved_while_the_server_is_away_keeps_what_was_typed_and_says_so(
    qtbot: Any, lan: tuple[Any, Callable[[bool], None]]
) -> None:
    from ui.dialogs.record_form import RecordForm

    ctx, cut = lan
    form = RecordForm(ctx, "organisation")
    qtbot.addWidget(form)
    form.show()
    form.widgets["name"].setText("Viettel Hòa Lạc")
    cut(True)
    form.save()
    qtbot.waitUntil(form.general_error.isVisible, timeout=10_000)
    plain(form.general_error.text())
    assert "what you typed is still here" in form.general_error.text()
    assert form.isVisible() and form.widgets["name"].text() == "Viettel Hòa Lạc"


def test_edit_and_log_meeting_say_the_server_is_unreachable_instead_of_nothing(
    qtbot: Any, lan: tuple[Any, Callable[[bool], None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.commands import Commands

    ctx, cut = lan
    window = QWidget()
    qtbot.addWidget(window)
    commands = Commands(ctx, window)
    with ctx.read() as s:
        from app import lists

        contact = lists.ids(s, lists.ListQuery("contact"))[0]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: said.append(text))
    status: list[str] = []
    ctx.status_message.connect(status.append)
    cut(True)
    assert commands.edit("contact", contact) is None
    assert commands.log_meeting() is None
    assert commands.new("organisation") is None
    assert len(said) == 3, said
    for text in said:
        plain(text)
        assert "cannot be opened now" in text
    assert status and "Cannot reach the database server" in status[-1]
