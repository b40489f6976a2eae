"""Start-up's timing: the views' pure-Python modules preloaded on the worker while the frame
waits, and for smoke tests and the start-up benchmark (``KETNOI_QUIT_AFTER_MS``) the marks on
stderr when the frame is painted and the window is ready, and the window closed after N ms.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow


# The views' modules that import no Qt (app/ never does), the costly first: holidays (through
# app.workdays) alone took 0.4 s on the UI thread. Only a speed-up: one missing here is imported
# when the views are built, as before.
PRELOAD = (
    "app.workdays",
    "app.lists",
    "app.story",
    "app.dashboard",
    "app.live",
    "app.actions",
    "app.dedupe",
    "app.due",
    "app.meetings",
    "app.presets",
    "app.resolve",
    "app.stakeholder_map",
    "app.team",
    "app.undo",
    "app.undo_history",
)


def preload() -> None:
    """On the worker, while the frame waits: the modules of :data:`PRELOAD`, so that the UI
    thread's share (building the widgets) stays short."""
    for name in PRELOAD:
        with contextlib.suppress(ImportError):  # renamed or gone: the views import their own
            importlib.import_module(name)


QUIT_AFTER = "KETNOI_QUIT_AFTER_MS"


def watching(env: dict[str, str] | None = None) -> bool:
    """Whether ``KETNOI_QUIT_AFTER_MS`` is set (smoke tests, the start-up benchmark): then the
    start says on stderr when the frame is painted and when the window is ready."""
    return (os.environ if env is None else env).get(QUIT_AFTER, "").strip().isdigit()


def say(what: str) -> None:
    print(f"ketnoi: {what}", file=sys.stderr, flush=True)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], object]) -> None:
        super().__init__(widget)
        self.fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.fn)  # once this paint is done
            self.deleteLater()
        return False


def when_painted(widget: QWidget, fn: Callable[[], object]) -> None:
    """Call ``fn`` after ``widget`` is next painted."""
    _FirstPaint(widget, fn)


def when_filled(window: MainWindow, fn: Callable[[], object]) -> None:
    """Call ``fn`` once the view on screen is painted with its data: the dashboard's figures
    (read in the background), a list's first rows (read when it was built), the map."""
    entity = window.current_entity()
    if entity in window.views:
        when_painted(window.views[entity].list.view.viewport(), fn)
        return
    if entity != "dashboard":
        when_painted(window.map_view, fn)
        return
    dashboard = window.dashboard

    def shown() -> None:
        dashboard.refreshed.disconnect(shown)
        when_painted(dashboard.heading, fn)

    dashboard.refreshed.connect(shown)


def quit_after(window: QWidget, env: dict[str, str] | None = None) -> int | None:
    """``KETNOI_QUIT_AFTER_MS=N``: close the window N ms after it opened, quit, and say so on
    stderr. For smoke tests of a build (tools/smoke_bundle.sh), which has no one to close it."""
    raw = (os.environ if env is None else env).get(QUIT_AFTER, "")
    if not raw.strip().isdigit():
        return None
    ms = int(raw)
    opened = time.monotonic()

    def close() -> None:
        shown = window.isVisible()
        title, width, height = window.windowTitle(), window.width(), window.height()
        window.close()
        QApplication.quit()  # the window closed this early can leave a bundle's loop running
        took = (time.monotonic() - opened) * 1000
        state = "opened" if shown else "NOT shown"
        print(
            f'ketnoi: window {state}: "{title}" {width}x{height}, closed after {took:.0f} ms', file=sys.stderr
        )

    QTimer.singleShot(ms, close)
    return ms
