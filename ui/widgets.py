"""Small shared widgets: a type-ahead record lookup and a field-error label."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QMessageBox, QWidget

from app import lists
from ui.context import AppContext


def finder(ctx: AppContext, entity: str) -> Callable[[str], list[tuple[int, str]]]:
    """A function text → [(id, label)] over the search index (bounded: 12 hits)."""

    def find(text: str) -> list[tuple[int, str]]:
        with ctx.read() as s:
            if entity == "contact":
                return [
                    (c["id"], c["full_name"] + (f" — {c['organisation']}" if c.get("organisation") else ""))
                    for c in lists.find_contacts(s, text)
                ]
            return [
                (o["id"], o["name"] + (f" ({o['acronym']})" if o.get("acronym") else ""))
                for o in lists.find_organisations(s, text)
            ]

    return find


class Lookup(QLineEdit):
    """Type a few letters (no accents needed), pick a record; ``record_id`` is the choice."""

    picked = Signal(int)

    def __init__(self, ctx: AppContext, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find = finder(ctx, entity)
        self._hits: dict[str, int] = {}
        self.record_id: int | None = None
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated[str].connect(self._chosen)  # type: ignore[index]
        self.setCompleter(completer)
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self._search)

    def _search(self, text: str) -> None:
        self.record_id = None
        hits = self._find(text) if text.strip() else []
        self._hits = {label: i for i, label in hits}
        self._model.setStringList([label for _i, label in hits])
        self._fit_popup()

    def _fit_popup(self) -> None:
        """The list of matches as wide as its longest name, within the screen (reviewer: "Bộ
        Khoa học và Công ng…" in a list as narrow as the box); what still does not fit ends in
        "…". Qt places the list under the box, as wide as the box or this minimum."""
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is None:
            return
        popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        wanted = popup.sizeHintForColumn(0) + 2 * popup.frameWidth() + 8
        if self._model.rowCount() > completer.maxVisibleItems():
            wanted += popup.verticalScrollBar().sizeHint().width()
        room = wanted
        if (screen := self.screen()) is not None:
            area = screen.availableGeometry()
            room = area.x() + area.width() - self.mapToGlobal(QPoint(0, 0)).x()
        popup.setMinimumWidth(max(0, min(wanted, room)))

    def _chosen(self, label: str) -> None:
        if label in self._hits:
            self.record_id = self._hits[label]
            self.picked.emit(self.record_id)

    def set_record(self, record_id: int | None, label: str) -> None:
        self.record_id = record_id
        self.setText(label if record_id else "")

    def value(self) -> int | None:
        if not self.text().strip():
            return None
        if self.record_id is None and len(self._hits) == 1:
            # Text typed but no pick: the single match, if there is exactly one.
            self.record_id = next(iter(self._hits.values()))
        return self.record_id


class ErrorLabel(QLabel):
    """The service's message for one field, shown under it; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        font = QFont(self.font())
        font.setBold(True)
        self.setFont(font)
        self.hide()

    def show_error(self, message: str | None) -> None:
        if message:
            from ui.service_words import service_text

            self.setText("⚠ " + service_text(message))  # a service's English sentence translated
            self.show()
        else:
            self.clear()
            self.hide()


def confirm_discard(parent: QWidget, title: str) -> bool:
    """Ask before closing a form whose typed text was not saved; True means discard it.

    One function for every form, so that tests can answer it (tests/conftest.py does).
    """
    answer = QMessageBox.question(
        parent,
        title,
        QCoreApplication.translate("Forms", "What you typed has not been saved. Discard it?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
