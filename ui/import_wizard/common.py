"""Small pieces the wizard pages share: the busy strip and how an error is told."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.errors import UserError
from app.importing.messages import Message
from ui import labels
from ui.import_wizard.messages import wording
from ui.not_written import error_text

log = logging.getLogger(__name__)


def in_window_language(bilingual: str) -> str:
    """A header of the import template ("Họ / Family name") in the window's language."""
    vi, sep, en = bilingual.partition(" / ")
    if not sep:
        return bilingual
    return vi.strip() if QLocale().language() == QLocale.Language.Vietnamese else en.strip()


def num(n: int) -> str:
    """A count as the window's language groups it (100,000 / 100.000): :func:`ui.labels.number`."""
    return labels.number(n)


def describe(exc: BaseException) -> str:
    """One line for the person importing: the service's own message, never a traceback."""
    message = getattr(exc, "message", None)
    if isinstance(exc, UserError) and isinstance(message, Message):
        return wording(message, where=True)
    if isinstance(exc, UserError):  # its Vietnamese where it has one (a full disk: db.errors.DiskFull)
        return error_text(exc)
    log.error("import wizard: unexpected error", exc_info=exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} ({exc.filename})" if exc.filename else str(exc)
    return f"{type(exc).__name__}: {exc}"


class BusyStrip(QWidget):
    """ "Reading rows… [=====    ] Cancel": shown while a background step runs."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(220)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("busy_cancel")
        self.cancel.clicked.connect(self._cancel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar, 1)
        lay.addWidget(self.cancel)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel.setEnabled(True)
        self.show()

    def progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self.bar.maximum() != total:
            self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))
        self.bar.setFormat(f"{num(min(done, total))} / {num(total)}")

    def waiting(self, text: str) -> None:
        """A step that reports no progress runs: ``text`` says which, and the bar moves as a busy
        bar until the next report (reviewer: "5 / 3.009", still, for 6 s, then done)."""
        self.label.setText(text)
        self.bar.setRange(0, 0)

    def _cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def finishing(self, text: str) -> None:
        """The step can no longer be cancelled (an import's COMMIT runs): ``text`` says so, and
        Cancel is disabled (it read "60,000 / 60,000", enabled, and a click there was ignored)."""
        self.cancel.setEnabled(False)
        self.label.setText(text)

    def stop(self) -> None:
        self.hide()


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(f'<span style="color:#c8372d">⚠</span> {_esc(text)}')
    label.setTextFormat(Qt.TextFormat.RichText)
    label.show()


def show_note(label: QLabel, text: str) -> None:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setVisible(bool(text))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
