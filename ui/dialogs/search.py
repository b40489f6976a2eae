"""Search everywhere (Ctrl+K): one box over every record kind, accents optional."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app import search
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
        with self.ctx.read() as s:
            hits = search.search(s, self.box.text(), limit=30)
        for h in hits:
            text = f"{h.title}\n{labels.entity_name(h.kind)}" + (f" · {h.subtitle}" if h.subtitle else "")
            item = QListWidgetItem(icon(h.kind), text)
            item.setData(Qt.ItemDataRole.UserRole, (h.kind, h.id))
            item.setToolTip(text)
            self.results.addItem(item)
            # as wide as the box, not as its text: the view elides what does not fit
            item.setSizeHint(QSize(1, self.results.sizeHintForRow(self.results.count() - 1)))
        if hits:
            self.results.setCurrentRow(0)

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
