"""Log e-mail files (.eml, .msg) from the window: File → Log e-mail…, or dropped on the window
or on a record's page.

Each file is read off the UI thread (:func:`app.emails.read_email`) and compared with the
database: a message logged before is named ("already logged"), not logged twice. Addresses no
contact or staff member has are offered as new contacts (ticked ones are created with the
e-mail, in the same undoable step). The e-mail is then written on the write lane.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import emails
from db.engine import Session
from ui import file_dialogs, labels
from ui.context import AppContext
from ui.not_written import error_text
from ui.tasks import Task
from ui.team import is_reader, read_only_tip


@dataclass(frozen=True)
class _Read:
    parsed: emails.ParsedEmail
    already: emails.LogResult | None
    unknown: list[emails.Address]


class NewContactsDialog(QDialog):
    """Which unknown addresses become contacts (none ticked at first)."""

    def __init__(self, subject: str, unknown: list[emails.Address], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_contacts_dialog")
        self.setWindowTitle(self.tr("Log e-mail"))
        text = QLabel(
            self.tr("“%1”: these addresses are not in Ketnoi. Tick the ones to add as contacts:").replace(
                "%1", subject
            ),
            self,
        )
        text.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("new_contacts_list")
        for a in unknown:
            item = QListWidgetItem(str(a))
            item.setData(Qt.ItemDataRole.UserRole, a.email)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Log e-mail"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self._fit(layout)

    def _fit(self, layout: QVBoxLayout) -> None:
        """Wide enough for its title and every address, tall enough for the list, within the
        screen (reviewer: the title cut "Ghi nhận thư… từ", an address cut with a scroll bar
        under it). An address still too long for the screen keeps its whole text in a tooltip."""
        metrics = self.list.fontMetrics()
        check = self.style().pixelMetric(self.style().PixelMetric.PM_IndicatorWidth) + 16
        items = [self.list.item(i) for i in range(self.list.count())]
        widest = max((metrics.horizontalAdvance(i.text()) + check for i in items), default=0)
        frame = self.list.frameWidth() * 2 + self.list.verticalScrollBar().sizeHint().width()
        margins = layout.contentsMargins()
        sides = margins.left() + margins.right()
        title = self.fontMetrics().horizontalAdvance(self.windowTitle()) + 160  # icon and buttons
        width = max(widest + frame + sides, title, 420)
        rows = sum(self.list.sizeHintForRow(i) for i in range(min(len(items), 12)))
        height = self.sizeHint().height() - self.list.sizeHint().height() + rows + frame + 8
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.width() > 0:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 60)
        room = width - frame - sides - check
        for item in items:
            if metrics.horizontalAdvance(item.text()) > room:
                item.setToolTip(item.text())
        self.resize(width, max(height, self.minimumSizeHint().height()))

    def chosen(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [
            str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked
        ]


def ask_new_contacts(parent: QWidget | None, subject: str, unknown: list[emails.Address]) -> list[str] | None:
    """The addresses to create contacts for; None when the person cancelled."""
    dialog = NewContactsDialog(subject, unknown, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class EmailLogger(QObject):
    """Logs e-mail files one after the other; ``logged(meeting_id)`` after each."""

    logged = Signal(int)
    idle = Signal()

    def __init__(self, ctx: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.ctx = ctx
        self.widget = parent_widget
        self.queue: list[tuple[Path, str | None, int | None]] = []
        self.busy = False

    def choose(self, kind: str | None = None, record_id: int | None = None) -> None:
        names, _ = file_dialogs.get_open_file_names(
            self.widget, self.tr("Log e-mail"), "", self.tr("E-mail messages (*.eml *.msg)")
        )
        self.log_files([Path(n) for n in names], kind, record_id)

    def log_files(self, paths: list[Path], kind: str | None = None, record_id: int | None = None) -> None:
        if paths and is_reader(self.ctx):  # a reader's window logs nothing: say why
            self.ctx.status_message.emit(read_only_tip(self.ctx))
            return
        self.queue += [(p, kind, record_id) for p in paths]
        if not self.busy:
            self._next()

    def _next(self) -> None:
        if not self.queue:
            self.busy = False
            self.idle.emit()
            return
        self.busy = True
        path, kind, record_id = self.queue.pop(0)

        def read(_task: Task) -> _Read:
            parsed = emails.read_email(path)
            with self.ctx.read() as s:
                return _Read(parsed, emails.already_logged(s, parsed), emails.unknown_addresses(s, parsed))

        self.ctx.tasks.run(read, on_done=lambda r: self._read(r, kind, record_id), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        message = error_text(exc)  # Ketnoi's own refusal in the window's language (its "vi")
        QMessageBox.warning(self.widget, self.tr("Log e-mail"), message)
        self._next()

    def _read(self, r: _Read, kind: str | None, record_id: int | None) -> None:
        if r.already is not None:
            text = self.tr("Already logged: “%1”").replace("%1", r.already.title)
            if r.already.in_trash:
                text += " " + self.tr("(in the trash: restore it from View → Trash)")
            self.ctx.status_message.emit(text)
            QMessageBox.information(self.widget, self.tr("Log e-mail"), text)
            self.logged.emit(r.already.meeting_id)
            self._next()
            return
        create: list[str] = []
        if r.unknown:
            chosen = ask_new_contacts(self.widget, r.parsed.subject or r.parsed.file_name, r.unknown)
            if chosen is None:
                self._next()
                return
            create = chosen
        actor = self.ctx.actor()
        parsed = r.parsed

        def work(s: Session) -> emails.LogResult:
            return emails.log_email(
                s, parsed, kind=kind, record_id=record_id, create_contacts=create, actor=actor
            )

        self.ctx.write(work, entity="meeting", on_done=self._logged, on_error=self._failed)

    def _logged(self, result: emails.LogResult) -> None:
        if result.status == "already":
            text = self.tr("Already logged: “%1”").replace("%1", result.title)
        else:
            text = self.tr("Logged e-mail “%1”").replace("%1", result.title)
            if result.attachment_ids:
                text += " " + self.tr("(attached files: %1)").replace(
                    "%1", labels.number(len(result.attachment_ids))
                )
            self.ctx.push_undo(text, result.group_id)
        self.ctx.status_message.emit(text)
        if result.warnings:
            QMessageBox.information(
                self.widget, self.tr("Log e-mail"), text + "\n\n" + "\n".join(result.warnings)
            )
        self.logged.emit(result.meeting_id)
        self._next()


def split_dropped(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(e-mail files, other files) among dropped files."""
    mails = [p for p in paths if emails.is_email_file(p)]
    return mails, [p for p in paths if p not in mails]


class WindowDrops(QObject):
    """E-mail files dropped anywhere on a window are logged (a record's page handles its own
    drops first: there they are logged with that record)."""

    def __init__(self, window: QWidget, logger: EmailLogger) -> None:
        super().__init__(window)
        self.logger = logger
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _mails(self, event: QDropEvent | QDragEnterEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [
            Path(u.toLocalFile()) for u in urls if u.isLocalFile() and emails.is_email_file(u.toLocalFile())
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDragMoveEvent
        ):
            if self._mails(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            mails = self._mails(event)
            if mails:
                event.acceptProposedAction()
                self.logger.log_files(mails)
                return True
        return super().eventFilter(watched, event)
