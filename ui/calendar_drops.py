"""Calendar invitations (.ics) and contact files (.vcf) dropped on the window: an invitation opens
its dialog (:func:`ui.calendar_files.import_invitation`), a .vcf file the import wizard. Beside
:class:`ui.mail.WindowDrops` (e-mails); this module imports nothing heavy until a file is dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.team import is_reader, read_only_tip

ICS = (".ics",)
VCF = (".vcf", ".vcard")


def dropped(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    """The .ics and .vcf files among what is dragged."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in ICS + VCF]


class CalendarDrops(QObject):
    def __init__(self, window: QWidget, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDragMoveEvent
        ):
            if dropped(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = dropped(event)
            if files:
                event.acceptProposedAction()
                self.open(files)
                return True
        return super().eventFilter(watched, event)

    def open(self, files: list[Path]) -> None:
        """The first invitation or contacts file (one dialog at a time); a reader is told why not."""
        if is_reader(self.ctx):
            self.ctx.status_message.emit(read_only_tip(self.ctx))
            return
        first = files[0]
        if first.suffix.lower() in ICS:
            from ui import calendar_files

            calendar_files.import_invitation(self.window, self.ctx, first)
        else:
            from ui.import_wizard import open_import_wizard

            open_import_wizard(self.window, self.ctx, first)
