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

:class:`ElidingStatusBar` draws a message too long for the room left of the record count and the
other permanent widgets cut with "…", with a gap before them, and the whole sentence as the
bar's tooltip (reviewer: a disabled login's Vietnamese sentence ran into "78 liên hệ" at 1366
pixels wide). Qt clips such a message at the first permanent widget, with no ellipsis.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent, QStatusTipEvent
from PySide6.QtWidgets import QMainWindow, QStatusBar, QStyle, QStyleOption, QWidget


class ElidingStatusBar(QStatusBar):
    GAP = 16  # between the message's end and the first permanent widget

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_bar")
        self._permanent: list[QWidget] = []
        self.messageChanged.connect(lambda _text: self._tip())

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch or 0)

    def insertPermanentWidget(self, index: int, widget: QWidget, stretch: int | None = 0) -> int:
        self._permanent.append(widget)
        return super().insertPermanentWidget(index, widget, stretch or 0)

    def removeWidget(self, widget: QWidget) -> None:
        if widget in self._permanent:
            self._permanent.remove(widget)
        super().removeWidget(widget)

    def message_rect(self) -> QRect:
        """Where the message is drawn: from the left to the gap before the first permanent
        widget shown (the other way round right to left)."""
        shown = [w for w in self._permanent if w.isVisible() and w.parent() is self]
        left, right = 6, self.width() - 12
        if shown:
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                left = max(left, max(w.geometry().right() for w in shown) + self.GAP)
            else:
                right = min(right, min(w.x() for w in shown) - self.GAP)
        return QRect(left, 0, max(0, right - left), self.height())

    def shown_message(self) -> str:
        """The message as drawn: cut with "…" when it does not fit."""
        return self.fontMetrics().elidedText(
            self.currentMessage(), Qt.TextElideMode.ElideRight, self.message_rect().width()
        )

    def _tip(self) -> None:
        text = self.currentMessage()
        self.setToolTip(text if text and self.shown_message() != text else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tip()

    def paintEvent(self, event: QPaintEvent) -> None:
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        # As QStatusBar paints, with the message elided: the panel, the permanent widgets'
        # frames (the others are hidden while a message shows), the message.
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._permanent:
            if widget.isVisible():
                option.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, option, painter, widget)
        self._tip()  # (the room changes with the count's width, a widget shown or hidden)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self.message_rect(),
            int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine),
            self.shown_message(),
        )


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
