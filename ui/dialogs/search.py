"""Search everywhere (Ctrl+K): one box over every record kind, accents optional."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import search
from app.vntext import fold_words
from db.engine import read_session
from ui import labels
from ui.context import AppContext, Unreachable
from ui.icons import icon
from ui.tasks import Task


class SearchDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("search_dialog")
        self.setWindowTitle(self.tr("Search everywhere"))
        self.resize(620, 420)
        self.chosen: tuple[str, int] | None = None
        self._generation = 0  # only the latest question's answer is shown
        self._latest = [0]  # (the same, for the pool thread: a question already stale is not asked)
        self._asking: str | None = None  # the text whose answer is awaited
        self._pick = False  # Enter was pressed before the answer came: its first hit is chosen
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr("Organisations, people, meetings, actions… (nguyen, nic, dang)"))
        self.box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.results = QListWidget(self)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a long name ends in "…" within the box (its tooltip has it whole): never a sideways
        # scroll that cuts "…Quốc gi" (reviewer)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setWordWrap(False)
        # a search that finds nothing says so where the results would be, not an empty white box
        # (reviewer: "nguyen van", "zzqx"); kept until the next answer replaces it, never flashed
        # while typing
        self.empty_note = QLabel(self.results.viewport())
        self.empty_note.setObjectName("search_no_match")
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        note_lay = QVBoxLayout(self.results.viewport())
        note_lay.addWidget(self.empty_note, 0, Qt.AlignmentFlag.AlignTop)
        self.empty_note.hide()
        self.results.itemActivated.connect(self._choose)
        self.results.itemDoubleClicked.connect(self._choose)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run_search)
        self.box.textEdited.connect(self._edited)
        self.box.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.box)
        lay.addWidget(self.results)

    def run_search(self) -> None:
        """Ask for the box's text off the UI thread (a team server over a slow link, or one gone
        away, froze the window at every letter typed): the results shown stay until the answer
        comes, and only the latest question's answer is shown — an older one arriving late is
        dropped."""
        self._generation += 1
        generation, latest = self._generation, self._latest
        latest[0] = generation
        text = self.box.text()
        self._asking = text
        engine = self.ctx.engine

        def work(_task: Task) -> list[search.SearchHit] | None:
            if latest[0] != generation:  # a newer question was asked before this one's turn came
                return None
            with read_session(engine) as s:
                return search.search(s, text, limit=30)

        def done(hits: list[search.SearchHit] | None) -> None:
            if generation == self._generation and hits is not None:
                self._asking = None
                self._show(text, hits)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._asking = None
            self._pick = False
            if not isinstance(exc, Unreachable):
                if self.ctx.tasks.default_error is None:
                    raise exc
                self.ctx.tasks.default_error(exc)
                return
            # a team server gone: said where the results would be, in words (the next letter
            # typed asks again, and so does the server coming back)
            self.results.clear()
            self.empty_note.setText(str(exc))
            self.empty_note.show()

        self.ctx.tasks.run(work, on_done=done, on_error=failed, owner=self)

    def _show(self, text: str, hits: list[search.SearchHit]) -> None:
        self.results.clear()
        for h in hits:
            line = f"{h.title}\n{self.details(h)}"
            item = QListWidgetItem(icon(h.kind), line)
            item.setData(Qt.ItemDataRole.UserRole, (h.kind, h.id))
            item.setToolTip(line)
            self.results.addItem(item)
            # as wide as the box, not as its text: the view elides what does not fit
            item.setSizeHint(QSize(1, self.results.sizeHintForRow(self.results.count() - 1)))
        if hits:
            self.results.setCurrentRow(0)
        query = " ".join(text.split())
        nothing = not hits and bool(fold_words(query))
        if nothing:
            self.empty_note.setText(self.tr("No match for “%1”").replace("%1", query))
        self.empty_note.setVisible(nothing)
        if self._pick:  # Enter was pressed before this answer came: its first hit, if any
            self._pick = False
            self._choose()

    def details(self, hit: search.SearchHit) -> str:
        """The line under a hit's title in the window's words and language, never a stored code:
        "Action · We owe · In progress · Due 03/12/2026" ("Việc cần làm · Bên ta cần làm · Đã xong ·
        Hạn 12/12/2026"), dates in the chosen format."""
        parts = [labels.entity_name(hit.kind)]
        if hit.direction:
            parts.append(labels.direction(hit.direction))
        if hit.status:
            parts.append(
                labels.letter_status(hit.status) if hit.kind == "letter" else labels.status(hit.status)
            )
        if hit.due:
            parts.append(f"{labels.column_title('action', 'due_date')} {self.ctx.fmt_date(hit.due)}")
        if hit.file:  # found by a file on it ("Tệp đính kèm: Bien_ban.pdf")
            parts.append(f"{labels.entity_name('attachment')}: {hit.file}")
        if hit.subtitle:
            parts.append(hit.subtitle)
        return " · ".join(parts)

    def _edited(self, _text: str) -> None:
        self._pick = False  # (an Enter pressed for what the box said before)
        self._timer.start()

    def done(self, result: int) -> None:
        """Closed (a choice, Esc, the window's ×): an answer still on its way is ignored."""
        self._timer.stop()
        self._generation += 1
        self._latest[0] = self._generation
        self._asking, self._pick = None, False
        super().done(result)

    def _choose(self, item: QListWidgetItem | None = None) -> None:
        item = item or self.results.currentItem()
        if item is not None:
            kind, ident = item.data(Qt.ItemDataRole.UserRole)
            self.chosen = (str(kind), int(ident))
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            n = self.results.count()
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and n:
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self.results.setCurrentRow((self.results.currentRow() + step) % n)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive() or (self._asking is not None and self._asking != self.box.text()):
                    self._timer.stop()
                    self.run_search()
                if self._asking is not None:  # chosen when the answer for this text comes
                    self._pick = True
                else:
                    self._choose()
                return True
        return False
