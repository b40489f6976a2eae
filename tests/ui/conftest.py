"""UI fixtures: an AppContext over the test database, settings in a temporary file, a pinned day."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from db.migrate import open_database
from tests.app.lists.seed import seed_network


@pytest.fixture(autouse=True)
def gui_collector(qapp: Any) -> Any:
    """As ui.main does where it makes the QApplication: the cyclic collector runs on the GUI
    thread only, from its timer (ui.gui_gc). The windows and dialogs built here never pass
    through ``run()``; without this the collector ran on whichever thread allocated, a pool
    thread's among them, and freed Qt objects there (a CI worker died of it: "Fatal Python
    error: Bus error" in app.undo on a ui.tasks thread). Each test, as a test that quits the
    application (aboutToQuit) stops the timer."""
    from ui import gui_gc

    return gui_gc.install(qapp)


@pytest.fixture(autouse=True)
def dialogs_wide_as_their_titles(qapp: Any) -> None:
    """As ui.main does where it makes the QApplication: every dialog at least as wide as its
    title (ui.window_titles)."""
    from ui import window_titles

    window_titles.install(qapp)


@pytest.fixture(autouse=True)
def english_plurals(qapp: Any) -> None:
    """As ui.main does at start-up: "1 action", "2 actions" from the "%n action(s)" sources."""
    from ui import i18n

    i18n.ensure_plurals(qapp)


@pytest.fixture(autouse=True)
def no_key_held(qapp: Any) -> None:
    """No key held from an earlier test: Qt keeps the modifiers of the last key event it saw,
    and QTest's Ctrl+key leaves Ctrl "held" in this process, so the next test's
    ``selectRow`` toggled a selected row off (two tests failed one run in three under xdist).
    A key release with no modifier puts the state back."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        widget = QWidget()
        QTest.keyRelease(widget, Qt.Key.Key_Shift)
        widget.deleteLater()
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.fixture(autouse=True)
def no_live_feed_left_running() -> Iterator[None]:
    """A window a test opened is closed with its live updates stopped: a poller left running
    read an old file every 2 s beside every later test of the worker (test_main's fake exec
    closed an earlier test's window, not its own)."""
    import threading

    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t.name == "ketnoi-poll" and t not in before]
    for thread in left:
        thread.join(3.0)  # (a feed stopped by the window's close ends within one wait)
    assert not [t for t in left if t.is_alive()], "a test left a live-updates poller running"


@pytest.fixture(autouse=True)
def no_dialog_left_open(qapp: Any) -> Iterator[None]:
    """A dialog a test left open (e.g. the welcome a start on an empty database shows once the
    window has painted) is closed after it, so that the next test's window is not the one
    under a stranger's modal dialog (a start-up test saw the previous test's welcome)."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    qapp.processEvents()  # timers due now (the welcome is a zero timer) fire before the sweep
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture(autouse=True)
def import_undo_confirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Undo import #N …?" is answered [Undo import] (the real box is
    still built); tests of the question itself (tests/ui/files/test_import_undo_confirm.py)
    answer it their own way."""
    from PySide6.QtWidgets import QPushButton

    from ui.import_wizard import history_dialog

    monkeypatch.setattr(
        history_dialog, "answer", lambda box: box.findChild(QPushButton, "import_history_confirm_undo")
    )


@pytest.fixture(params=["en", "vi"])
def language(request: Any, qapp: Any) -> Iterator[str]:
    """The test once in each of the window's languages (the translator installed, then English again)."""
    from ui import i18n

    assert i18n.install(qapp, request.param) == request.param
    yield request.param
    i18n.install(qapp, "en")


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from ui.settings import Settings

    return Settings(str(tmp_path / "ketnoi.ini"))


@pytest.fixture
def ids(engine: Engine) -> dict[str, Any]:
    return seed_network(engine)


@pytest.fixture
def ctx(qapp: Any, engine: Engine, settings: Any, ids: dict[str, Any]) -> Iterator[Any]:
    from ui.context import AppContext

    settings.staff_id = ids["me"]
    context = AppContext(engine, settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()


@pytest.fixture
def ctx_b(qapp: Any, db_url: str, settings: Any, ids: dict[str, Any]) -> Iterator[Any]:
    """Another window's context: its own engine on the same SQLite file (two windows' saves)."""
    from ui.context import AppContext

    engine = open_database(db_url)
    context = AppContext(engine, settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()
    engine.dispose()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[list[list[str]]]:
    """The conflict dialogs shown (their rows: field, yours, theirs), answered "Keep editing"."""
    from ui.dialogs.conflict import ConflictDialog

    shown: list[list[list[str]]] = []

    def exec_(dialog: Any) -> int:
        table = dialog.table
        shown.append([[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())])
        dialog.choice = "edit"
        return 0

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return shown


@pytest.fixture
def window(qtbot: Any, ctx: Any) -> Iterator[Any]:
    from ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    # dashboard and banner filled (a wait, not a pause: CI runs two workers, and the year-ahead
    # run under faketime is slower)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=30_000)
    yield w
    ctx.tasks.wait()


@pytest.fixture
def hung(engine: Engine, ids: dict[str, Any]) -> int:
    """An existing "Nguyễn Văn Hùng" (no organisation) with an email, added after the seed."""
    from app import records
    from db.engine import unit_of_work

    with unit_of_work(engine) as s:
        return int(
            records.create(
                s, "contact", {"full_name": "Nguyễn Văn Hùng", "emails": ["hung.nv@viettel.com.vn"]}
            )
        )


@pytest.fixture
def first(qtbot: Any, qapp: Any, tmp_path: Path, settings: Any) -> Iterator[Any]:
    """The window on ``mine/ketnoi.db``, as the start leaves it (Settings name no file)."""
    from tests.ui.helpers import main_windows
    from ui.context import AppContext
    from ui.main_window import MainWindow

    db = tmp_path / "mine" / "ketnoi.db"
    db.parent.mkdir()
    engine = open_database(f"sqlite:///{db}")
    others = set(main_windows())  # left by other tests: not this test's to count or close
    w = MainWindow(AppContext(engine, settings))
    w.others = others
    w.show()
    qtbot.waitExposed(w)
    yield w
    for window in main_windows():
        if window not in others:
            window.ctx.tasks.cancel_all()
            window.ctx.tasks.wait()
            window.close()
    engine.dispose()


@pytest.fixture
def demo_ctx(qapp: Any, tmp_path: Any, settings: Any) -> Iterator[Any]:
    """The window's context on a database holding the demo (``ketnoi demo``)."""
    from app import demo
    from db.migrate import open_database
    from ui.context import AppContext

    engine = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.fill(engine)
    context = AppContext(engine, settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()
    engine.dispose()
