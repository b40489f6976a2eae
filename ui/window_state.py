"""The main window's place and size: restored from QSettings, fitted to the screen it is on,
chosen on a first start, saved when it closes (with the splitters and the lists' columns).

Functions of the window (ui.main_window keeps the methods others call: ``place_as``,
``fit_to_screen``, ``save_state``…); Qt only, like the frame that calls them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TITLE_BAR = 40  # room left for the window manager's title bar on a first start (its size is unknown)
# A first start maximises the window when its default size (1280×800) would leave less than this
# beside it (a laptop's 1366 or 1440 px screen), or its height does not fit.
SCREEN_MARGIN = 240


def restore_frame_state(window: MainWindow) -> None:
    """The window's place and size, toolbar and navigation width (the frame's part)."""
    s = window.settings
    if (geo := s.load_state("geometry")) is not None:
        window.restoreGeometry(geo)
        window.fit_to_screen()  # saved on a bigger screen: shrunk and moved onto this one
        window._fit_on_show = True
    elif (screen := window.screen()) is not None:
        window._first_place(screen.availableGeometry())
    if (state := s.load_state("window")) is not None:
        window.restoreState(state)
    if (split := s.load_state("main_splitter")) is not None:
        window.splitter.restoreState(split)
    else:
        window.splitter.setSizes([window.nav_width, max(600, window.width() - window.nav_width)])


def first_place(window: MainWindow, room: QRect) -> None:
    """A first start (no saved place): on a laptop's screen (the default size would leave
    only a strip of desktop beside it, or not fit under a title bar) the whole screen,
    maximised, as a user of a desktop CRM expects: the lists get the room. Its normal size,
    for Restore, is the screen's available area under a title bar. On a bigger screen the
    default size, where the window manager puts it."""
    width, height = window.width(), window.height()
    if width + SCREEN_MARGIN > room.width() or height + TITLE_BAR > room.height():
        # set before it shows: the views are laid out for this width from the start
        window.setGeometry(room.left(), room.top() + TITLE_BAR, room.width(), room.height() - TITLE_BAR)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def fit_to_screen(window: MainWindow) -> None:
    """The whole window on its screen, title bar and status bar too: a place and size saved
    on a bigger screen (or another monitor) are shrunk and moved into the screen's available
    area. A maximised or full-screen window is the window manager's to fit: left alone."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    if (screen := window.screen()) is None:
        return
    room, geo, frame = screen.availableGeometry(), window.geometry(), window.frameGeometry()
    left, top = geo.left() - frame.left(), geo.top() - frame.top()
    right, bottom = frame.right() - geo.right(), frame.bottom() - geo.bottom()
    if frame == geo:  # not shown yet: the frame is unknown, leave a title bar's room
        top = TITLE_BAR
    width = max(min(geo.width(), room.width() - left - right), window.minimumWidth())
    height = max(min(geo.height(), room.height() - top - bottom), window.minimumHeight())
    x = max(min(geo.left(), room.right() + 1 - right - width), room.left() + left)
    y = max(min(geo.top(), room.bottom() + 1 - bottom - height), room.top() + top)
    if QRect(x, y, width, height) != geo:
        window.setGeometry(x, y, width, height)


def restore_views_state(window: MainWindow) -> None:
    """Each record view's split between its list and its page (attach)."""
    s = window.settings
    for entity, view in window.views.items():
        if (vs := s.load_state(f"splitter_{entity}")) is not None:
            view.restoreState(vs)
        else:  # the list the wider (its columns); the page as narrow as it reads well
            room = max(700, window.width() - window.nav_width - 12)
            page = max(view.detail.minimumWidth(), room * 26 // 100)
            view.setSizes([room - page, page])


def save_state(window: MainWindow) -> None:
    """The place and size, the splitters, the view shown and the lists' column widths."""
    s = window.settings
    s.save_state("geometry", window.saveGeometry())
    s.save_state("window", window.saveState())
    s.save_state("main_splitter", window.splitter.saveState())
    s.last_view = window.current_entity()
    for entity, view in window.views.items():
        s.save_state(f"splitter_{entity}", view.saveState())
        view.list._save_widths()
    s.sync()
