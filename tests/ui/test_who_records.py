"""The window records who made a change, as the command line does (reviewer: every window
operation showed "No name recorded" while `ketnoi` recorded the login for the same change):
the name chosen under Settings → I am, else the computer's login name (app.team.login_name);
at the first start with no name chosen the status bar says under which name, once."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from db.engine import read_session
from db.models import Change
from tests.ui.helpers import wait_idle


@pytest.fixture
def login(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("KETNOI_ACTOR", raising=False)
    return getpass.getuser()


@pytest.fixture
def unnamed(qapp: Any, engine: Any, settings: Any, ids: dict[str, Any], login: str) -> Iterator[Any]:
    """A context on a file where no one was chosen under Settings → I am."""
    from ui.context import AppContext

    context = AppContext(engine, settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()


def _window(qtbot: Any, context: Any) -> Any:
    from ui.main_window import MainWindow

    w = MainWindow(context)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wait_idle(qtbot, context)
    return w


def test_a_change_made_in_the_window_records_the_login_name_and_history_shows_it(
    qtbot: Any, unnamed: Any, engine: Any, ids: dict[str, Any], login: str
) -> None:
    window = _window(qtbot, unnamed)
    window.commands.mark_done([ids["a_week"]], seen={ids["a_week"]: "open"})
    wait_idle(qtbot, unnamed)
    with read_session(engine) as s:
        latest = s.execute(
            select(Change.actor, Change.field)
            .where(Change.entity == "action", Change.entity_id == ids["a_week"])
            .order_by(Change.id.desc())
        ).first()
    assert latest is not None and latest.actor == login
    # and that change is this user's to undo: Ctrl+Z offers it (it offered nothing once changes
    # went into the history under the login name while Undo looked for the staff name alone)
    qtbot.waitUntil(lambda: unnamed.undo_offer is not None, timeout=5000)
    wait_idle(qtbot, unnamed)
    assert unnamed.undo_offer is not None and "done" in unnamed.undo_offer[0].lower()
    # the record's History shows it in its Who column
    window.navigate("action", ids["a_week"])
    window.act_history.trigger()
    dialog = window.history_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.model.index(0, 1).data() == login
    dialog.close()


def test_the_first_start_without_a_name_says_under_which_name_changes_go_once(
    qtbot: Any, unnamed: Any, login: str
) -> None:
    window = _window(qtbot, unnamed)
    said = window.statusBar().currentMessage()
    assert f"“{login}”" in said and "Settings" in said and "I am" in said
    window.close()
    again = _window(qtbot, unnamed)  # the next start: said already, not again
    assert login not in again.statusBar().currentMessage()


def test_the_name_chosen_under_i_am_comes_first_and_no_hint_is_shown(
    qtbot: Any, unnamed: Any, engine: Any, ids: dict[str, Any], login: str
) -> None:
    from app import dashboard

    unnamed.settings.staff_id = ids["me"]
    with read_session(engine) as s:
        me = dashboard.staff_name(s, ids["me"])
    window = _window(qtbot, unnamed)
    assert login not in window.statusBar().currentMessage()
    window.commands.mark_done([ids["a_week"]], seen={ids["a_week"]: "open"})
    wait_idle(qtbot, unnamed)
    with read_session(engine) as s:
        latest = s.execute(
            select(Change.actor).where(Change.entity == "action").order_by(Change.id.desc())
        ).scalar()
    assert me and latest == me
