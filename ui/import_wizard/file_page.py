"""Page 1: choose the file, then the sheet (each with the kind of records it seems to hold)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDir, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.importing import kind_reason
from app.importing.fields import KINDS
from app.importing.reader import SUFFIXES
from ui import file_dialogs, labels
from ui.icons import icon
from ui.import_wizard import work
from ui.import_wizard.common import BusyStrip, describe, message_label, show_error, show_note
from ui.import_wizard.messages import wording
from ui.labels import entity_name

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard


def file_filter() -> str:
    """The open dialog's filter, in the window's language."""
    patterns = " ".join(f"*{s}" for s in SUFFIXES)
    spreadsheets = QCoreApplication.translate("FilePage", "Spreadsheets")
    every = QCoreApplication.translate("FilePage", "All files")
    return f"{spreadsheets} ({patterns});;{every} (*)"


KIND_ICONS = {"staff": "contact"}  # (a person; resources/icons has no icon of its own for staff)


def kind_label(kind: str | None) -> str:
    if kind is None:
        return QCoreApplication.translate("Import", "Not recognised: choose on the next page")
    return entity_name(kind, plural=True) if kind in KINDS else kind


def typed_path(text: str) -> Path | None:
    """The path in what was typed or pasted: Windows' "Copy as path" puts it in quotes."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return Path(text) if text else None


