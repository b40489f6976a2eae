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
from db.engine import server_unreachable
from ui import labels
from ui.context import AppContext
from ui.icons import icon


class SearchDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("search_dialog")
        self.setWindowTitle(self.tr("Search everywhere"))
        self.resize(620, 420)
        self.chosen: tuple[str, int] | None = None
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
        self.box.textEdited.connect(lambda _t: self._timer.start())
        self.box.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.box)
        lay.addWidget(self.results)

    def run_search(self) -> None:
        self.results.clear()
        try:
            with self.ctx.read() as s:
                hits = search.search(s, self.box.text(), limit=30)
        except Exception as exc:  # a team server gone: said where the results would be, in
            if not server_unreachable(exc):  # words (the next letter typed asks again)
                raise
            self.empty_note.setText(self.ctx.unreachable_text())
            self.empty_note.show()
            return
        for h in hits:
            text = f"{h.title}\n{self.details(h)}"
            item = QListWidgetItem(icon(h.kind), text)
            item.setData(Qt.ItemDataRole.UserRole, (h.kind, h.id))
            item.setToolTip(text)
            self.results.addItem(item)
            # as wide as the box, not as its text: the view elides what does not fit
            item.setSizeHint(QSize(1, self.results.sizeHintForRow(self.results.count() - 1)))
        if hits:
            self.results.setCurrentRow(0)
        query = " ".join(self.box.text().split())
        nothing = not hits and bool(fold_words(query))
        if nothing:
            self.empty_note.setText(self.tr("No match for “%1”").replace("%1", query))
        self.empty_note.setVisible(nothing)

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
                if self._timer.isActive():
                    self._timer.stop()
                    self.run_search()
                self._choose()
                return True
        return False
