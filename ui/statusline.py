"""The status bar's announcements stay readable for their time.

Qt shows a *status tip* in the status bar's message whenever the pointer passes over an action
or a widget: the menu bar and every menu send one for each action they highlight, an empty one
when the action has no tip of its own — which QMainWindow shows as "no message", wiping
"Imported 2,000 contacts" or "Undone: …" before anyone could read it.

:class:`StatusLine` is the window's one way to announce (``ctx.status_message`` reaches it).
It watches the window's status tips while an announcement is up: an empty tip leaves the
announcement where it is; a real tip (a read-only window's "you can look, not change") is shown
while pointed at, and the announcement comes back, for what is left of its time, as soon as the
pointer leaves. After :attr:`SHOWN_MS` the announcement goes and status tips work as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QMainWindow


class StatusLine(QObject):
    SHOWN_MS = 10_000  # long enough to read a two-line-long sentence once, twice for a short one

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("status_line")
        self.window = window
        self.text = ""  # the announcement up now ("" none)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._expire)
        window.installEventFilter(self)

    def announce(self, text: str, ms: int | None = None) -> None:
        """Show ``text`` for ``ms`` (default :attr:`SHOWN_MS`; 0 until replaced or cleared)."""
        self.text = text
        self.window.statusBar().showMessage(text)
        shown = self.SHOWN_MS if ms is None else ms
        if shown > 0 and text:
            self._timer.start(shown)
        else:
            self._timer.stop()

    def clear(self) -> None:
        self.text = ""
        self._timer.stop()
        self.window.statusBar().clearMessage()

    def _expire(self) -> None:
        bar = self.window.statusBar()
        if bar.currentMessage() == self.text:
            bar.clearMessage()
        self.text = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and self.text and event.type() == QEvent.Type.StatusTip:
            assert isinstance(event, QStatusTipEvent)
            self.window.statusBar().showMessage(event.tip() or self.text)
            return True
        return False
