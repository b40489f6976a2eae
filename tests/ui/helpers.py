"""Helpers shared by the UI tests (fixtures live in tests/ui/conftest.py)."""

from __future__ import annotations

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
