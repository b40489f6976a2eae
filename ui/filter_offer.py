"""A record the window opened that its list's filters leave out, said in the status bar with
"Show all" beside it (reviewer: with the Actions filter on "Done", a new open action saved
showed in the record pane but not in the list, which said "1 action", and nothing said why).

The same for every list (organisations, contacts, meetings, actions) and every way a record is
opened there (a new record saved, a search result, a link): the sentence names the filters that
leave it out; "Show all" puts every filter of that list back to "any" and selects the record.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QToolButton, QWidget

from ui.context import AppContext
from ui.statusline import StatusLine


class ShowAllOffer(QToolButton):
    """ "Show all" in the status bar, beside its sentence, for as long as the sentence is shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_show_all")
        self.ctx = ctx
        self.setText(self.tr("Show all"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(True)
        self._go: Callable[[], object] | None = None
        self._said = ""
        self._timer = QTimer(self, singleShot=True, interval=StatusLine.SHOWN_MS)
        self._timer.timeout.connect(self.withdraw)
        self.clicked.connect(lambda _c=False: self._take())
        ctx.status_message.connect(self._other_answer)  # another answer replaces this one
        self.hide()

    def offer(self, sentence: str, go: Callable[[], object]) -> None:
        self._go, self._said = go, sentence
        self.setToolTip(sentence)
        self.ctx.status_message.emit(sentence)
        self.show()
        self._timer.start()

    def withdraw(self) -> None:
        self._go, self._said = None, ""
        self._timer.stop()
        self.hide()

    def _other_answer(self, text: str) -> None:
        if text != self._said:
            self.withdraw()

    def _take(self) -> None:
        go = self._go
        self.withdraw()
        self.ctx.status_message.emit("")
        if go is not None:
            go()
