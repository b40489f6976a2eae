"""What an empty list says over its rows when its filters leave everything out ("No contacts
match these filters: “zzz”."), with Show all to clear them (reviewer: a filter nothing matched
showed a blank list, nothing saying why or how to get the records back)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyNote(QWidget):
    """A sentence and a Show all button at the top of ``view``'s viewport, as wide as it."""

    show_all = Signal()

    def __init__(self, view: QAbstractItemView, parent: QWidget) -> None:
        super().__init__(view.viewport())
        self.setObjectName(f"empty_note_{parent.objectName()}")
        self.text = QLabel(self)
        self.text.setObjectName("empty_note_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # the filters hold what the person typed
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # the words of the status bar's offer of the same (ui.filter_offer), and its translation
        self.button = QPushButton(QCoreApplication.translate("ShowAllOffer", "Show all"), self)
        self.button.setObjectName("empty_note_show_all")
        self.button.setToolTip(self.tr("Clear this list's filters"))
        self.button.clicked.connect(lambda _c=False: self.show_all.emit())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 24, 16, 8)
        lay.addWidget(self.text)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        # reached by Tab from the list (the list is empty: nothing there to act on)
        QWidget.setTabOrder(view, self.button)
        self.hide()

    def say(self, text: str) -> None:
        self.text.setText(text)
        self._place()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        width = self._viewport.width()
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else self.sizeHint().height()
        self.setGeometry(0, 0, width, max(height, self.sizeHint().height()))
