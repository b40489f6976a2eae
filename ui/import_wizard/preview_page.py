"""Page 3: every row with what will happen to it and why; nothing is written yet.

The rows come from the service's preview, computed in the background; the table is a
:class:`~ui.import_wizard.model.PreviewModel` (lazy, no per-row widgets). This is the
wizard's commit page: its button says Import, and there is no way back once it is pressed.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.importing import (
    STATUSES,
    blank_columns,
    columns_not_kept,
    empty_columns,
    hidden_mapped_columns,
    legacy_note,
)
from app.importing.trashed import in_trash
from ui.import_wizard import work
from ui.import_wizard.common import BusyStrip, describe, message_label, num, show_error, show_note
from ui.import_wizard.folds_panel import FoldsPanel
from ui.import_wizard.messages import wording
from ui.import_wizard.model import (
    COL_DETAILS,
    COL_RECORD,
    COL_ROW,
    COL_STATUS,
    WARNED,
    PreviewModel,
    status_icon,
    status_label,
)
from ui.import_wizard.reports import button_text, report_holds, save_error_report
from ui.labels import records_counted

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard

FILTERS: tuple[tuple[str, ...] | None, ...] = (
    None,
    ("error",),
    ("error", "duplicate"),
    ("new",),
    ("update",),
    ("skip",),
    (WARNED,),  # rows with a warning, whatever their status (a new row whose phone is kept unchecked)
)
WARNINGS_ENTRY = len(FILTERS) - 1


class CountChip(QWidget):
    """A coloured dot, the status and how many rows have it."""

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"count_{status}")
        dot = QLabel(self)
        dot.setPixmap(status_icon(status).pixmap(12, 12))
        self.label = QLabel(self)
        self.status = status
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 14, 0)
        lay.setSpacing(5)
        lay.addWidget(dot)
        lay.addWidget(self.label)

    def set_count(self, n: int) -> None:
        self.label.setText(f"{status_label(self.status)} <b>{num(n)}</b>")
        self.setEnabled(n > 0)


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Check what will happen"))
        self.setSubTitle(
            self.tr("Every row of the sheet, checked and matched. Nothing is written until you press Import.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))

        self.busy = BusyStrip(self)
        self.busy.cancel_requested.connect(self.w.cancel_task)
        self.message = message_label(self)
        self.message.setObjectName("preview_message")
        self._results: list[work.PreviewResult] = []
        self.sheet_choice = QComboBox(self)
        self.sheet_choice.setObjectName("preview_sheet")
        # as wide as its longest entry, "Liên hệ (Contacts) (75 dòng)" (the size it took when first
        # shown, empty, cut it: "Liên hệ (Contacts) (75 r")
        self.sheet_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Beside the tabs (set below), where there is room: in the row of counts it was squeezed
        # to "Contacts (3,003 rows" by "New 3,002", "Duplicate 1" and the filter.
        self.sheet_choice.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.sheet_choice.currentIndexChanged.connect(self.show_sheet)
        self.sheet_choice.hide()
        # Rows Excel hides (people who left, rows filtered out): imported unless this is ticked;
        # shown only for a sheet that hides rows. Ticking it checks the rows again.
        self.hidden_box = QCheckBox(self)
        self.hidden_box.setObjectName("preview_skip_hidden")
        self.hidden_box.setToolTip(
            self.tr(
                "Rows hidden in Excel by hand, filtered out by an autofilter or in a collapsed group. "
                "They are imported unless you leave them out here."
            )
        )
        self.hidden_box.toggled.connect(self._skip_hidden)
        self.hidden_box.hide()
        # People and organisations in the trash that rows are or name (an import undone, the same
        # file again): brought back, updated from their rows, instead of second records. Shown only
        # when there are some; ticking or unticking it checks the rows again.
        self.trash_box = QCheckBox(self)
        self.trash_box.setObjectName("preview_restore_trashed")
        self.trash_box.toggled.connect(self._restore_trashed)
        self.trash_box.hide()
        self.retry = QPushButton(self.tr("&Check again"), self)
        self.retry.clicked.connect(self.initializePage)
        self.retry.hide()

        self.chips = {s: CountChip(s, self) for s in STATUSES}
        chips = QHBoxLayout()
        chips.setSpacing(0)
        for chip in self.chips.values():
            chips.addWidget(chip)
        chips.addStretch(1)
        self.filter = QComboBox(self)
        self.filter.setObjectName("preview_filter")
        texts = (
            self.tr("All rows"),
            self.tr("Errors only"),
            self.tr("Errors and duplicates"),
            self.tr("New records"),
            self.tr("Updates"),
            self.tr("Skipped"),
            self.tr("With warnings"),
        )
        for text, statuses in zip(texts, FILTERS, strict=True):
            self.filter.addItem(text, statuses)
        self.filter.currentIndexChanged.connect(self._filter)
        show = QLabel(self.tr("&Show:"), self)
        show.setBuddy(self.filter)
        chips.addSpacing(12)  # (the chips touch; "Show:" keeps apart from the sheet's combo)
        chips.addWidget(show)
        chips.addSpacing(4)
        chips.addWidget(self.filter)
        self.report = QPushButton(self.tr("Save error report…"), self)
        self.report.setObjectName("preview_report")
        self.report.clicked.connect(lambda: self.save_report())  # noqa: PLW0108 (not the bool)
        chips.addSpacing(6)
        chips.addWidget(self.report)
        self.summary = QWidget(self)
        self.summary.setLayout(chips)
        self.summary.hide()

        self.model = PreviewModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("preview_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_ROW, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_ROW, self.fontMetrics().horizontalAdvance("000000") + 16)
        header.resizeSection(COL_STATUS, self.fontMetrics().horizontalAdvance("Duplicate") + 44)
        header.resizeSection(COL_RECORD, 340)
        self.row_detail = QLabel(self)
        self.row_detail.setObjectName("preview_row_detail")
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.modelReset.connect(self._row_chosen)
        rows_tab = QWidget(self)
        rows_lay = QVBoxLayout(rows_tab)
        rows_lay.setContentsMargins(0, 0, 0, 0)
        rows_lay.addWidget(self.view, 1)
        rows_lay.addWidget(self.row_detail)
        self.folds = FoldsPanel(wizard, self)
        self.folds.changed.connect(self._refolded)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preview_tabs")
        self.tabs.addTab(rows_tab, self.tr("Rows"))
        self.tabs.addTab(self.folds, self.tr("Created alongside"))
        self.tabs.setCornerWidget(self.sheet_choice, Qt.Corner.TopRightCorner)
        self.tabs.hide()
        self._writable = False

        lay = QVBoxLayout(self)
        lay.addWidget(self.busy)
        lay.addWidget(self.message)
        lay.addWidget(self.hidden_box)
        lay.addWidget(self.trash_box)
        lay.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)

    def home(self) -> QWidget | None:
        """Where the keyboard rests once the rows are shown (the list of the tab in front): Enter
        there imports."""
        return self.folds.tree if self.tabs.currentWidget() is self.folds else self.view

    # --- running the preview ----------------------------------------------------------------------

    def initializePage(self) -> None:
        layouts, path = self.w.chosen_layouts(), self.w.path
        assert layouts and path is not None
        self.w.preview = None
        self.w.previews = []
        self._results = []
        self.model.set_rows([], layouts[0].kind or "contact")
        self.tabs.hide()
        self.summary.hide()
        self.retry.hide()
        self.message.hide()
        self.hidden_box.setEnabled(False)
        self.trash_box.setEnabled(False)
        self.sheet_choice.hide()
        self.busy.start(self.tr("Reading, checking and matching rows…"))
        engine, on_match, skip_hidden = self.w.ctx.engine, self.w.on_match, self.w.skip_hidden
        restore = self.w.restore_trashed
        mine = copy.deepcopy(layouts)  # the worker's own: Back may edit the wizard's meanwhile
        self.w.run_task(
            lambda task: work.preview_all(engine, path, mine, on_match, task, skip_hidden, restore),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self.busy.progress,
        )

    def _done(self, results: list[work.PreviewResult]) -> None:
        self.busy.stop()
        self._results = results
        self.w.previews = [r.preview for r in results]
        self._writable = any(r.status in ("new", "update") for p in self.w.previews for r in p.rows)
        self.sheet_choice.blockSignals(True)
        self.sheet_choice.clear()
        for r in results:
            p = r.preview
            text = self.tr("%1 (%Ln row(s))", "", len(p.rows)).replace("%1", p.layout.sheet)  # (1 row)
            self.sheet_choice.addItem(text, p.layout.sheet)
        self.sheet_choice.blockSignals(False)
        self.sheet_choice.setVisible(len(results) > 1)
        self.summary.show()
        self.tabs.show()
        total = sum(len(p.rows) for p in self.w.previews)
        to_write = sum(1 for p in self.w.previews for r in p.rows if r.status in ("new", "update"))
        hidden = self._show_hidden()
        self._show_trash()
        # the columns a staff sheet does not import ("Đơn vị", "Chức vụ"…): said, not dropped silently
        not_kept = [m for p in self.w.previews if (m := columns_not_kept(p.layout)) is not None]
        not_kept += [m for p in self.w.previews if (m := empty_columns(p)) is not None]
        not_kept += [m for p in self.w.previews if (m := blank_columns(p)) is not None]
        not_kept += [m for p in self.w.previews if (m := hidden_mapped_columns(p)) is not None]
        not_kept += [m for p in self.w.previews for m in p.sheet_warnings]  # (dates month first…)
        # a sheet typed in TCVN3 or VNI, read as Unicode: said once, with an example
        not_kept += [m for p in self.w.previews if (m := legacy_note(p)) is not None]
        if not_kept:
            said = [wording(m, where=len(results) > 1) for m in not_kept]
            hidden = " ".join([hidden, *(f"{t[:1].upper()}{t[1:]}." for t in said)]).strip()
        if not total:
            show_error(self.message, self.tr("The sheet has no rows below its header."))
        elif to_write == 0:
            nothing = self.tr("Nothing to import: every row is an error, a duplicate or skipped.")
            show_error(self.message, f"{nothing} {hidden}".strip())
        elif len(results) > 1:
            text = self.tr("%1 of %2 rows of %3 sheets will be written, together: one import, one undo.")
            text = (
                text.replace("%1", num(to_write)).replace("%2", num(total)).replace("%3", num(len(results)))
            )
            show_note(self.message, f"{text} {hidden}".strip())
        else:
            text = self.tr("%1 of %2 rows will be written.").replace("%1", num(to_write))
            show_note(self.message, f"{text.replace('%2', num(total))} {hidden}".strip())
        self.show_sheet(0)

    def _show_hidden(self) -> str:
        """The choice to leave out the rows Excel hides (shown when the sheets hide any), and
        what is said of them: how many, imported or left out."""
        hidden = sum(len(p.hidden) for p in self.w.previews)
        self.hidden_box.blockSignals(True)
        self.hidden_box.setChecked(self.w.skip_hidden)
        self.hidden_box.blockSignals(False)
        self.hidden_box.setEnabled(True)
        # (plurals: it said "Leave out the 1 rows hidden", "1 of them are hidden")
        self.hidden_box.setText(
            self.tr("&Leave out the %Ln row(s) hidden in Excel (hidden or filtered out)", "", hidden)
        )
        self.hidden_box.setVisible(hidden > 0)
        if not hidden:
            return ""
        if self.w.skip_hidden and hidden == 1:
            said = self.tr("1 row hidden in Excel (hidden or filtered out) is left out.")
        elif self.w.skip_hidden:
            said = self.tr("%1 rows hidden in Excel (hidden or filtered out) are left out.")
        elif hidden == 1:
            said = self.tr(
                "1 of them is hidden in Excel (hidden or filtered out): imported too, with a warning."
            )
        else:
            said = self.tr(
                "%1 of them are hidden in Excel (hidden or filtered out): imported too, each with a warning."
            )
        return said.replace("%1", num(hidden))

    def _show_trash(self) -> None:
        """The choice to bring back the records in the trash that rows are or name, with how many
        (shown when there are some). On by default: the preview says row by row what comes back
        before anything is written, a record brought back keeps its meetings, actions and history,
        and the import's undo sends it back to the trash; a second record of the same person is
        the harm no one sees until the duplicates have to be merged."""
        found = in_trash(self.w.previews)
        n = sum(found.values())
        self.trash_box.blockSignals(True)
        self.trash_box.setChecked(self.w.restore_trashed)
        self.trash_box.blockSignals(False)
        updates = self.w.on_match in ("fill", "overwrite")
        self.trash_box.setEnabled(updates)
        self.trash_box.setText(
            self.tr("B&ring back the %Ln record(s) from the trash instead of creating new ones", "", n)
        )
        parts = [records_counted(k, v) for k, v in found.items()]
        tip = self.tr(
            "The same people, organisations or actions are in the trash (%1): an import undone, or records deleted. "
            "Brought back, each keeps its meetings, actions and history and is updated from its row as a "
            "record that exists is; undoing the import puts them back in the trash."
        ).replace("%1", ", ".join(parts))
        if not updates:
            tip += " " + self.tr(
                "Only when a row that matches an existing record fills or overwrites it (the previous page)."
            )
        self.trash_box.setToolTip(tip)
        self.trash_box.setVisible(n > 0)

    def _restore_trashed(self, checked: bool) -> None:
        """Bring back the records in the trash (or make new ones): the rows are checked again."""
        if self.w.busy():
            return
        self.w.restore_trashed = checked
        self.initializePage()

    def _skip_hidden(self, checked: bool) -> None:
        """Leave out the hidden rows (or take them back): the rows are checked again."""
        if self.w.busy():
            return
        self.w.skip_hidden = checked
        self.initializePage()

    def show_sheet(self, index: int) -> None:
        """Show the rows of the chosen sheet number ``index``."""
        if not 0 <= index < len(self._results):
            return
        result = self._results[index]
        preview = result.preview
        self.w.preview = preview
        if self.sheet_choice.currentIndex() != index:
            self.sheet_choice.setCurrentIndex(index)
        self.model.set_rows(preview.rows, preview.kind, result.raw_names)
        counts = self.model.counts()
        for status, chip in self.chips.items():
            chip.set_count(counts[status])
        self.filter.setItemText(
            WARNINGS_ENTRY,
            self.tr("With warnings (%1)").replace("%1", self.w.ctx.fmt_number(self.model.warned())),
        )
        holds = report_holds(list(self.w.previews))  # rejected rows, warnings, updates
        self.report.setEnabled(bool(holds))
        self.report.setText(button_text(holds))
        writes = counts["new"] + counts["update"]
        if counts["error"] and self.filter.currentIndex() == 0 and writes == 0:
            self.filter.setCurrentIndex(1)
        else:
            self._filter()
        self._show_folds()

    def _row_chosen(self) -> None:
        """Everything said about the row under the cursor, in full (the table cuts long text)."""
        index = self.view.currentIndex()
        if not index.isValid():
            self.row_detail.clear()
            return
        row = self.model.row_at(index.row())
        self.row_detail.setText("\n".join(wording(m, where=True) for m in row.messages()))

    def _show_folds(self) -> None:
        self.folds.show_preview(self.w.preview)
        self.tabs.setTabText(1, self.tr("Created alongside (%1)").replace("%1", num(self.folds.count())))

    def _refolded(self) -> None:
        preview = self.w.preview
        if preview is not None:
            self.model.set_rows(preview.rows, preview.kind, self.model.raw_names())
        self._show_folds()

    def _failed(self, exc: BaseException) -> None:
        self.busy.stop()
        show_error(self.message, describe(exc))
        self.retry.show()

    def _filter(self) -> None:
        statuses = self.filter.currentData()
        self.model.set_statuses(statuses)
        self._first_row_current()

    def _first_row_current(self) -> None:
        """With no row under the cursor, the first row shown is (not selected): the pane under the
        table says all that is said of it, in full and wrapped, from the start (reviewer h148: a
        long note, "the same person is in the trash: #1 … restore it from the trash rather than
        import a second record?", was cut in the table at 1280×720 and whole only on hover)."""
        if not self.view.currentIndex().isValid() and self.model.rowCount() > 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def show_only(self, statuses: tuple[str, ...] | None) -> None:
        index = FILTERS.index(statuses) if statuses in FILTERS else 0
        self.filter.setCurrentIndex(index)

    def save_report(self, target: str | None = None) -> None:
        if self.w.previews:
            save_error_report(self.w, list(self.w.previews), target, self.message)

    def forget(self) -> None:
        """The wizard closed: drop every row this page holds (its previews, the table's rows,
        the organisations listed), so that a closed wizard keeps no preview alive."""
        self._results = []
        self.model.set_rows([], "contact")
        self.folds.show_preview(None)

    def cleanupPage(self) -> None:
        """Back: stop a preview still running; the next visit computes it again."""
        self.w.drop_task()
        self.busy.stop()
        self.w.preview = None
        self.w.previews = []

    def isComplete(self) -> bool:
        return not self.w.busy() and bool(self.w.previews) and self._writable
