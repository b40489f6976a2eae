"""The files on the record shown in the detail pane: a list with Add…, Open, Save as… and
Remove, and what a file dropped on the pane does.

Files are read, hashed and their text extracted off the UI thread, then written on the write
lane (:mod:`app.attachments`); adding and removing are offered as Edit → Undo. Open writes
the file into a folder of this session (removed when Ketnoi quits) and hands it to the
system's viewer; if there is none, the message says where the file is and offers to show it.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import attachments
from db import clock, kinds
from db.engine import Session
from ui import file_dialogs, labels
from ui.context import AppContext
from ui.icons import icon
from ui.not_written import error_text
from ui.tasks import Task
from ui.team import hold_read_only, is_reader

_TEMP: list[Path] = []  # this session's folder for opened files (one, made on first use)


def session_folder() -> Path:
    """A private folder for the files opened in this session, removed when Ketnoi quits."""
    if not _TEMP:
        _TEMP.append(Path(tempfile.mkdtemp(prefix="ketnoi-files-")))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(remove_session_folder)
        atexit.register(remove_session_folder)
    return _TEMP[0]


def remove_session_folder() -> None:
    while _TEMP:
        shutil.rmtree(_TEMP.pop(), ignore_errors=True)


def local_files(urls: list[QUrl]) -> list[Path]:
    """The local files among dropped URLs (folders and web links left out)."""
    out = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_file():
                out.append(path)
    return out


class AttachmentsBox(QWidget):
    """The files on one record."""

    open_failed = Signal(str)  # the path that no viewer opened (tests listen)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = ""
        self.record_id = 0
        self.busy = 0  # work under way (tests wait on 0)
        self.setObjectName("attachments_box")
        self.title = QLabel(self)
        self.title.setObjectName("attachments_title")
        self.list = QListWidget(self)
        self.list.setObjectName("attachments_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name keeps its extension
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = self._button("attachments_add", self.tr("Add…"), "attach", self.choose_files)
        self.open_button = self._button("attachments_open", self.tr("Open"), "export", self.open_selected)
        self.save_button = self._button("attachments_save", self.tr("Save as…"), "import", self.save_selected)
        self.remove_button = self._button(
            "attachments_remove", self.tr("Remove"), "delete", self.remove_selected
        )
        self.add_button.setToolTip(self.tr("Attach files to this record (or drop them on its page)"))
        hold_read_only(ctx, self.add_button, self.remove_button)  # a reader opens and saves copies
        top = QHBoxLayout()
        top.setContentsMargins(8, 4, 4, 0)
        top.addWidget(self.title, 1)
        for b in (self.add_button, self.open_button, self.save_button, self.remove_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.set_record("", 0)

    def buttons(self) -> list[QToolButton]:
        return [self.add_button, self.open_button, self.save_button, self.remove_button]

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Names beside the icons while they fit with the title; icons alone (names in the
        tooltips) in a narrow pane or a longer language."""
        super().resizeEvent(event)
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        for b in self.buttons():
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setToolTip(b.toolTip() or b.text())
        title = self.title.fontMetrics().horizontalAdvance(self.title.text()) + 24
        if title + sum(b.sizeHint().width() for b in self.buttons()) > self.width():
            for b in self.buttons():
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _button(self, name: str, text: str, icon_name: str, slot: object) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName(name)
        b.setText(text)
        b.setIcon(icon(icon_name))
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        b.setAutoRaise(True)
        b.clicked.connect(slot)
        return b

    # --- showing ------------------------------------------------------------------------------

    @property
    def attachable(self) -> bool:
        return bool(self.record_id) and self.kind in kinds.ATTACHABLE

    @property
    def droppable(self) -> bool:
        """Files dropped on the page are attached (not in a reader's window: it shows files only)."""
        return self.attachable and not is_reader(self.ctx)

    def set_record(self, kind: str, record_id: int) -> None:
        self.kind, self.record_id = kind, record_id
        self.setVisible(self.attachable)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        found: list[attachments.AttachmentInfo] = []
        if self.attachable:
            with self.ctx.read() as s:  # one record's files: names and sizes, never the bytes
                found = attachments.list_for(s, self.kind, self.record_id)
        for a in found:
            when = self.ctx.fmt_date(clock.local_date(a.added_at))
            who = f" · {a.added_by}" if a.added_by else ""
            item = QListWidgetItem(icon("brief"), f"{a.file_name} — {a.size_text} · {when}{who}")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(a.file_name)
            self.list.addItem(item)
        self.title.setText(self.tr("Files (%1)").replace("%1", labels.number(len(found))))
        self._fit_buttons()
        self.list.setVisible(bool(found))
        self.list.setMaximumHeight(max(1, min(len(found), 4)) * (self.list.fontMetrics().height() + 8) + 6)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(len(self.selected_ids()) == 1)
        self.remove_button.setEnabled(chosen)

    def selected_ids(self) -> list[int]:
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in self.list.selectedItems()]

    def _error(self, exc: BaseException) -> None:
        self.busy = max(0, self.busy - 1)
        QMessageBox.warning(self, self.tr("Attachments"), error_text(exc))  # a save's refusal in words

    # --- adding -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = file_dialogs.get_open_file_names(self, self.tr("Attach files"))
        if names:
            self.attach([Path(n) for n in names])

    def attach(self, paths: list[Path]) -> None:
        """Read the files in the background, then attach them all as one undoable step."""
        if not self.attachable or not paths:
            return
        kind, record_id, actor = self.kind, self.record_id, self.ctx.actor()
        self.busy += 1

        def read(_task: Task) -> list[attachments.PreparedFile]:
            return [attachments.prepare_file(p) for p in paths]

        def write(files: list[attachments.PreparedFile]) -> None:
            def work(s: Session) -> str:
                group, _ids = attachments.attach_many(s, kind, record_id, files, actor=actor)
                return group

            def done(group: str) -> None:
                self.busy = max(0, self.busy - 1)
                names = ", ".join(f.name for f in files)
                text = self.tr("Attached %1").replace("%1", names)
                self.ctx.push_undo(text, group)
                self.ctx.status_message.emit(text)
                self.reload()

            self.ctx.write(work, entity="attachment", on_done=done, on_error=self._error)

        self.ctx.tasks.run(read, on_done=write, on_error=self._error, owner=self)

    # --- opening, saving, removing -----------------------------------------------------------------

    def open_selected(self) -> None:
        for ident in self.selected_ids():
            self.open_attachment(ident)

    def open_attachment(self, attachment_id: int) -> None:
        folder = session_folder() / str(attachment_id)
        self.busy += 1

        def work(_task: Task) -> Path:
            folder.mkdir(exist_ok=True)
            with self.ctx.read() as s:
                info = attachments.get(s, attachment_id)
                target = folder / attachments.safe_name(info.file_name)
                if target.exists():
                    return target
                return attachments.write_to(s, attachment_id, target)

        def done(path: Path) -> None:
            self.busy = max(0, self.busy - 1)
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.open_failed.emit(str(path))
                self._no_viewer(path)

        self.ctx.tasks.run(work, on_done=done, on_error=self._error, owner=self)

    def _no_viewer(self, path: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Open file"), "", parent=self)
        box.setText(
            self.tr("No program opened %1. The file is in:\n%2")
            .replace("%1", path.name)
            .replace("%2", str(path.parent))
        )
        show = box.addButton(self.tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda b: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))) if b is show else None
        )
        box.open()

    def save_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        with self.ctx.read() as s:
            info = attachments.get(s, ids[0])
        name, _ = file_dialogs.get_save_file_name(
            self, self.tr("Save attachment"), str(Path.home() / attachments.safe_name(info.file_name))
        )
        if name:
            self.save_to(ids[0], Path(name))

    def save_to(self, attachment_id: int, target: Path) -> None:
        self.busy += 1

        def work(_task: Task) -> Path:
            with self.ctx.read() as s:
                return attachments.write_to(s, attachment_id, target, overwrite=True)

        def done(path: Path) -> None:
            self.busy = max(0, self.busy - 1)
            self.ctx.status_message.emit(self.tr("Saved %1").replace("%1", str(path)))

        self.ctx.tasks.run(work, on_done=done, on_error=self._error, owner=self)

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        actor = self.ctx.actor()
        names = [i.toolTip() for i in self.list.selectedItems()]
        self.busy += 1

        def work(s: Session) -> str:
            group = ""
            for ident in ids:
                group = attachments.remove(s, ident, actor=actor, group_id=group)
            return group

        def done(group: str) -> None:
            self.busy = max(0, self.busy - 1)
            text = self.tr("Removed %1").replace("%1", ", ".join(names))
            self.ctx.push_undo(text, group)
            self.ctx.status_message.emit(text)
            self.reload()

        self.ctx.write(work, entity="attachment", on_done=done, on_error=self._error)
