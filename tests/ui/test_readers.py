"""A reader's window on a real team database: every command that writes is disabled and says why
(not refused only after it was pressed); an officer's window on the same database is not.
Uses the server set-up of tests/db/test_team.py (real login roles)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


@pytest.fixture(scope="module")
def viettel(ready: Team) -> Team:  # noqa: F811
    code, _out, err = ready.cli("lan", "org", "add", "--name", "Tập đoàn Viettel", "--acronym", "VTL")
    assert code == 0, err
    return ready


def _window(qtbot: Any, qapp: Any, url: str, settings: Any) -> Iterator[Any]:
    from db.migrate import open_database
    from ui.context import AppContext
    from ui.main_window import MainWindow

    engine = open_database(url)
    ctx = AppContext(engine, settings)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    yield w
    ctx.tasks.cancel_all()
    ctx.tasks.wait()
    engine.dispose()


@pytest.fixture
def reader_window(qtbot: Any, qapp: Any, viettel: Team, settings: Any) -> Iterator[Any]:
    yield from _window(qtbot, qapp, viettel.urls["tuan"], settings)


@pytest.fixture
def officer_window(qtbot: Any, qapp: Any, viettel: Team, settings: Any) -> Iterator[Any]:
    yield from _window(qtbot, qapp, viettel.urls["lan"], settings)


def _actions(window: Any) -> dict[str, QAction]:
    return {a.objectName(): a for a in window.findChildren(QAction) if a.objectName()}


def _show_viettel(qtbot: Any, window: Any) -> Any:
    window.nav.setCurrentRow(window.nav.count() - 1)
    from ui.main_window import VIEWS

    window.nav.setCurrentRow(VIEWS.index("organisation"))
    view = window.views["organisation"]
    qtbot.waitUntil(lambda: view.list.total >= 1, timeout=10_000)
    view.list.select_first()
    # the page, and its files with it, is read off the UI thread
    qtbot.waitUntil(lambda: bool(view.detail.attachments.record_id), timeout=10_000)
    window._update_enabled()  # what a selection change does
    return view


def test_a_readers_write_commands_are_disabled_and_say_why(qtbot: Any, reader_window: Any) -> None:
    from ui.team import WRITE_ACTIONS, read_only_status, read_only_tip, wrapped

    w = reader_window
    assert w.ctx.identity is not None and w.ctx.identity.role == "reader"
    tip = wrapped(read_only_tip())
    view = _show_viettel(qtbot, w)  # a record is selected: Edit, Delete would be enabled now
    acts = _actions(w)
    for name in WRITE_ACTIONS:
        assert name in acts, name
        assert not acts[name].isEnabled(), name
        assert acts[name].toolTip() == tip, name
        # the status bar's short form (its permanent labels would cut the whole tip)
        assert acts[name].statusTip() == read_only_status(w.ctx) == "Your role is reader: editing is off."
    # reading stays: search, refresh, brief, history, export, settings
    for name in ("act_search", "act_refresh", "act_brief", "act_history", "act_export", "act_settings"):
        assert acts[name].isEnabled(), name
    # the buttons on the organisation's page are the same actions: off, with the reason
    page = {a.objectName(): a for a in view.detail.toolbar.actions()}
    assert not page["act_edit"].isEnabled() and not page["act_reorganisation"].isEnabled()
    label = w.findChild(QLabel, "read_only_status")
    assert label is not None and label.isVisible() and label.toolTip() == tip

    # a double-click on the row (the list's "activated") opens no form: the status bar says why
    messages: list[str] = []
    w.ctx.status_message.connect(messages.append)
    assert w.commands.edit("organisation", view.detail.record_id) is None
    assert messages == [read_only_tip()]

    # the list's context menu: its bulk writes are off too, with the tooltip shown in the menu
    w._context_menu("organisation", QPoint(2, 2))
    menu = w.context_menu
    bulk = [a for a in menu.actions() if a.objectName().startswith("bulk_")]
    assert bulk and all(not a.isEnabled() and a.toolTip() == tip for a in bulk)
    assert menu.toolTipsVisible()
    menu.close()

    # the dialogs a reader may open show what is there but their write buttons are off
    from ui.trash import TrashDialog

    trash = TrashDialog(w.ctx, w)
    qtbot.addWidget(trash)
    assert not trash.restore_button.isEnabled() and not trash.empty_button.isEnabled()
    trash.restore_button.setEnabled(True)  # what its own selection handler does
    assert not trash.restore_button.isEnabled()
    assert not w.map_view.canvas.editable  # no re-rating by dragging a dot
    from ui.letters import LettersDialog

    letters = LettersDialog(w.ctx, w)
    qtbot.addWidget(letters)
    held = {k for k, b in letters.buttons.items() if b.toolTip() == tip}
    assert held == set(letters.buttons) - {"draft"}  # Draft… only saves a .docx: a reader may
    assert not letters.buttons["new_out"].isEnabled() and not letters.buttons["sign"].isEnabled()

    # files dropped on the window or a page: nothing is logged or imported, the status bar says why
    from ui.calendar_drops import CalendarDrops

    messages.clear()
    w.mail.log_files([Path("Re Lich lam viec.eml")])
    drops = w.findChild(CalendarDrops)
    assert drops is not None
    drops.open([Path("Hop Genetica.ics")])
    assert messages == [read_only_tip(), read_only_tip()] and not w.mail.queue
    assert view.detail.attachments.attachable and not view.detail.attachments.droppable


def test_an_officers_window_on_the_same_database_writes(qtbot: Any, officer_window: Any) -> None:
    w = officer_window
    assert w.ctx.identity is not None and w.ctx.identity.role == "officer"
    _show_viettel(qtbot, w)
    acts = _actions(w)
    for name in ("act_new", "act_log_meeting", "act_edit", "act_delete", "act_import", "act_reorganisation"):
        assert acts[name].isEnabled(), name
    assert w.findChild(QLabel, "read_only_status") is None
    assert w.map_view.canvas.editable
    assert w.views["organisation"].detail.attachments.droppable


def test_a_readers_window_keeps_its_read_only_state_after_a_language_switch(
    qtbot: Any, reader_window: Any
) -> None:
    new = reader_window.change_language("vi")
    try:
        qtbot.addWidget(new)
        acts = _actions(new)
        assert not acts["act_new"].isEnabled() and not acts["act_log_meeting"].isEnabled()
        label = new.findChild(QLabel, "read_only_status")
        assert label is not None and label.isVisible()
    finally:
        new.change_language("en").close()


def test_a_reader_sees_the_posts_but_changes_none(qtbot: Any, viettel: Team, reader_window: Any) -> None:
    """Posts… stays open to a reader (it lists who holds what); its write buttons are off with
    the reason, and a post's name or precedence cannot be edited in place."""
    from PySide6.QtCore import Qt

    from ui.posts_dialog import PostsDialog
    from ui.team import read_only_tip, wrapped

    code, _out, err = viettel.cli("lan", "post", "add", "VTL", "Tổng Giám đốc", "--rank", "1")
    assert code == 0, err  # an officer writes it
    w = reader_window
    view = _show_viettel(qtbot, w)
    page = {a.objectName(): a for a in view.detail.toolbar.actions()}
    assert page["act_posts"].isEnabled()
    dialog = PostsDialog(w.ctx, view.detail.record_id, w)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loads == 1, timeout=10_000)  # read on a pool thread
    assert [r.title for r in dialog.model.rows] == ["Tổng Giám đốc"]
    assert dialog.current_id() == dialog.model.rows[0].id
    for button in (dialog.add_button, dialog.edit_button, dialog.remove_button):
        assert not button.isEnabled() and button.toolTip() == wrapped(read_only_tip())
    assert dialog.table.editTriggers() == dialog.table.EditTrigger.NoEditTriggers
    assert not dialog.model.flags(dialog.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert dialog.notes.isReadOnly()  # nor its notes
