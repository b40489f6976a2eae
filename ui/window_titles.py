"""Every dialog at least as wide as its own title: one rule for the whole application.

The window manager draws a dialog's title ("New staff member — Ketnoi") in the title bar beside
its icon and buttons and cuts it when the dialog is narrower ("Cán b… Ketnoi": a reviewer saw the
new-staff dialog's title cut in Vietnamese). Qt sizes a dialog by its contents alone, so a small
one (a name asked for, a short question) is narrower than its title in both languages.

:func:`install` (:func:`ui.main.run`, and the tests' application: ``tests/ui/conftest.py``)
widens a dialog to :func:`title_width` (never past its screen), about its middle, when it becomes
the window with the keyboard — as every dialog does once shown — and when its title changes
while it is shown; a message box, which fixes its own size each time it lays itself out, through
its buttons' row.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

TITLE_BAR_ROOM = 120
"""What a title bar takes beside the title, in px: the window's icon, its buttons and their
margins. Openbox takes about 75 (an icon and three buttons); Windows about 80 for a dialog (the
icon and a 46 px close button); KDE's Breeze about 100; the rest is room for a window manager's
title font a little wider than the application's bold one."""

SEPARATOR = " \u2014 "
"""How Qt joins a window's title and the application's display name on X11 and Windows
(``QPlatformWindow::formatWindowTitle``): "Settings — Ketnoi"."""


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


def widen(dialog: QWidget) -> None:
    """Make ``dialog`` as wide as its title needs, if it is narrower (its height as it is),
    about its middle (it is on screen, centred on its parent)."""
    need = title_width(dialog)
    before = dialog.width()
    if before >= need:
        return
    if isinstance(dialog, QMessageBox):
        _widen_message_box(dialog, need)
    elif dialog.maximumWidth() >= need:
        dialog.resize(need, dialog.height())
    if dialog.width() != before:
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
    buttons.setMinimumWidth(need - margins.left() - margins.right())
    QCoreApplication.sendPostedEvents(box, QEvent.Type.LayoutRequest)  # its size fixed again, now


class TitleRoom(QObject):
    """Behind :func:`install`: a dialog is fitted to its title when it becomes the window with
    the keyboard (every dialog does as it is shown) and when its title changes.

    Not an event filter on the application: a Python filter there, even one that does nothing,
    is called for every event of every object (0.7 → 2.4 µs a ``sendEvent``) and that delay was
    enough for a key pressed in a message box as it appears to reach it before it was active."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        app.focusWindowChanged.connect(self._focused)

    def _focused(self, window: QWindow | None) -> None:
        if window is None:
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.windowHandle() == window:
                if not widget.property("ketnoi_title_room"):
                    widget.setProperty("ketnoi_title_room", True)
                    widget.windowTitleChanged.connect(self._retitled)
                widen(widget)
                return

    def _retitled(self, _title: str) -> None:
        dialog = self.sender()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            widen(dialog)


def install(app: QCoreApplication) -> TitleRoom:
    """Widen every dialog of ``app`` to its title from now on (once per application)."""
    for child in app.children():
        if isinstance(child, TitleRoom):
            return child
    assert isinstance(app, QGuiApplication)
    return TitleRoom(app)
