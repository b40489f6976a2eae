"""Page 2: what the sheet holds, which column goes into which field, what to do with matches.

One row per column of the sheet (a sheet has tens of columns, not thousands, so a combo box
per row is fine here), with its header and a few sample values; the combo starts at the
importer's suggestion (or the mapping confirmed last time for the same headers).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.importing import ON_MATCH, columns_not_kept, kind_reason, suggest_mapping
from app.importing import fields as fs
from app.importing.sheet import LIST_FIELDS, SheetLayout
from db import clock
from ui.import_wizard.common import in_window_language, message_label, show_error, show_note
from ui.import_wizard.messages import wording
from ui.labels import entity_name

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard

COL_LETTER, COL_HEADER, COL_SAMPLES, COL_FIELD = range(4)
NOT_IMPORTED = ""


def on_match_label(choice: str) -> str:
    tr = QCoreApplication.translate
    return {
        "create": tr("Import", "Create a new record anyway"),
        "fill": tr("Import", "Update it: fill its empty fields, add to its lists"),
        "overwrite": tr("Import", "Update it: overwrite its fields"),
        "skip": tr("Import", "Skip the row"),
    }[choice]


def on_match_tip(choice: str) -> str:
    """What each choice does to a record already in Ketnoi, lists included (e-mails, phones,
    sectors, tags gain the sheet's new items under both updates; nothing is ever removed)."""
    tr = QCoreApplication.translate
    return {
        "create": tr("Import", "The row becomes a new record beside the one already in Ketnoi."),
        "fill": tr(
            "Import",
            "Fields that are empty in Ketnoi are filled from the sheet; fields already filled are left"
            " as they are. New e-mails, phones, sectors and tags are added to the record's lists;"
            " nothing is removed. The preview shows every change.",
        ),
        "overwrite": tr(
            "Import",
            "The sheet's values replace Ketnoi's; an empty cell never erases. New e-mails, phones,"
            " sectors and tags are added to the record's lists; nothing is removed. The preview"
            " shows every change.",
        ),
        "skip": tr("Import", "The record already in Ketnoi is left exactly as it is."),
    }[choice]


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Match the columns to fields"))
        self.setSubTitle(self.tr("Check Ketnoi's suggestion for each column; change any that is wrong."))
        self.kind = QComboBox(self)
        self.kind.setObjectName("import_kind")
        for kind in fs.KINDS:
            self.kind.addItem(entity_name(kind, plural=True), kind)
        self.kind.activated.connect(self._kind_chosen)
        self.on_match = QComboBox(self)
        self.on_match.setObjectName("import_on_match")
        for choice in ON_MATCH:
            self.on_match.addItem(on_match_label(choice), choice)
            self.on_match.setItemData(
                self.on_match.count() - 1, on_match_tip(choice), Qt.ItemDataRole.ToolTipRole
            )
        self.on_match.currentIndexChanged.connect(
            lambda i: self.on_match.setToolTip(
                str(self.on_match.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
            )
        )
        self.on_match.setCurrentIndex(ON_MATCH.index("fill"))
        self.sheet_choice = QComboBox(self)
        self.sheet_choice.setObjectName("import_sheet_choice")
        self.sheet_choice.activated.connect(self._sheet_chosen)
        self.sheet_label = QLabel(self.tr("&Sheet:"), self)
        self.sheet_label.setBuddy(self.sheet_choice)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.sheet_label, self.sheet_choice)
        form.addRow(self.tr("The sheet &holds:"), self.kind)
        form.addRow(self.tr("A row that matches an &existing record:"), self.on_match)

        self.note = message_label(self)
        self.note.setObjectName("mapping_note")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Column"),
                self.tr("Header in the file"),
                self.tr("Sample values"),
                self.tr("Imports into"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_LETTER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_SAMPLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.Interactive)
        self.problem = message_label(self)
        self.problem.setObjectName("mapping_problem")
        self.combos: list[QComboBox] = []

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.problem)
        hint = QLabel(
            self.tr(
                "Columns left “not imported” are ignored. When you import, Ketnoi remembers this "
                "mapping and offers it again for the next file with the same headers."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        lay.addWidget(hint)

    # --- filling -----------------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.sheet_choice.clear()
        for info in self.w.chosen:
            self.sheet_choice.addItem(info.name, info.name)
        several = len(self.w.chosen) > 1
        self.sheet_label.setVisible(several)
        self.sheet_choice.setVisible(several)
        self.on_match.setCurrentIndex(ON_MATCH.index(self.w.on_match))
        self._show_current()

    def _sheet_chosen(self) -> None:
        """Another of the chosen sheets: keep this one's mapping, show that one's."""
        name = self.sheet_choice.currentData()
        if self.w.sheet is not None and name == self.w.sheet.name:
            return
        self._keep()
        self.w.show_sheet(next(i for i in self.w.chosen if i.name == name))
        self._show_current()

    def show_sheet(self, name: str) -> None:
        """Show sheet ``name``'s mapping, as choosing it in the Sheet box does."""
        self.sheet_choice.setCurrentIndex(max(self.sheet_choice.findData(name), 0))
        self._sheet_chosen()

    def _show_current(self) -> None:
        layout = self.w.layout_
        assert layout is not None and self.w.sheet is not None
        self.sheet_choice.setCurrentIndex(max(self.sheet_choice.findData(self.w.sheet.name), 0))
        if layout.kind is not None:
            self.kind.setCurrentIndex(fs.KINDS.index(layout.kind))
        else:
            layout.kind = str(self.kind.currentData())
            layout.mapping = suggest_mapping(layout.kind, layout.headers)
        self._fill()
        self._show_note()

    def _show_note(self) -> None:
        """Where the header is, and why the sheet is read as staff (or, named as staff, as
        contacts) while the kind box says so, with how to choose the other kind."""
        layout = self.w.layout_
        assert layout is not None and self.w.sheet is not None
        if layout.header_row > 1:
            where = self.tr("Sheet “%1”: the header is on row %2; the rows above it are skipped.")
        else:
            where = self.tr("Sheet “%1”: the header is on row %2.")
        where = where.replace("%1", layout.sheet).replace("%2", str(layout.header_row))
        if layout.remembered:
            where += " " + self._remembered_said(layout)
        elif self.w.sheet.layout is not None and self.w.sheet.layout.kind is None:
            where += " " + self.tr("Ketnoi could not tell what the sheet holds: choose it above.")
        reason = kind_reason(layout)
        if reason is not None and layout.kind == "staff":
            why = self.tr("Read as staff: %1. If the sheet lists contacts, choose Contacts above.")
            where += " " + why.replace("%1", wording(reason))
        elif reason is not None:
            why = self.tr("Read as contacts: %1. If the sheet lists your own staff, choose Staff above.")
            where += " " + why.replace("%1", wording(reason))
        show_note(self.note, where)

    def _remembered_said(self, layout: SheetLayout) -> str:
        """Whose remembered mapping is used: "you" only when this user confirmed it; a
        colleague's (a team database keeps one for everyone) by name and date (reviewer: Hoa's
        window said "the mapping you confirmed last time" of Lan's); one kept before who
        confirmed it was recorded, no one's."""
        by = layout.remembered_by
        if by and by == self.w.ctx.actor():
            return self.tr("Using the column choices you confirmed last time for these headers.")
        if not by:
            return self.tr("Using the column choices confirmed last time for these headers.")
        if layout.remembered_at is None:
            return self.tr("Using the column choices confirmed by %1 for these headers.").replace("%1", by)
        at = clock.local_date(layout.remembered_at)  # the office's day, not the laptop's (h144)
        day = QDate(at.year, at.month, at.day).toString(self.w.ctx.settings.qt_date_format())
        said = self.tr("Using the column choices confirmed by %1 on %2 for these headers.")
        return said.replace("%1", by).replace("%2", day)

    def _kind_chosen(self) -> None:
        layout = self.w.layout_
        assert layout is not None
        kind = str(self.kind.currentData())
        if kind != layout.kind:
            layout.kind = kind
            layout.mapping = suggest_mapping(kind, layout.headers)
            layout.remembered = False
            self._fill()
            self._show_note()

    def _fill(self) -> None:
        layout = self.w.layout_
        assert layout is not None and layout.kind is not None and self.w.sheet is not None
        samples = self.w.sheet.samples
        self.table.setRowCount(len(layout.headers))
        self.combos = []
        italic = QFont(self.font())
        italic.setItalic(True)
        for col, header in enumerate(layout.headers):
            letter = QTableWidgetItem(get_column_letter(col + 1))
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(col, COL_LETTER, letter)
            head = QTableWidgetItem(header or self.tr("(no header)"))
            if not header:
                head.setFont(italic)
            self.table.setItem(col, COL_HEADER, head)
            values = samples.get(col, [])
            sample = QTableWidgetItem("  ·  ".join(values))
            sample.setToolTip("\n".join(values))
            self.table.setItem(col, COL_SAMPLES, sample)
            combo = QComboBox(self.table)
            combo.setObjectName(f"field_{col}")
            combo.addItem(self.tr("— not imported —"), NOT_IMPORTED)
            for spec in fs.FIELDS[layout.kind]:
                combo.addItem(in_window_language(spec.header), spec.name)
            chosen = layout.mapping.get(col, NOT_IMPORTED)
            found = combo.findData(NOT_IMPORTED if chosen == fs.IGNORE else chosen)
            combo.setCurrentIndex(max(found, 0))
            combo.currentIndexChanged.connect(self._changed)
            combo.currentIndexChanged.connect(lambda _i, row=col: self._dim(row))
            self.table.setCellWidget(col, COL_FIELD, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(COL_HEADER)
        self.table.setColumnWidth(COL_HEADER, min(max(self.table.columnWidth(COL_HEADER), 140), 260))
        widest = max((c.sizeHint().width() for c in self.combos), default=200)
        self.table.setColumnWidth(COL_FIELD, min(widest + 12, 320))
        self.table.resizeRowsToContents()
        for col in range(len(self.combos)):
            self._dim(col)
        self._changed()

    def _dim(self, row: int) -> None:
        """Grey out the header and samples of a column that is not imported."""
        imported = bool(self.combos[row].currentData())
        role = QPalette.ColorRole.Text
        group = QPalette.ColorGroup.Active if imported else QPalette.ColorGroup.Disabled
        brush = self.palette().brush(group, role)
        for c in (COL_LETTER, COL_HEADER, COL_SAMPLES):
            item = self.table.item(row, c)
            if item is not None:
                item.setForeground(brush)

    # --- reading the choice -----------------------------------------------------------------------

    def mapping(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for col, combo in enumerate(self.combos):
            name = str(combo.currentData() or "")
            if name:
                out[col] = name
        return out

    def set_field(self, col: int, name: str) -> None:
        """Point column ``col`` at field ``name`` ("" = not imported), as the user would."""
        combo = self.combos[col]
        combo.setCurrentIndex(max(combo.findData(name), 0))

    def _problems(self) -> tuple[str, bool]:
        layout = self.w.layout_
        if layout is None or layout.kind is None:
            return "", False
        mapping = self.mapping()
        used = list(mapping.values())
        required = fs.REQUIRED[layout.kind]
        has_name = required in used or (
            layout.kind == "contact" and {"family_name", "given_name"} & set(used)
        )
        if not has_name:
            text = self.tr("Choose the column that holds “%1”: a row without it is not a record.")
            return text.replace("%1", in_window_language(fs.spec(layout.kind, required).header)), False
        twice = sorted({n for n in used if used.count(n) > 1 and n not in LIST_FIELDS})
        if twice:
            labels = ", ".join(in_window_language(fs.spec(layout.kind, n).header) for n in twice)
            return self.tr("Several columns go into %1: only the first is used.").replace("%1", labels), True
        return "", True

    def _changed(self) -> None:
        text, ok = self._problems()
        other = self._other_without_name() if ok else ""
        if other:
            text, ok = (
                self.tr("Sheet “%1” has no column for the name: choose it there.").replace("%1", other),
                False,
            )
        layout = self.w.layout_
        if ok and not text and layout is not None:
            not_kept = columns_not_kept(dataclasses.replace(layout, mapping=self.mapping()))
            said = wording(not_kept) if not_kept is not None else ""
            text = said[:1].upper() + said[1:]  # (a sentence of its own here)
        if text and not ok:
            show_error(self.problem, text)
        else:
            show_note(self.problem, text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._problems()[1] and not self._other_without_name()

    def _other_without_name(self) -> str:
        """A chosen sheet other than the one shown whose mapping has no name column."""
        for info in self.w.chosen:
            layout = self.w.layouts.get(info.name)
            if info is self.w.sheet or layout is None or layout.kind is None:
                continue
            used = set(layout.mapping.values())
            if fs.REQUIRED[layout.kind] not in used and not (
                layout.kind == "contact" and {"family_name", "given_name"} & used
            ):
                return info.name
        return ""

    def _keep(self) -> None:
        layout = self.w.layout_
        assert layout is not None
        new_mapping = self.mapping()
        if layout.mapping != new_mapping or self.w.on_match != self.on_match.currentData():
            self.w.preview = None
            self.w.previews = []
        layout.mapping = new_mapping
        self.w.on_match = str(self.on_match.currentData())

    def validatePage(self) -> bool:
        self._keep()
        return True