class FilePage(QWizardPage):
    TYPING_PAUSE_MS = 300

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setAcceptDrops(True)
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx, .xlsm, .xls), a LibreOffice one (.ods) or a CSV file in any "
                "encoding: choose it or drop it here. "
                "Nothing is written until you confirm."
            )
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("import_path")
        self.path_edit.setPlaceholderText(self.tr("Choose a file…"))
        self.path_edit.returnPressed.connect(lambda: self._take_typed(again=True))
        # A path typed or pasted is taken once it names a file: after a pause in the typing, or
        # when the field loses the focus (Enter reads it again, even the same file).
        self._typing_pause = QTimer(self, singleShot=True, interval=self.TYPING_PAUSE_MS)
        self._typing_pause.timeout.connect(self._take_typed)
        self.path_edit.textEdited.connect(lambda _t: self._typing_pause.start())
        self.path_edit.editingFinished.connect(self._take_typed)
        self._asking = self._ask_again = False
        self.browse = QPushButton(icon("import"), self.tr("Br&owse…"), self)
        self.browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)

        self.busy = BusyStrip(self)
        self.busy.cancel_requested.connect(self.w.cancel_task)
        self.message = message_label(self)
        self.message.setObjectName("file_message")

        self.sheets_label = QLabel(self.tr("&Sheets in the file:"), self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("sheet_list")
        self.sheets_label.setBuddy(self.tree)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [self.tr("Sheet"), self.tr("Holds"), self.tr("Header row"), self.tr("Columns")]
        )
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        # What a sheet holds takes the room: the last column stretched too and cut a sheet's
        # reason ("không tìm thấy dòng tiêu đề cột (ví dụ "Họ và tên", "Em…") beside blank space.
        header.setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        self.tree.itemChanged.connect(lambda *_: self.completeChanged.emit())  # a box ticked
        self.tree.itemDoubleClicked.connect(lambda *_: self.w.next())
        self.sheets_label.hide()
        self.tree.hide()

        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.busy)
        lay.addWidget(self.message)
        lay.addSpacing(6)
        lay.addWidget(self.sheets_label)
        lay.addWidget(self.tree, 1)
        lay.addStretch(0)

    def home(self) -> QWidget | None:
        """Where the keyboard rests once the file is read: the sheets (Enter goes on to the next page)."""
        return self.tree if self.tree.isVisible() else None

    # --- a file dropped on the page (from a file manager or a mail attachment) ---------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() and not self.w.busy():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.load(Path(urls[0].toLocalFile()))

    def _take_typed(self, again: bool = False) -> None:
        """Read the file the path field names: at once on Enter (a wrong path is said then);
        after a pause in the typing or on leaving the field, a spreadsheet's path once a file
        is there (half a path typed is no error). Whether it is there is asked off the UI
        thread — a network share out of reach can take Windows seconds to answer — one question
        at a time."""
        self._typing_pause.stop()
        path = typed_path(self.path_edit.text())
        if path is None:
            return
        if again:
            self.load(path)
            return
        if path == self.w.path or path.suffix.lower() not in SUFFIXES:
            return
        if self._asking:
            self._ask_again = True  # typed on meanwhile: asked once this answer is in
            return
        self._asking = True

        def answered(there: bool) -> None:
            self._asking, ask_again, self._ask_again = False, self._ask_again, False
            if there and typed_path(self.path_edit.text()) == path and path != self.w.path:
                self.load(path)
            elif ask_again:
                self._take_typed()

        self.w.ctx.tasks.run(
            lambda _task: path.is_file(), on_done=answered, on_error=lambda _e: answered(False), owner=self
        )

    def choose_file(self) -> None:
        start = str(self.w.path.parent) if self.w.path else QDir.homePath()
        name, _ = file_dialogs.get_open_file_name(self, self.tr("Import a spreadsheet"), start, file_filter())
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the file's sheets in the background (header row, kind, mapping, samples)."""
        if not str(path):
            return
        self.w.drop_task()
        self.w.path = path
        self.w.sheets = []
        self.path_edit.setText(str(path))
        self.tree.clear()
        self.tree.hide()
        self.sheets_label.hide()
        self.message.hide()
        self.busy.start(self.tr("Reading %1…").replace("%1", path.name))
        engine = self.w.ctx.engine
        self.w.run_task(
            lambda task: work.inspect(engine, path, task),
            on_done=self._loaded,
            on_error=self._failed,
            on_progress=self.busy.progress,
        )

    def _loaded(self, sheets: list[work.SheetInfo]) -> None:
        self.busy.stop()
        self.w.sheets = sheets
        self.tree.clear()
        first: QTreeWidgetItem | None = None
        first_known: tuple[int, QTreeWidgetItem] | None = None
        for index, info in enumerate(sheets):
            layout = info.layout
            if layout is None:
                said = info.error.split(": ", 1)[-1]
                if info.hidden:  # said first: why it has no header is likely why Excel hides it
                    said = self.tr("hidden in Excel (often old data): %1").replace("%1", said)
                item = QTreeWidgetItem([info.name, said, "", ""])
                item.setIcon(0, icon("warning"))
                item.setToolTip(1, said if info.hidden else info.error)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                mapped = sum(1 for f in layout.mapping.values() if not f.startswith("_"))
                recognised = self.tr("%1 of %2 recognised")
                item = QTreeWidgetItem(
                    [
                        info.name,
                        kind_label(layout.kind),
                        str(layout.header_row) if layout.header_row else "—",  # a .vcf has none
                        recognised.replace("%1", labels.number(mapped)).replace(
                            "%2", labels.number(len(layout.headers))
                        ),
                    ]
                )
                item.setIcon(0, icon(KIND_ICONS.get(layout.kind or "", layout.kind or "import")))
                reason = kind_reason(layout)
                if reason is not None:  # why staff (or, named as staff, contacts)
                    item.setToolTip(1, wording(reason))
                done = self.w.imported.get(info.name)
                if done is not None:
                    item.setText(
                        1, item.text(1) + "  ✓ " + self.tr("imported (#%1)").replace("%1", str(done))
                    )
                    item.setIcon(0, icon("done"))
                if info.hidden:  # often old data: said, and left for the user to tick
                    item.setText(1, item.text(1) + "  · " + self.tr("hidden in Excel, not ticked"))
                    item.setIcon(0, icon("warning"))
                first = first or item
                # Every sheet Ketnoi recognises is ticked: the whole workbook in one pass, one
                # transaction, one undo. The user unticks what should stay out. A sheet Excel
                # hides is not: the user ticks it if it is not old data.
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = layout.kind is not None and done is None and not info.hidden
                item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                if ticked:
                    # Organisations first: the other sheets refer to them.
                    rank = KINDS.index(layout.kind)
                    if first_known is None or rank < first_known[0]:
                        first_known = (rank, item)
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            self.tree.addTopLevelItem(item)
        self.sheets_label.show()
        self.tree.show()
        chosen = first_known[1] if first_known else first
        if chosen is None:
            show_error(
                self.message,
                self.tr(
                    "No sheet of this file can be imported: why is said beside each sheet, in the list below."
                ),
            )
        else:
            self.tree.setCurrentItem(chosen)
            self.tree.setFocus()
            if len(sheets) > 1:
                note = self.tr(
                    "%1 sheets: the ticked ones are imported together, organisations first, in one step "
                    "that one undo reverses."
                )
                show_note(self.message, note.replace("%1", labels.number(len(sheets))))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy.stop()
        show_error(self.message, describe(exc))
        self.completeChanged.emit()

    def selected(self) -> work.SheetInfo | None:
        item = self.tree.currentItem()
        if item is None or not self.w.sheets:
            return None
        index = item.data(0, Qt.ItemDataRole.UserRole)
        info = self.w.sheets[int(index)] if index is not None else None
        return info if info is not None and info.layout is not None else None

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [i for i in items if i is not None]

    def _info(self, item: QTreeWidgetItem) -> work.SheetInfo | None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        info = self.w.sheets[int(index)] if index is not None and self.w.sheets else None
        return info if info is not None and info.layout is not None else None

    def ticked(self) -> list[work.SheetInfo]:
        """The sheets to import together (the current one alone when none is ticked)."""
        out = [
            info
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked and (info := self._info(item)) is not None
        ]
        return out

    def select_sheet(self, name: str) -> None:
        """Import ``name`` alone: tick it, untick the others, make it current."""
        self.tick_sheets([name])

    def tick_sheets(self, names: list[str]) -> None:
        for item in self._items():
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                wanted = item.text(0) in names
                item.setCheckState(0, Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
                if wanted and item.text(0) == names[0]:
                    self.tree.setCurrentItem(item)

    def isComplete(self) -> bool:
        return not self.w.busy() and bool(self.ticked())

    def validatePage(self) -> bool:
        ticked = self.ticked()
        if not ticked:
            return False
        current = self.selected()
        if {i.name for i in ticked} != {i.name for i in self.w.chosen} or self.w.sheet is None:
            self.w.choose_sheets(ticked, current)
        elif current in ticked:
            self.w.show_sheet(current)
        return True
