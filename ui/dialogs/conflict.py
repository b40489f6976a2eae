"""Someone saved the record after it was opened: show both versions, let the user choose."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError
from ui import labels
from ui.context import AppContext


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v.get("full_name", v)) if isinstance(v, dict) else str(v) for v in value)
    return "" if value is None else str(value)


class ConflictDialog(QDialog):
    def __init__(self, ctx: AppContext, exc: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = "edit"
        intro = QLabel(
            self.tr(
                "“%1” was saved by someone else after you opened it. Nothing has been overwritten. "
                "Compare the two versions and choose."
            ).replace("%1", exc.label),
            self,
        )
        intro.setWordWrap(True)
        fields = [k for k in exc.attempted if _show(exc.attempted.get(k)) != _show(exc.current.get(k))]
        self.table = QTableWidget(len(fields), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Saved now"), self.tr("Yours")])
        for row, name in enumerate(fields):
            self.table.setItem(row, 0, QTableWidgetItem(labels.field_label(name)))
            self.table.setItem(row, 1, QTableWidgetItem(_show(exc.current.get(name))))
            self.table.setItem(row, 2, QTableWidgetItem(_show(exc.attempted.get(name))))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(self)
        mine = QPushButton(self.tr("Save mine over theirs"), self)
        theirs = QPushButton(self.tr("Discard mine, keep theirs"), self)
        keep = QPushButton(self.tr("Keep editing"), self)
        buttons.addButton(mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(theirs, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.RejectRole)
        mine.clicked.connect(lambda: self._choose("mine", accept=True))
        theirs.clicked.connect(lambda: self._choose("theirs", accept=False))
        keep.clicked.connect(lambda: self._choose("edit", accept=False))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def _choose(self, choice: str, *, accept: bool) -> None:
        self.choice = choice
        if accept:
            self.accept()
        else:
            self.reject()
