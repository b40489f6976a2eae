"""Helpers shared by the UI tests (fixtures live in tests/ui/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def wait_idle(qtbot: Any, context: Any, timeout: int = 20_000) -> None:
    """Until the task helper has no work running or queued, then join its workers."""
    qtbot.waitUntil(lambda: not context.tasks.busy(), timeout=timeout)
    context.tasks.wait()


def show_page(qtbot: Any, pane: Any, entity: str, record_id: int, timeout: int = 10_000) -> str:
    """``pane.show_record(entity, record_id)`` and wait until that page is on screen (the story
    is read on a pool thread); the page's text."""
    with qtbot.waitSignal(pane.shown, timeout=timeout):
        pane.show_record(entity, record_id)
    return str(pane.browser.toPlainText())


def sized(window: Any, width: int, height: int) -> None:
    """The main window as a person sized it on a screen this size: not maximised (a first start
    on the offscreen test screen, 800 px wide, is a laptop's: maximised), ``width``×``height``."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    window.resize(width, height)


def searched(qtbot: Any, dialog: Any, text: str, timeout: int = 10_000) -> None:
    """Search everywhere asked for ``text`` (as a pause in typing does) and its answer shown: it
    is read on a pool thread."""
    dialog.box.setText(text)
    dialog.run_search()
    qtbot.waitUntil(lambda: not dialog.ctx.tasks.busy(), timeout=timeout)


class HeldSearch:
    """``app.search.search`` as a slow server answers it: a question whose text is in
    :attr:`held` waits until :meth:`release` (at most ``most_s``: a window that asks on the UI
    thread would wait that long, and the test must still end). :attr:`asked`: the texts asked,
    in turn."""

    def __init__(self, monkeypatch: Any, most_s: float = 3.0) -> None:
        import threading

        from app import search

        self._real = search.search
        self._gate = threading.Event()
        self._most_s = most_s
        self.held: set[str] = set()
        self.asked: list[str] = []
        monkeypatch.setattr(search, "search", self._search)

    def _search(self, session: Any, query: str, **kwargs: Any) -> Any:
        self.asked.append(query)
        if query in self.held:
            self._gate.wait(self._most_s)
        return self._real(session, query, **kwargs)

    def release(self) -> None:
        self._gate.set()


def open_log_meeting(qtbot: Any, ctx: Any, **kwargs: Any) -> Any:
    """Log meeting shown, active, its title box holding the focus (where typing begins)."""
    from PySide6.QtWidgets import QApplication

    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.title)
    return dialog


def restore_in_window(
    qtbot: Any, ctx: Any, window: Any, monkeypatch: Any, taken: Any, timeout: int = 10_000
) -> None:
    """File → Backups…: the copy ``taken`` chosen and restored (its question answered yes), the
    window told so (``ctx.undo_blocked``), the dialog closed."""
    from ui.dialogs.backups import BackupsDialog

    dialog = BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(BackupsDialog, "confirm_restore", lambda *_a: True)
    item = next(
        dialog.list.topLevelItem(n)
        for n in range(dialog.list.topLevelItemCount())
        if dialog.list.topLevelItem(n).data(0, 256) == str(taken)
    )
    dialog.list.setCurrentItem(item)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and bool(ctx.undo_blocked), timeout=timeout)
    dialog.close()


def open_form(qtbot: Any, ctx: Any, entity: str, record_id: int) -> Any:
    """The record form of ``entity`` #``record_id`` open on screen (as Edit opens it)."""
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, entity, record_id)
    qtbot.addWidget(form)
    form.show()
    return form


def saved(qtbot: Any, dialog: Any, timeout: int = 10_000) -> None:
    """Save a record form or a Log meeting dialog and wait until it has saved (its ``saved_id``)."""
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=timeout)


def main_windows(first: Any = None) -> list[Any]:
    """The main windows shown (this test's: not those another test left, see the ``first`` fixture)."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    others = getattr(first, "others", set())
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and w not in others
    ]


class FarServer:
    """Every query on ``engine`` waits ``wait_s`` first, as on a far team server, from
    :meth:`start` until :meth:`stop`; :attr:`threads` are the threads the queries ran on and
    :attr:`ticks`, how many times a 10 ms timer on the UI thread ran meanwhile (the window
    answering: a read on the UI thread holds it still)."""

    def __init__(self, engine: Any, wait_s: float) -> None:
        self.engine, self.wait_s = engine, wait_s
        self.threads: list[int] = []
        self.ticks = 0
        self._timer: Any = None

    def _before(self, *_a: Any) -> None:
        import threading
        import time

        self.threads.append(threading.get_ident())
        time.sleep(self.wait_s)

    def _tick(self) -> None:
        self.ticks += 1

    def start(self) -> None:
        from PySide6.QtCore import QTimer
        from sqlalchemy import event

        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        event.listen(self.engine, "before_cursor_execute", self._before)

    def stop(self) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._before)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def on_ui_thread(self) -> bool:
        """A query ran on the UI thread (this one: the tests' thread) since :meth:`start`."""
        import threading

        return threading.get_ident() in self.threads


@contextmanager
def opened_context(url: str, settings: Any) -> Iterator[Any]:
    """A window's context on the database at ``url`` (a team login's, most often), its tasks
    finished and its engine closed at the end."""
    from db.migrate import open_database
    from ui.context import AppContext

    engine = open_database(url)
    context = AppContext(engine, settings)
    try:
        yield context
    finally:
        context.tasks.cancel_all()
        context.tasks.wait()
        engine.dispose()
