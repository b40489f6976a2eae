"""Ctrl+Z in a text box with nothing left to undo undoes the window's last step.

A QLineEdit claims Ctrl+Z (its ShortcutOverride) whether or not it has typing to undo: after a
merge from Find duplicates the focus came back to the list's filter box, the first Ctrl+Z
cleared the filter's text and the second did nothing while the status bar offered "Undo: Merged
contact…" (reviewer h119). Now the box undoes its own typing first, as before, and once it has
nothing left to undo the key goes on to the window's Edit → Undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit


class UndoFallsThrough(QObject):
    """An event filter (on a list's filter box): without typing to undo, it lets Ctrl+Z go."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and not watched.isUndoAvailable()
        ):
            event.ignore()  # not the box's: the shortcut (the window's Undo) takes the key
            return True
        return False
