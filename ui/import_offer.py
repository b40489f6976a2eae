"""Ctrl+Z right after an import: where the import is undone.

An import is undone from File → Import history (it can take seconds, keeps what was edited
since and says so), never by Ctrl+Z. When the import is the newest thing the user did, Ctrl+Z
used to answer "Nothing to undo", which reads as "the import cannot be undone". It now says

    Nothing to undo here. The import of “danh-ba.xlsx” (2,000 contacts) is
    undone in File → Import history.                     [Import history…]

on one line of the status bar, short enough for a 1280 px wide window in Vietnamese too: a
long file name is cut in its middle (at most :data:`NAME_PX`, less if the status bar has less
room beside its other widgets); the button's tooltip says it in full, with the import's day. The button beside it opens Import history on that import, its
"Undo import" one click away. Why a message with a button rather than the dialog at once: Ctrl+Z
is pressed by reflex, often several times; a dialog jumping up on a key press takes the focus
and the next key with it, and taking back 2,000 records should be a choice the user makes in
the dialog that shows what undoing keeps. The status bar is where the window's other answers
and offers already are (Undo, Open, Show in folder).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QMoveEvent
from PySide6.QtWidgets import QStatusBar, QToolButton, QWidget

from app.undo_history import ImportOnTop
from db import clock
from ui.context import AppContext
from ui.icons import icon
from ui.labels import records_counted
from ui.statusline import StatusLine


def _written(on_top: ImportOnTop) -> str:
    """What the import wrote ("2,000 contacts"), counted in the window's language."""
    return records_counted(on_top.kinds[0] if len(on_top.kinds) == 1 else "", on_top.records)


NAME_PX = 240  # the most of the status bar a file's name takes (the rest of it: cut in the middle)
LEAST_NAME_PX = 60  # the least: the sentence is cut (whole in the tooltip) before the name goes


def where_undone(ctx: AppContext, on_top: ImportOnTop) -> str:
    """What Ctrl+Z says when the newest operation is an import, in full (the day too)."""
    at = clock.local(on_top.at) if on_top.at.tzinfo else on_top.at  # the office's day, as Import history
    return (
        QCoreApplication.translate(
            "ImportHistoryOffer",
            "Nothing to undo here. Use File → Import history to undo the import of “%1” (%3, %2).",
        )
        .replace("%1", on_top.file_name)
        .replace("%2", ctx.fmt_date(at.date()))
        .replace("%3", _written(on_top))
    )


def where_undone_short(on_top: ImportOnTop, metrics: QFontMetrics, name_px: int = NAME_PX) -> str:
    """The same on one line of a laptop's status bar: without the day (the file and the count
    name the import), the file's name cut in its middle beyond ``name_px``."""
    name = metrics.elidedText(on_top.file_name, Qt.TextElideMode.ElideMiddle, name_px)
    return (
        QCoreApplication.translate(
            "ImportHistoryOffer",
            "Nothing to undo here. The import of “%1” (%2) is undone in File → Import history.",
        )
        .replace("%1", name)
        .replace("%2", _written(on_top))
    )


class ImportHistoryOffer(QToolButton):
    """ "Import history…" in the status bar, beside the sentence, for as long as it is shown."""

    def __init__(
        self, ctx: AppContext, open_history: Callable[[int], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status_import_history")
        self.ctx = ctx
        self.batch_id: int | None = None
        self._on_top: ImportOnTop | None = None
        self._said = ""  # the sentence this offer put in the status bar
        self._saying = False
        self.setIcon(icon("undo"))
        self.setText(self.tr("Import history…"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.clicked.connect(lambda _c=False: self._open(open_history))
        self._timer = QTimer(self, singleShot=True, interval=StatusLine.SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        ctx.status_message.connect(self._other_answer)  # another answer replaces this one
        self.hide()

    def offer(self, on_top: ImportOnTop) -> None:
        """Say where the import is undone, and offer to go there."""
        self.batch_id = on_top.batch_id
        self._on_top = on_top
        self._say(NAME_PX)
        self.setToolTip(where_undone(self.ctx, on_top))  # in full: the whole name, the day
        self.show()
        self._timer.start()
        QTimer.singleShot(0, self._fit)  # once the status bar has placed this button

    def _say(self, name_px: int, room: int | None = None) -> None:
        """The sentence in the status bar, the file's name at most ``name_px`` wide, shorter
        still (down to :data:`LEAST_NAME_PX`) until the sentence fits ``room`` if given."""
        assert self._on_top is not None
        bar = self.parentWidget()  # the status bar: its font draws the message
        metrics = (bar or self).fontMetrics()
        said = where_undone_short(self._on_top, metrics, name_px)
        while (
            room is not None
            and (over := metrics.horizontalAdvance(said) - room) > 0
            and name_px > LEAST_NAME_PX
        ):
            name_px = max(LEAST_NAME_PX, name_px - max(over, 4))  # (4: the quotes' kerning)
            said = where_undone_short(self._on_top, metrics, name_px)
        if said == self._said and room is not None:
            return
        self._said = said
        self._saying = True  # (our own sentence does not take this button away)
        try:
            self.ctx.status_message.emit(said)
        finally:
            self._saying = False

    def _fit(self) -> None:
        """The file's name shorter if the sentence is wider than the status bar's room for it:
        up to this button, the first of its permanent widgets (QStatusBar draws the message
        from 6 px to 2 px before it)."""
        bar = self.parentWidget()
        if not isinstance(bar, QStatusBar) or not self.isVisible() or self._on_top is None:
            return
        if bar.currentMessage() != self._said:
            return  # (another answer took the status bar)
        full = bar.fontMetrics().horizontalAdvance(self._on_top.file_name)
        self._say(min(full + 1, NAME_PX), room=self.x() - 8)

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        if self.isVisible():  # the status bar made room for another widget (a count, a path)
            QTimer.singleShot(0, self._fit)

    def _other_answer(self, _message: str) -> None:
        if not self._saying:
            self.hide()

    def _open(self, open_history: Callable[[int], object]) -> None:
        batch = self.batch_id
        self.hide()
        if batch is not None:
            open_history(batch)
