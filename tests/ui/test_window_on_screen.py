"""A place and size saved on a bigger screen: the main window opens within this screen's
available area (title bar and status bar on screen), and a maximised one stays maximised."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMainWindow


def saved_geometry(settings: Any, rect: QRect, *, maximised: bool = False) -> None:
    other = QMainWindow()  # as a window saved it on a big monitor
    other.setGeometry(rect)
    if maximised:
        other.setWindowState(Qt.WindowState.WindowMaximized)
    settings.save_state("geometry", other.saveGeometry())
    other.deleteLater()


def on_screen(w: Any, room: QRect) -> bool:
    """The frame within the screen's room; only as wide as the window's minimum allows (the
    offscreen test screen, 800 px, is narrower than the window can be)."""
    f = w.frameGeometry()
    return (
        room.top() <= f.top()
        and f.bottom() <= room.bottom()
        and room.left() <= f.left()
        and (f.right() <= room.right() or w.width() == w.minimumWidth())
    )


@pytest.fixture
def opened(qtbot: Any, ctx: Any) -> Iterator[Any]:
    from ui.main_window import MainWindow

    made: list[Any] = []

    def open_() -> Any:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        made.append(w)
        return w

    yield open_
    ctx.tasks.wait()


def test_a_geometry_bigger_than_the_screen_is_fitted_to_it(qtbot: Any, ctx: Any, opened: Any) -> None:
    from ui.main_window import TITLE_BAR

    saved_geometry(ctx.settings, QRect(600, 500, 2400, 1500))
    w = opened()
    room = w.screen().availableGeometry()
    geo = w.geometry()  # before it is shown: a title bar's room left above it
    assert geo.top() >= room.top() + TITLE_BAR and geo.bottom() <= room.bottom() and geo.left() >= room.left()
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: on_screen(w, room), timeout=5_000)  # with its real frame
    assert w.geometry().height() > room.height() // 2  # shrunk, not collapsed
    assert not w.isMaximized()


def test_a_maximised_window_stays_maximised(qtbot: Any, ctx: Any, opened: Any) -> None:
    saved_geometry(ctx.settings, QRect(0, 0, 2400, 1500), maximised=True)
    w = opened()
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)
    assert w.isMaximized()
