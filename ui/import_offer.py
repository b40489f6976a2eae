"""Ctrl+Z right after an import: where the import is undone.

An import is undone from File → Import history (it can take seconds, keeps what was edited
since and says so), never by Ctrl+Z. When the import is the newest thing the user did, Ctrl+Z
used to answer "Nothing to undo", which reads as "the import cannot be undone". It now says

    Nothing to undo here. Use File → Import history to undo the import of
    “danh-ba.xlsx” (2,000 contacts, 23/11/2026).        [Import history…]

with a button beside it in the status bar that opens Import history on that import, its
"Undo import" one click away. Why a message with a button rather than the dialog at once: Ctrl+Z
is pressed by reflex, often several times; a dialog jumping up on a key press takes the focus
and the next key with it, and taking back 2,000 records should be a choice the user makes in
the dialog that shows what undoing keeps. The status bar is where the window's other answers
and offers already are (Undo, Open, Show in folder).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QToolButton, QWidget

from app.undo_history import ImportOnTop
from ui.context import AppContext
from ui.icons import icon
from ui.labels import records_counted
from ui.statusline import StatusLine


def _written(on_top: ImportOnTop) -> str:
    """What the import wrote ("2,000 contacts"), counted in the window's language."""
    return records_counted(on_top.kinds[0] if len(on_top.kinds) == 1 else "", on_top.records)


def where_undone(ctx: AppContext, on_top: ImportOnTop) -> str:
    """The sentence Ctrl+Z says when the newest operation is an import."""
    at = on_top.at.astimezone() if on_top.at.tzinfo else on_top.at  # the local day, as Import history
    # (the day, not the time: the sentence is long for a status bar; the file names the import)
    return (
        QCoreApplication.translate(
            "ImportHistoryOffer",
            "Nothing to undo here. Use File → Import history to undo the import of “%1” (%3, %2).",
        )
        .replace("%1", on_top.file_name)
        .replace("%2", ctx.fmt_date(at.date()))
        .replace("%3", _written(on_top))
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
        said = where_undone(self.ctx, on_top)
        self.ctx.status_message.emit(said)  # (hides this button: shown again below)
        self.setToolTip(said)  # in full: a narrow window's status bar cuts the message
        self.show()
        self._timer.start()

    def _other_answer(self, _message: str) -> None:
        self.hide()

    def _open(self, open_history: Callable[[int], object]) -> None:
        batch = self.batch_id
        self.hide()
        if batch is not None:
            open_history(batch)
