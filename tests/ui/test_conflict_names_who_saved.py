"""Two people edit the same record: the conflict dialog said "someone else" saved it (reviewer,
on a team database). It now names who, from the record's history, with the time in the date
format chosen: on a team database the colleague and their login ("Trần Thị Lan (login …lan)
saved “…” at 23/11/2026 09:00"), yourself when it was your own login in another window; on a
file one person uses, another window or the command line. The status bar's sentence after two
edits merged (different fields) names them the same way."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from app import history, records
from db import clock
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.helpers import open_form, saved

TIMEOUT = 10_000
_made = itertools.count(1)  # (the team's database is the module's: other names a test)
needs_postgres = pytest.mark.skipif(
    not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
    reason="KETNOI_TEST_POSTGRES_URL not set",
)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The conflict dialogs shown (title, the sentences above the table), answered "Keep editing"."""
    from ui.dialogs import record_form

    shown: list[tuple[str, str]] = []

    def exec_(dialog: Any) -> int:
        words = " ".join(w.text() for w in dialog.findChildren(QLabel))
        shown.append((dialog.windowTitle(), words))
        dialog.choice = "edit"
        return 0

    monkeypatch.setattr(record_form.ConflictDialog, "exec", exec_)
    return shown


def _form(qtbot: Any, ctx: Any, record_id: int) -> Any:
    return open_form(qtbot, ctx, "contact", record_id)


def _both_edit(
    qtbot: Any, first: Any, second: Any, record_id: int, field: str, position: str = "Trưởng phòng"
) -> Any:
    """Both open the contact; ``first`` saves its ``position``; ``second`` saves ``field``."""
    a, b = _form(qtbot, first, record_id), _form(qtbot, second, record_id)
    a.widgets["position"].setText(position)
    saved(qtbot, a)
    if field == "notes":
        b.widgets["notes"].setPlainText("Gặp tại Techfest 2026")
    else:
        b.widgets[field].setText("Phó phòng")
    b.save()
    return b


def _last_saved_at(ctx: Any, record_id: int) -> str:
    """When the history says the contact was last saved, as the window writes times."""
    with read_session(ctx.engine) as s:
        at = history.record_history(s, "contact", record_id)[0].at
    return str(ctx.fmt_datetime(clock.local(at)))


def _context(settings: Any, url: str) -> Any:
    from ui.context import AppContext

    return AppContext(open_database(url), settings)


def _close(*contexts: Any) -> None:
    for context in contexts:
        context.tasks.cancel_all()
        context.tasks.wait()
        context.engine.dispose()


def test_on_a_file_the_dialog_says_another_window_or_the_command_line(
    qtbot: Any, ctx: Any, db_url: str, settings: Any, asked: list[Any]
) -> None:
    settings.date_format = "ymd"  # the format chosen: the time is said in it
    with unit_of_work(ctx.engine) as s:
        contact = records.create(s, "contact", {"full_name": "Hoàng Thị Mai"})
    other = _context(settings, db_url)  # another window on the same file
    try:
        b = _both_edit(qtbot, other, ctx, contact, "position")
        qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    finally:
        _close(other)
    title, words = asked[0]
    when = _last_saved_at(ctx, contact)
    assert "-" in when  # (2026-11-23 09:00: the format chosen)
    assert f"at {when} from another window or the command line" in words, words
    assert "someone else" not in words and "someone else" not in title, (title, words)
    assert title == "Changed in another window"
    assert b.isVisible() and b.widgets["position"].text() == "Phó phòng"  # what was typed kept


@pytest.fixture
def two_logins(qapp: Any, ready: Team, settings: Any) -> Iterator[tuple[Any, Any, Callable[[], Any], int]]:  # noqa: F811
    """Trần Thị Lan's and Phạm Văn Minh's windows on the team database; a maker of Lan's
    second window; a contact both may edit."""
    lan, minh = _context(settings, ready.urls["lan"]), _context(settings, ready.urls["minh"])
    made: list[Any] = []

    def lan_again() -> Any:
        made.append(_context(settings, ready.urls["lan"]))
        return made[-1]

    with unit_of_work(lan.engine) as s:
        contact = records.create(s, "contact", {"full_name": f"Đinh Công Sơn {next(_made)}"})
    yield lan, minh, lan_again, contact
    _close(lan, minh, *made)


