"""The forms' Country box: every country, named in the window's language with the other
language beside it ("Germany (Đức)"), searched by typing either name or the code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app import countries


class CountryBox(QComboBox):
    """An editable list of countries; :meth:`value` is the code ("DE") or None ("—": not
    said, the record's own rule applies: a contact's from their number or organisation)."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("—", None)
        for c in countries.countries(lang):
            self.addItem(c.shown(lang), c.code)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # (editable)
        line.editingFinished.connect(self._read)
        line.setPlaceholderText("—")

    def _read(self) -> None:
        """What was typed ("duc", "Germ", "de") as the country it names; else the one shown before."""
        text = self.currentText().strip()
        if self.currentIndex() >= 0 and text == self.itemText(self.currentIndex()):
            return
        if not text or text == "—":
            self.setCurrentIndex(0)
            return
        found = countries.find(text)
        at = self.findData(found.code) if found is not None else -1
        self.setCurrentIndex(at if at >= 0 else max(0, self.currentIndex()))
        self.setEditText(self.itemText(self.currentIndex()))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._read()  # (Tab with the completer's list open leaves without editingFinished)
        super().focusOutEvent(event)

    def value(self) -> str | None:
        self._read()
        data = self.currentData()
        return str(data) if data else None

    def set_value(self, code: str | None) -> None:
        at = self.findData((code or "").upper()) if code else 0
        self.setCurrentIndex(max(0, at))
