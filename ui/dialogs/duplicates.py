"""Tools → Find duplicates…: groups of likely duplicates ranked by confidence, and the merge.

The search (``app.dedupe_groups.find_duplicate_groups``) runs on a pool thread with progress and
cancel; opening the dialog looks at once among the kind of the current view. Merge… reads the
pair chosen (which to keep, and what the merge dialog shows) on a pool thread too, then opens
:class:`ui.dialogs.merge_dialog.MergeDialog` on it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import dedupe, dedupe_groups, merge
from db.engine import read_session
from ui import labels
from ui.alt_letters import give_button_letters
from ui.context import AppContext, Unreachable
from ui.dialogs import merge_facts
from ui.dialogs.merge_dialog import MergeDialog
from ui.dupwarn import reason_text
from ui.tasks import Task
from ui.team import hold_read_only, if_enabled

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("Duplicates", text)


class WrappedRows(QStyledItemDelegate):
    """Rows as tall as their text wrapped to its column's width. A QTreeView asks its delegate
    for a row's height without the column's width (qtreeview.cpp: "If we want word wrapping in
    the items, we need to go through all the columns and set the width of the column"), so a
    wrapped reason was cut to one line and elided: given here, and the rows are laid out again
    when a column's width changes (the dialog resized)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        tree.setWordWrap(True)
        tree.header().sectionResized.connect(lambda *_: tree.doItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, self.tree.header().sectionSize(index.column()), 1 << 20)
        return super().sizeHint(sized, index)


class FindDuplicatesDialog(QDialog):
    merged = Signal(str)  # the merge's group id

    def __init__(self, ctx: AppContext, commands: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_duplicates")
        self.setWindowTitle(tr("Find duplicates"))
        self.ctx, self.commands = ctx, commands
        self.groups: list[dedupe.DuplicateGroup] = []
        self._task: Task | None = None
        self._task_entity = ""
        self._again = False  # the kind changed while a search ran: search again when it ends
        self._away = False  # the last search could not reach the server (said in self.status)
        self._reading_pair = False  # Merge… reading the pair chosen
        self.entity = QComboBox(self)
        self.entity.setObjectName("dedupe_entity")
        self.entity.addItem(labels.entity_name("contact", plural=True), "contact")
        self.entity.addItem(labels.entity_name("organisation", plural=True), "organisation")
        self.entity.currentIndexChanged.connect(lambda _i: self.search())
        self.find_button = QPushButton(tr("Find"), self)
        self.find_button.setObjectName("dedupe_find")
        self.find_button.clicked.connect(self.search)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Stop"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("dedupe_status")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("dedupe_groups")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([tr("Confidence"), tr("Records"), tr("Why")])
        # each record and each reason on a line of its own, wrapped when longer than its column
        # (reviewer: the reasons, joined on one line, were cut at 1366×768 in Vietnamese)
        self.tree.setItemDelegate(WrappedRows(self.tree))
        # two records of a group chosen with Ctrl+click are the two merged
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)  # a group of several lines told from the next
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 100)
        self.tree.setColumnWidth(1, 360)
        self.tree.itemDoubleClicked.connect(if_enabled(lambda: self.merge_button, self.merge_selected))
        self.tree.currentItemChanged.connect(lambda *_: self._update())
        self.merge_button = QPushButton(tr("Merge…"), self)
        self.merge_button.setObjectName("dedupe_merge")
        self.merge_button.clicked.connect(self.merge_selected)
        hold_read_only(ctx, self.merge_button)  # a reader finds duplicates but merges none
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Look among"), self))
        top.addWidget(self.entity)
        top.addWidget(self.find_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.merge_button)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tree, 1)
        lay.addLayout(bottom)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(1180, screen.width() - 80) if screen is not None else 900, 560)  # the reasons' room
        self._update()
        ctx.server_back.connect(self._server_back)
        give_button_letters(self)  # (an Alt letter on each of its buttons: ui.alt_letters)

    def _server_back(self) -> None:
        """The team server is back (the live feed connected again, ui.live): the search it
        was away for is made again, as reopening the window did."""
        if self._away and self._task is None and self.isVisible():  # (reopening searches)
            self.search()

    def look_among(self, entity: str) -> None:
        """Show the dialog's groups of ``entity`` (contact, organisation; another kind keeps the
        last choice), looking for them at once."""
        index = self.entity.findData(entity)
        if index >= 0 and index != self.entity.currentIndex():
            self.entity.setCurrentIndex(index)  # searches
        else:
            self.search()

    def search(self) -> None:
        if self._task is not None:
            self._again = self._task_entity != self.entity.currentData()
            return
        entity, engine = self.entity.currentData(), self.ctx.engine
        self._task_entity = entity
        self.groups = []
        self.tree.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.find_button.setEnabled(False)
        self.status.setText(tr("Looking…"))

        def work(task: Task) -> list[dedupe.DuplicateGroup]:
            with read_session(engine) as s:
                return dedupe_groups.find_duplicate_groups(
                    s, entity, progress=task.progress, cancel=task.cancelled
                )

        def progressed(done: int, total: int) -> None:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)

        self._task = self.ctx.tasks.run(
            work, on_done=self._found, on_error=self._failed, on_progress=progressed
        )

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _finish(self) -> bool:
        """The search has ended; True when another one started (the kind changed meanwhile)."""
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.find_button.setEnabled(True)
        if self._again:
            self._again = False
            self.search()
            return True
        return False

    def _failed(self, exc: BaseException) -> None:
        self._away = isinstance(exc, Unreachable)  # (said until a search gets through)
        if self._finish():
            return
        if isinstance(exc, dedupe.DedupeCancelled):
            self.status.setText(tr("Stopped."))
        else:
            self.status.setText(str(exc))

    def _found(self, groups: list[dedupe.DuplicateGroup]) -> None:
        self._away = False
        if self._finish():
            return
        self.groups = groups
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        for n, g in enumerate(self.groups):
            names = "\n".join(m.label for m in g.members)
            reasons = "\n".join(reason_text(r) for r in g.reasons)
            item = QTreeWidgetItem([f"{round(g.confidence * 100)} %", names, reasons])
            item.setData(0, GROUP_ROLE, n)
            for col in range(3):  # the percentage beside the first record, not halfway down
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            for m in g.members:
                child = QTreeWidgetItem(["", m.label + (f" — {m.subtitle}" if m.subtitle else ""), ""])
                child.setData(0, GROUP_ROLE, n)
                child.setData(1, GROUP_ROLE, m.id)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        groups = len(self.groups)  # a plain name: lupdate misses a call whose count is an expression
        found = QCoreApplication.translate(
            "Duplicates", "%Ln group(s) of likely duplicates, most certain first.", "", groups
        )
        self.status.setText(found if self.groups else tr("No duplicates found."))
        self._update()

    def _update(self) -> None:
        self.merge_button.setEnabled(self.tree.currentItem() is not None)

    def _chosen(self) -> tuple[str, int, int] | None:
        """(kind, a, b): the two records selected in a group (Ctrl+click); one record and the
        one most like it; else the group's most likely pair — in a chain A–B–C, not A and B
        because A is first (reviewer h119: Lê Quang Minh and Jürgen Weiß, who share a phone,
        offered before the two Jürgen Weiß/Weiss). Which to keep is not decided here."""
        item = self.tree.currentItem()
        if item is None:
            return None
        n = int(item.data(0, GROUP_ROLE))
        group = self.groups[n]
        chosen = [
            int(x.data(1, GROUP_ROLE))
            for x in self.tree.selectedItems()
            if x.data(1, GROUP_ROLE) is not None and int(x.data(0, GROUP_ROLE)) == n
        ]
        a, b = group.best_pair(*chosen[-2:])
        return group.entity, a, b

    def selected_pair(self) -> tuple[str, int, int] | None:
        """The two records to merge (:meth:`_chosen`), the one with more history kept, else the
        older (:func:`app.merge.kept_first`; the merge dialog can keep the other)."""
        chosen = self._chosen()
        if chosen is None:
            return None
        entity, a, b = chosen
        with self.ctx.read() as s:
            survivor, other = merge.kept_first(s, entity, a, b)
        return entity, survivor, other

    def merge_selected(self) -> None:
        """The merge dialog on the pair chosen, read on a pool thread first (which to keep counts
        each record's history: on a team database the window froze), Merge… off meanwhile."""
        chosen = self._chosen()
        if chosen is None or self._reading_pair:
            return
        entity, a, b = chosen
        engine = self.ctx.engine
        self._reading_pair = True
        self.merge_button.setEnabled(False)

        def work(_task: Task) -> merge_facts.Pair:
            with read_session(engine) as s:
                return merge_facts.read_kept_first(s, entity, a, b)

        def read(pair: merge_facts.Pair) -> None:
            self._reading_pair = False
            self._update()
            self._merge(pair)

        def failed(exc: BaseException) -> None:
            self._reading_pair = False
            self._update()
            self.status.setText(str(exc))  # (the server away: the window's one sentence)

        self.ctx.tasks.run(work, on_done=read, on_error=failed, owner=self, again=False)

    def _merge(self, pair: merge_facts.Pair) -> None:
        entity = pair.entity
        dialog = MergeDialog(
            self.ctx, self.commands, entity, pair.survivor_id, pair.other_id, self, pair=pair
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.merged_ids:
            _survivor, other = dialog.merged_ids
            for g in self.groups:
                if g.entity == entity and other in g.ids:
                    g.members = [m for m in g.members if m.id != other]
            self.groups = [g for g in self.groups if len(g.members) > 1]
            self._fill()
            self.merged.emit(dialog.group_id)
