"""Every dialog at least as wide as its own title: one rule for the whole application.

The window manager draws a dialog's title ("New staff member — Ketnoi") in the title bar beside
its icon and buttons and cuts it when the dialog is narrower ("Cán b… Ketnoi": a reviewer saw the
new-staff dialog's title cut in Vietnamese). Qt sizes a dialog by its contents alone, so a small
one (a name asked for, a short question) is narrower than its title in both languages.

:func:`install` puts one event filter on the application (:func:`ui.main.run`, and the tests'
application: ``tests/ui/conftest.py``): a dialog being shown, or whose title changes while it is
shown, is widened to :func:`title_width` (never past its screen) before the window manager maps
it, so it is placed at that width; a message box, which fixes its own size each time it lays
itself out, through its buttons' row. The filter looks at an event's type and nothing else for
every other event.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

TITLE_BAR_ROOM = 120
"""What a title bar takes beside the title, in px: the window's icon, its buttons and their
margins. Openbox takes about 75 (an icon and three buttons); Windows about 80 for a dialog (the
icon and a 46 px close button); KDE's Breeze about 100; the rest is room for a window manager's
title font a little wider than the application's bold one."""

SEPARATOR = " \u2014 "
"""How Qt joins a window's title and the application's display name on X11 and Windows
(``QPlatformWindow::formatWindowTitle``): "Settings — Ketnoi"."""

_WATCHED = (QEvent.Type.Show, QEvent.Type.WindowTitleChange)


def shown_title(window: QWidget) -> str:
    """The title as the window manager is given it: with " — Ketnoi" after it."""
    title = window.windowTitle()
    name = QGuiApplication.applicationDisplayName()
    if not name or title.endswith(name):
        return title or name
    return f"{title}{SEPARATOR}{name}" if title else name


def title_width(window: QWidget) -> int:
    """How wide ``window`` must be for its title bar to show its title whole (measured in the
    application's font made bold, as title bars draw it), never wider than its screen."""
    font = QFont(QApplication.font())
    font.setBold(True)
    need = QFontMetrics(font).horizontalAdvance(shown_title(window)) + TITLE_BAR_ROOM
    screen = window.screen()
    if screen is not None:
        need = min(need, screen.availableGeometry().width() - 40)
    return need


def widen(dialog: QWidget, *, recentre: bool = False) -> None:
    """Make ``dialog`` as wide as its title needs, if it is narrower (its height as it is);
    ``recentre``: about its middle (a dialog on screen), else from where it is."""
    need = title_width(dialog)
    if isinstance(dialog, QMessageBox):
        _widen_message_box(dialog, need)
        return
    if dialog.width() >= need:
        return
    before = dialog.width()
    if dialog.maximumWidth() >= need:
        dialog.resize(need, dialog.height())
    else:
        return
    if recentre:
        dialog.move(dialog.x() - (dialog.width() - before) // 2, dialog.y())


def _widen_message_box(box: QMessageBox, need: int) -> None:
    """A message box fixes its size to its layout's least width whenever it lays itself out
    (``QMessageBoxPrivate::updateSize``, after the title plus 50 px, too few for a title bar):
    its buttons' row, which spans the box, is given the title's width instead."""
    layout = box.layout()
    buttons = box.findChild(QDialogButtonBox)
    if layout is None or buttons is None:
        return
    margins = layout.contentsMargins()
    least = need - margins.left() - margins.right()
    if buttons.minimumWidth() < least:
        buttons.setMinimumWidth(least)


class TitleRoom(QObject):
    """The application's event filter behind :func:`install`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _WATCHED and isinstance(watched, QDialog) and watched.isWindow():
            if event.type() == QEvent.Type.Show:
                widen(watched)  # before the window is mapped: placed (centred) at this width
            elif watched.isVisible():  # a new title on screen
                widen(watched, recentre=True)
        return False


def install(app: QCoreApplication) -> TitleRoom:
    """Widen every dialog of ``app`` to its title from now on (once per application)."""
    for child in app.children():
        if isinstance(child, TitleRoom):
            return child
    room = TitleRoom(app)
    app.installEventFilter(room)
    return room
