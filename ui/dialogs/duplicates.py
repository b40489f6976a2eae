"""Tools → Find duplicates…: groups of likely duplicates ranked by confidence, and the merge.

The search (``app.dedupe_groups.find_duplicate_groups``) runs on a pool thread with progress and
cancel; opening the dialog looks at once among the kind of the current view. :class:`MergeDialog`
shows two records field by field, a radio per side (default: the value that says more, as
``app.merge`` decides), and merges on the write lane; the merge is then offered as Edit → Undo
like any other operation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import dedupe, dedupe_groups, merge
from app.errors import ConflictError, UserError
from db import kinds
from db.engine import read_session
from ui import labels
from ui.context import AppContext, Unreachable
from ui.dialogs import merge_facts
from ui.dialogs.conflict import saved_by
from ui.dupwarn import reason_text
from ui.not_written import error_text
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

    def selected_pair(self) -> tuple[str, int, int] | None:
        """The two records to merge, the one with more history kept, else the older
        (:func:`app.merge.kept_first`; the merge dialog can keep the other): the
        two records selected in a group (Ctrl+click); one record and the one most like it; else
        the group's most likely pair — in a chain A–B–C, not A and B because A is first
        (reviewer h119: Lê Quang Minh and Jürgen Weiß, who share a phone, offered before the
        two Jürgen Weiß/Weiss)."""
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
        with self.ctx.read() as s:  # the one with more history kept, else the older
            survivor, other = merge.kept_first(s, group.entity, a, b)
        return group.entity, survivor, other

    def merge_selected(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        dialog = MergeDialog(self.ctx, self.commands, *pair, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.merged_ids:
            _survivor, other = dialog.merged_ids
            for g in self.groups:
                if g.entity == pair[0] and other in g.ids:
                    g.members = [m for m in g.members if m.id != other]
            self.groups = [g for g in self.groups if len(g.members) > 1]
            self._fill()
            self.merged.emit(dialog.group_id)


class MergeDialog(QDialog):
    """Two records side by side; the survivor keeps the value chosen in each row."""

    def __init__(
        self,
        ctx: AppContext,
        commands: Any,
        entity: str,
        survivor_id: int,
        other_id: int,
        parent: QWidget | None = None,
        pair: merge_facts.Pair | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.ctx, self.commands, self.entity = ctx, commands, entity
        self.merged_ids: tuple[int, int] | None = None
        self.group_id = ""
        self.newer_said = ""  # merged with what someone saved meanwhile: said in the status bar
        self.radios: dict[str, QButtonGroup] = {}
        self.setWindowTitle(tr("Merge two %1").replace("%1", labels.entity_name(entity, plural=True).lower()))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.rows_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.swap_button = QPushButton(tr("Keep the other record instead"), self)
        self.swap_button.setObjectName("merge_swap")
        self.swap_button.clicked.connect(self.swap)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge_ok")
        self.buttons.accepted.connect(self.do_merge)
        self.buttons.rejected.connect(self.reject)
        lay = self.outer = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.swap_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        lay.addLayout(row)
        self.resize(820, 600)
        if pair is not None:  # read off the UI thread already (a list's Merge: ui.bulk)
            self.show_pair(pair)
        else:
            self.load(survivor_id, other_id)

    def load(self, survivor_id: int, other_id: int) -> None:
        with self.ctx.read() as s:
            pair = merge_facts.read_pair(s, self.entity, survivor_id, other_id)
        self.show_pair(pair)

    def show_pair(self, pair: merge_facts.Pair) -> None:
        """Show the two records as read (:func:`ui.dialogs.merge_facts.read_pair`)."""
        self.survivor_id, self.other_id = pair.survivor_id, pair.other_id
        self.preview = pair.preview
        shown = {
            (row["field"], side): self._shown(pair, row["field"], side, row[side])
            for row in self.preview["fields"]
            for side in ("survivor", "other")
        }
        sides = {"survivor": self.preview["survivor"], "other": self.preview["other"]}
        moves = self._moves(*pair.work["other"])
        facts = merge_facts.fact_rows(self.ctx, self.entity, sides, pair.work)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(
                    None
                )  # gone at once: the rows shown again (swapped, reloaded) are the only ones
                widget.deleteLater()
        self.radios.clear()
        s_rec, o_rec = self.preview["survivor"], self.preview["other"]
        label_field = kinds.info(self.entity).label_field
        # (an organisation has no e-mails or phones: its tags, sectors and names are what it keeps)
        intro = (
            tr(
                "“%1” (#%4) is kept; “%2” (#%5) is merged into it and removed. %3 Emails, phones and tags of both are kept. You can undo the merge afterwards."
            )
            if self.entity == "contact"
            else tr(
                "“%1” (#%4) is kept; “%2” (#%5) is merged into it and removed. %3 Tags and sectors of both are kept; a name or acronym not kept becomes an alias. You can undo the merge afterwards."
            )
        )
        self.intro.setText(
            intro.replace("%4", str(s_rec["id"]))  # (namesakes told apart by id)
            .replace("%5", str(o_rec["id"]))
            .replace("%3", moves)
            .replace("%1", str(s_rec[label_field]))
            .replace("%2", str(o_rec[label_field]))
        )
        bold = self.font()
        bold.setBold(True)
        for col, text in enumerate(
            (
                "",
                tr("Kept: %1").replace("%1", merge_facts.heading(s_rec, label_field)),
                tr("Removed after the merge: %1").replace("%1", merge_facts.heading(o_rec, label_field)),
            )
        ):
            head = QLabel(text, self.body)
            head.setFont(bold)
            head.setWordWrap(True)  # a long organisation name wraps instead of widening the column
            self.grid.addWidget(head, 0, col)
        # what tells namesakes apart and is not chosen here (e-mails, phones, last contact…)
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_RadioButtonLabelSpacing
        )
        for n, (key, name, texts) in enumerate(facts, start=1):
            self.grid.addWidget(QLabel(name, self.body), n, 0, Qt.AlignmentFlag.AlignTop)
            for col, side in ((1, "survivor"), (2, "other")):
                fact = QLabel(texts[side], self.body)
                fact.setObjectName(f"merge_fact_{key}_{side}")
                fact.setWordWrap(True)
                fact.setTextFormat(Qt.TextFormat.PlainText)
                fact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                fact.setIndent(indent)  # under the radios' text, not their circles
                self.grid.addWidget(fact, n, col)
        line = QFrame(self.body)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(line, len(facts) + 1, 0, 1, 4)
        first = len(facts) + 2
        for n, row in enumerate(self.preview["fields"], start=first):
            f = row["field"]
            self.grid.addWidget(QLabel(labels.field_label(f), self.body), n, 0)
            group = QButtonGroup(self.body)
            for col, side in ((1, "survivor"), (2, "other")):
                text = shown[(f, side)].replace("&", "&&")  # "R&D" is not a shortcut
                radio = QRadioButton(text or tr("(empty)"), self.body)
                radio.setObjectName(f"merge_{f}_{side}")
                group.addButton(radio)
                radio.setProperty("side", side)
                radio.setChecked(row["default"] == side)
                self.grid.addWidget(radio, n, col)
            if f == "notes" and row["survivor"] and row["other"]:
                both = QRadioButton(tr("Both, one after the other"), self.body)
                both.setObjectName("merge_notes_both")
                both.setProperty("side", "both")
                both.setChecked(row["default"] == "both")
                group.addButton(both)
                self.grid.addWidget(both, n, 3)
            self.radios[f] = group
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setRowStretch(first + len(self.preview["fields"]), 1)
        self._fit_width()

    def _fit_width(self) -> None:
        """Wide enough to show both columns whole (long organisation names), within the screen;
        on a narrower screen the rows scroll sideways."""
        margins = self.outer.contentsMargins()
        frame = 2 * self.rows_area.frameWidth() + self.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent
        )
        wanted = self.body.sizeHint().width() + frame + margins.left() + margins.right()
        screen = self.screen()
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().width() - 40)
        if wanted > self.width():
            self.resize(wanted, self.height())

    def _moves(self, meetings: int, actions: int) -> str:
        return " ".join(
            (
                QCoreApplication.translate(
                    "Duplicates", "Moving to the kept record: %Ln meeting(s)", "", meetings
                ),
                QCoreApplication.translate("Duplicates", "and %Ln action(s).", "", actions),
            )
        )

    def _shown(self, pair: merge_facts.Pair, field: str, side: str, value: Any) -> str:
        if value in (None, "", []):
            return ""
        if field in merge_facts.REFERS:
            return pair.refers.get((field, side), str(value))
        if field == "kind":
            return labels.organisation_kind(str(value))
        if field == "country":
            return labels.country(str(value))  # "Việt Nam", not "VN"
        text = str(value).replace("\n", " ")
        return text if len(text) < 80 else text[:77] + "…"

    def choices(self) -> dict[str, str]:
        out = {}
        for f, group in self.radios.items():
            button = group.checkedButton()
            if button is not None:
                out[f] = str(button.property("side"))
        return out

    def _newer_said(self, result: merge.MergeResult) -> str:
        """ "What Trần Văn Bình saved on them meanwhile is kept: Position, Tags." """
        fields = ", ".join(labels.field_label(f) for f in result.newer)
        who = saved_by(self.ctx, result.saved)
        if who:
            return tr("What %2 saved on them meanwhile is kept: %1.").replace("%1", fields).replace("%2", who)
        if who == "":
            return tr(
                "What was saved on them meanwhile in another window or from the command line is kept: %1."
            ).replace("%1", fields)
        return tr("What someone else saved on them meanwhile is kept: %1.").replace("%1", fields)

    def swap(self) -> None:
        self.load(self.other_id, self.survivor_id)

    def do_merge(self) -> None:
        entity, sid, oid, choices = self.entity, self.survivor_id, self.other_id, self.choices()
        # the two as shown: saved since by someone else, what the merge keeps of theirs is
        # merged with (and said), what it would drop refuses it, naming the field
        seen = (dict(self.preview["survivor"]), dict(self.preview["other"]))
        actor = self.ctx.actor()
        label_field = kinds.info(entity).label_field
        # the kept record as the merge leaves it: with the name chosen (reviewer h129: "Merged
        # “Phạm Thị Thu Trang” into “Pham Thi Thu Trang”" when the record kept the accented one)
        kept_name = str(self.preview[choices.get(label_field, "survivor")][label_field])
        other_name = str(self.preview["other"][label_field])
        said = (
            tr("Merged “%1” (#%3) into “%2” (#%4)")  # one name now: the ids tell which went where
            if other_name == kept_name
            else tr("Merged “%1” into “%2”")
        )
        message = (
            said.replace("%3", str(oid))
            .replace("%4", str(sid))
            .replace("%1", other_name)
            .replace("%2", kept_name)
        )
        self.merge_button.setEnabled(False)

        box: list[merge.MergeResult] = []

        def work(s: Any) -> str:
            box.append(merge.merge(s, entity, sid, oid, choices=choices, actor=actor, seen=seen))
            return box[-1].group_id

        def done(group: str) -> None:
            self.group_id = group
            self.merged_ids = (sid, oid)
            if box and box[-1].newer:
                self.newer_said = self._newer_said(box[-1])
                self.ctx.status_message.emit(f"{message}. {self.newer_said}")
            self.accept()

        def failed(exc: BaseException) -> None:
            self.merge_button.setEnabled(True)
            if isinstance(exc, ConflictError):  # saved meanwhile: shown as they are now, to choose again
                self.load(sid, oid)
            # a full disk's refusal in the window's language (db.errors.DiskFull), others as said
            self.error.setText(error_text(exc) if isinstance(exc, UserError) else str(exc))
            self.error.show()

        self.commands.run_grouped(entity, work, message, [sid, oid], on_done=done, on_error=failed)
