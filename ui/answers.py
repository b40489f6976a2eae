"""Every command ends with a visible answer.

A saved record, an undo, an import say so in the status bar (``ctx.status_message``; the bar's
Undo button offers the operation back). A written file — a brief, an export, a template — says
where it went, and the status bar offers **Open** and **Show in folder** beside the message
(:class:`FileOffer`). When no program opens a file (``QDesktopServices.openUrl`` answers False),
:func:`open_file` says where it was saved and offers to show the folder instead of doing nothing.

The offer reaches the window through a small hub kept as a child of the app context, so any
dialog that has ``ctx`` can announce a file without knowing the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QToolButton, QWidget

from ui.context import AppContext
from ui.icons import icon


class _Hub(QObject):
    file_written = Signal(str, str)  # message, path


def _hub(ctx: AppContext) -> _Hub:
    found = ctx.findChild(_Hub, "answers_hub")
    if found is None:
        found = _Hub(ctx)
        found.setObjectName("answers_hub")
    return found


def file_written(ctx: AppContext, message: str, path: Path | str) -> None:
    """Say in the status bar that ``path`` was written, with Open and Show in folder beside it."""
    ctx.status_message.emit(message)
    _hub(ctx).file_written.emit(message, str(path))


def _launch(url: QUrl) -> bool:
    """Hand a file or folder to the system (tests replace this)."""
    return bool(QDesktopServices.openUrl(url))


def show_in_folder(path: Path | str) -> bool:
    return _launch(QUrl.fromLocalFile(str(Path(path).parent)))


def open_file(parent: QWidget | None, path: Path | str) -> bool:
    """Open ``path`` in the system's program for it; when none answers, say where the file is
    and offer to show its folder. True when a program took it."""
    path = Path(path)
    if _launch(QUrl.fromLocalFile(str(path))):
        return True
    no_viewer(parent, path)
    return False


def no_viewer(parent: QWidget | None, path: Path) -> QMessageBox:
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Information, tr("Answers", "Open file"), "", parent=parent)
    box.setObjectName("no_viewer")
    box.setText(
        tr("Answers", "No program opened %1. It is saved in:\n%2")
        .replace("%1", path.name)
        .replace("%2", str(path.parent))
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    show = box.addButton(tr("Answers", "Show in folder"), QMessageBox.ButtonRole.ActionRole)
    show.setObjectName("show_in_folder")
    box.addButton(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda b: show_in_folder(path) if b is show else None)
    box.open()
    return box


class FileOffer(QWidget):
    """Open / Show in folder, in the status bar beside the message about a written file."""

    SHOWN_MS = 20_000

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file_offer")
        self.path: Path | None = None
        self.open_button = QToolButton(self)
        self.open_button.setObjectName("offer_open")
        self.open_button.setText(self.tr("Open"))
        self.folder_button = QToolButton(self)
        self.folder_button.setObjectName("offer_folder")
        self.folder_button.setText(self.tr("Show in folder"))
        for b in (self.open_button, self.folder_button):
            b.setAutoRaise(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.open_button.setIcon(icon("brief"))
        self.open_button.clicked.connect(lambda _c=False: self.open())
        self.folder_button.clicked.connect(lambda _c=False: self.show_folder())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.open_button)
        lay.addWidget(self.folder_button)
        self._timer = QTimer(self, singleShot=True, interval=self.SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        ctx.status_message.connect(self._other_answer)  # another answer replaces this one
        _hub(ctx).file_written.connect(self.offer)
        self.hide()

    def _other_answer(self, _message: str) -> None:
        self.hide()

    def offer(self, message: str, path: str) -> None:
        self.path = Path(path)
        self.open_button.setToolTip(str(self.path))
        self.folder_button.setToolTip(str(self.path.parent))
        self.show()
        self._timer.start()

    def open(self) -> None:
        if self.path is not None:
            open_file(self.window(), self.path)

    def show_folder(self) -> None:
        if self.path is not None:
            show_in_folder(self.path)