@pytest.mark.postgres
@needs_postgres
def test_on_a_team_database_the_dialog_names_the_colleague_their_login_and_the_time(
    qtbot: Any,
    two_logins: Any,
    ready: Team,  # noqa: F811
    asked: list[Any],
) -> None:
    lan, minh, _again, contact = two_logins
    b = _both_edit(qtbot, lan, minh, contact, "position")
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    title, words = asked[0]
    when = _last_saved_at(minh, contact)
    assert f"Trần Thị Lan (login {ready.prefix}lan) saved “" in words, words
    assert f"” at {when}, after you opened it." in words, words
    assert title == "Changed by Trần Thị Lan"
    assert "someone else" not in words
    assert b.widgets["position"].text() == "Phó phòng"


@pytest.mark.postgres
@needs_postgres
def test_your_own_login_in_another_window_is_you_and_a_merge_names_the_colleague(
    qtbot: Any,
    two_logins: Any,
    ready: Team,  # noqa: F811
    asked: list[Any],
) -> None:
    lan, minh, lan_again, contact = two_logins
    _both_edit(qtbot, lan_again(), lan, contact, "position")
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    title, words = asked[0]
    assert "You saved “" in words and f"at {_last_saved_at(lan, contact)} in another window" in words, words
    assert title == "Changed in another of your windows"

    said: list[str] = []  # different fields: both kept, the status bar says by whom
    minh.status_message.connect(said.append)
    b = _both_edit(qtbot, lan, minh, contact, "notes", position="Giám đốc")
    qtbot.waitUntil(lambda: b.saved_id is not None, timeout=TIMEOUT)
    assert len(asked) == 1  # no dialog: nobody's change was in question
    assert any(
        f"was changed by Trần Thị Lan (login {ready.prefix}lan) while you were editing it" in s for s in said
    ), said


@pytest.mark.postgres
@needs_postgres
def test_the_posts_dialog_names_the_colleague_who_changed_the_post_and_when(
    qtbot: Any,
    two_logins: Any,
    ready: Team,  # noqa: F811
) -> None:
    """Posts… said "Someone else changed the name of …" on a team database; it now names
    the colleague, their login and the time, as the conflict dialog does."""
    from app import posts
    from tests.ui.helpers import wait_idle
    from ui.posts_dialog import PostsDialog

    lan, minh, _again, _contact = two_logins
    with unit_of_work(lan.engine) as s:
        org = records.create(s, "organisation", {"name": f"Viện Công nghệ số {next(_made)}"})
        post = posts.add_post(s, org, "Phó Viện trưởng", rank=2, actor=lan.actor())
    dialog = PostsDialog(minh, org)  # Minh's list shows the post as it was
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, minh)
    with unit_of_work(lan.engine) as s:  # Lan renames it meanwhile
        posts.edit_post(s, post, title="Phó Viện trưởng thường trực", actor=lan.actor())
    dialog.model.setData(dialog.model.index(0, 0), "Phó Viện trưởng phụ trách")  # Minh, in place
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=TIMEOUT)
    with read_session(minh.engine) as s:
        at = history.record_history(s, "organisation", org)[0].at
    when = minh.fmt_datetime(clock.local(at))
    assert dialog.error.text().startswith(
        f"Trần Thị Lan (login {ready.prefix}lan) changed the name of “Phó Viện trưởng thường trực” at "
        f"{when}, after you began: nothing was saved."
    ), dialog.error.text()
    with read_session(minh.engine) as s:
        assert posts.get_post(s, post).title == "Phó Viện trưởng thường trực"
