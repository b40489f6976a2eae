"""View → Trash: deleted records of every kind, who deleted them and when; restore a selection
(with its links), or empty the trash for good after asking (a backup is taken first of a
SQLite file; on a team database an officer empties what they deleted, a manager everything).

The list is read off the UI thread (it grows with what was deleted) and attached when ready;
restoring and emptying run on the write lane (:meth:`AppContext.write`). The rules are
:mod:`app.trash`'s, the same as ``ketnoi trash``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import trash
from db import clock, kinds
from db.engine import Session, read_session
from ui import labels
from ui.context import AppContext
from ui.focus import into_list, select_on_focus
from ui.icons import icon
from ui.rows import RowsModel
from ui.team import hold_read_only, if_enabled
from ui.widgets import AwayNote

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashModel(RowsModel[trash.TrashItem]):
    """Plain rows (``app.trash.TrashItem``) handed in by the dialog; no database access here."""

    COLUMNS = ("label", "kind", "deleted_by", "deleted_at")

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Kind"), self.tr("Deleted by"), self.tr("Deleted on"))

    def cell(self, item: trash.TrashItem, col: int, role: int) -> Any:
        column = self.COLUMNS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "label":
                return item.label
            if column == "kind":
                return labels.entity_name(item.kind)
            if column == "deleted_by":
                return item.deleted_by
            return self.ctx.fmt_datetime(clock.local(item.deleted_at))
        if role == Qt.ItemDataRole.ToolTipRole and column == "label" and item.merged_into:
            return self.tr("Merged into “%1”: undo the merge to get its links back").replace(
                "%1", item.merged_into
            )
        if role == Qt.ItemDataRole.DecorationRole and column == "label":
            return icon(item.kind) if item.kind in kinds.RECORD_KINDS else None
        if role == KEY_ROLE:
            return item.key
        return None


class TrashDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("trash_dialog")
        self.setWindowTitle(self.tr("Trash"))
        self.loaded = False  # the last load finished (tests wait on it)
        self._generation = 0

        self.kind = QComboBox(self)
        self.kind.setObjectName("trash_kind")
        self.kind.addItem(self.tr("All kinds"), "")
        for k in kinds.ALL_KINDS:
            self.kind.addItem(labels.entity_name(k, plural=True), str(k))
        self.text = QLineEdit(self)
        self.text.setObjectName("trash_filter")
        self.text.setPlaceholderText(self.tr("Filter by name…"))
        self.text.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("trash_summary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show"), self))
        top.addWidget(self.kind)
        top.addWidget(self.text, 1)

        self.away = AwayNote(ctx, "trash_unreachable", self)  # the server out of reach
        self.model = TrashModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("trash_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(if_enabled(lambda: self.restore_button, self.restore_selected))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        select_on_focus(self.table)  # tabbed into: a row selected, Restore on

        self.restore_button = QPushButton(icon("undo"), self.tr("&Restore"), self)
        self.restore_button.setObjectName("trash_restore")
        self.restore_button.clicked.connect(lambda _c=False: self.restore_selected())
        self._empty_text = self.tr("&Empty trash…")
        self.empty_button = QPushButton(icon("delete"), self._empty_text, self)
        self.empty_button.setObjectName("trash_empty")
        self.empty_button.clicked.connect(lambda _c=False: self.empty())
        hold_read_only(ctx, self.restore_button, self.empty_button)  # a reader looks only
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.away)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self._waiting: list[Callable[[], None]] = []  # called once the latest read is shown
        self._counting: object | None = None  # Empty trash…'s count being read (its token)
        self._listed_total = 0  # deleted records in the trash, as last read
        into_list(self.text, self.table, self._when_listed)  # Down/Enter: into the list
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        ctx.changed.connect(self._changed)
        self.resize(760, 460)
        self._update_buttons()
        self.reload()

    # --- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the trash again off the UI thread; the newest answer wins."""
        self._generation += 1
        generation = self._generation
        self.loaded = False
        kind = self.kind.currentData() or None
        text = self.text.text()
        engine = self.ctx.engine

        def work(_task: Any) -> tuple[list[trash.TrashItem], dict[str, int]]:
            with read_session(engine) as s:
                return trash.list_trash(s, kind, text), trash.count_trash(s)

        def done(result: tuple[list[trash.TrashItem], dict[str, int]]) -> None:
            if generation == self._generation:
                self._show(*result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation and self.away.read_failed(exc):
                self.model.set_rows([])  # not a list that reads as the trash now
                self.summary.clear()
                self._listed_total = 0
                self.empty_button.setEnabled(False)
                self.loaded = True
                self._update_buttons()
                self._listed()

        self.ctx.tasks.run(work, on_done=done, on_error=failed, owner=self)

    def _when_listed(self, then: Callable[[], None]) -> None:
        """``then()`` once the list answers the filter box as it reads now: a filter still
        waiting for the pause in typing is read first."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.reload()
        if self.loaded:
            then()
        else:
            self._waiting.append(then)

    def _listed(self) -> None:
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    def _show(self, items: list[trash.TrashItem], counts: dict[str, int]) -> None:
        self.away.read()
        self.model.set_rows(items)
        total = sum(counts.values())
        if total == 0:
            self.summary.setText(self.tr("The trash is empty."))
        else:
            self.summary.setText(  # "1 deleted record", "2 deleted records" (Qt's plural forms)
                self.tr("%Ln deleted record(s) in the trash; %1 shown.", "", total).replace(
                    "%1", self.ctx.fmt_number(len(items))
                )
            )
        self._listed_total = total
        self.empty_button.setEnabled(total > 0 and self._counting is None)
        self.loaded = True
        self._update_buttons()
        self._listed()

    def _changed(self, _entity: str, _ids: list[int]) -> None:
        if self.isVisible():
            self.reload()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.selected()))

    def selected(self) -> list[tuple[str, int]]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].key for r in rows if r < len(self.model.rows)]

    # --- restore / empty -------------------------------------------------------------------------

    def restore_selected(
        self, chosen: list[tuple[str, int]] | None = None, twins: str = "refuse", earlier: int = 0
    ) -> None:
        """Restore the selection (or ``chosen``). A contact a live one has the e-mail or phone
        of is first left in the trash and the user asked: merge it into the live one, restore it
        anyway, or leave it (reviewer h109: an import undone, the same file imported again, and
        the first "Phạm Anh Bình" restored beside the second, without a word). The status bar
        says how many were restored once that question is answered, counting the ``earlier``
        ones restored before it (reviewer h143: "Restored 0 records" under the open question)."""
        chosen = self.selected() if chosen is None else chosen
        if not chosen:
            return
        actor = self.ctx.actor()
        box: list[trash.RestoreResult] = []

        def work(s: Session) -> list[int]:
            result = trash.restore_many(s, chosen, actor=actor, twins=twins)
            box.append(result)
            return [i for _k, i in result.restored]

        names = {item.key: item.label for item in self.model.rows}

        def done(_ids: list[int]) -> None:
            result = box[0]
            n = len(result.restored)
            message = self.tr("Restored %Ln record(s)", "", n)
            if result.merged:
                message = self.tr("Restored %Ln record(s) and merged them into the live ones", "", n)
            if result.group_id:
                self.ctx.push_undo(message, result.group_id)
            for _other, _survivor, group in result.merged:
                self.ctx.push_undo(self.tr("Merge of a restored contact"), group)
            twin_skipped = [x for x in result.skipped if x.code == "twin" and x.twin is not None]
            if twin_skipped:  # said once the question is answered, with the true count
                self._ask_twins(twin_skipped, restored=earlier + n)
            else:
                self._say_restored(earlier + n, message if not earlier else "")
            said = self._refiled(result, names) + self._not_restored(result, names)
            if said:
                QMessageBox.information(self, self.tr("Not all as it was"), "\n\n".join(said))
            self.reload()

        self.ctx.write(work, entity="", on_done=done)

    def _refiled(self, result: trash.RestoreResult, names: dict[tuple[str, int], str]) -> list[str]:
        """Contacts and actions restored under the live organisation of their organisation's
        name, their own staying in the trash (reviewer h143)."""
        if not result.refiled:
            return []
        lines = [
            self.tr("• %1: filed under the live “%2” (#%3); its own organisation (#%4) stays in the trash")
            .replace("%1", names.get((kind, i), f"#{i}"))
            .replace("%2", name)
            .replace("%3", str(live))
            .replace("%4", str(own))
            for kind, i, own, live, name in result.refiled
        ]
        return [self.tr("Restored under a live organisation of the same name:") + "\n" + "\n".join(lines)]

    def _not_restored(self, result: trash.RestoreResult, names: dict[tuple[str, int], str]) -> list[str]:
        other_skipped = [x for x in result.skipped if x.code != "twin"]
        if not other_skipped:
            return []
        lines = [f"• {names.get((x.kind, x.id), f'#{x.id}')}: {self._why(x)}" for x in other_skipped]
        return [self.tr("These records stay in the trash:") + "\n" + "\n".join(lines)]

    def _say_restored(self, n: int, message: str = "") -> None:
        if not message:
            message = (
                self.tr("Restored %Ln record(s)", "", n)
                if n
                else self.tr("Nothing restored: left in the trash")
            )
        self.ctx.status_message.emit(message)

    def _ask_twins(self, skipped: list[trash.Skipped], restored: int = 0) -> None:
        """Contacts left in the trash because a live one has their e-mail or phone: merge them
        into the live ones, restore them anyway as second records, or leave them. ``restored``:
        how many the restore brought back before asking (said after the answer)."""
        names = {item.key: item.label for item in self.model.rows}
        lines = []
        for x in skipped:
            twin = x.twin
            assert twin is not None
            same = {
                "email": self.tr("the same e-mail"),
                "phone": self.tr("the same phone"),
                "name": self.tr("the same name at the same organisation"),
            }.get(twin.how, twin.how)
            value = twin.value or (self.tr("no organisation") if twin.how == "name" else "")
            lines.append(
                self.tr("• %1 (#%2): %3 (%4) as %5 (#%6), not in the trash")
                .replace("%1", names.get((x.kind, x.id), ""))
                .replace("%2", str(x.id))
                .replace("%3", same)
                .replace("%4", value)
                .replace("%5", twin.name)
                .replace("%6", str(twin.id))
            )
        ask = QMessageBox(self)
        ask.setIcon(QMessageBox.Icon.Question)
        ask.setWindowTitle(self.tr("Already there?"))
        ask.setText(
            self.tr("A live contact looks like the same person:") + "\n" + "\n".join(lines) + "\n\n"
            + self.tr("Merge into the live contact (its values stay; the restored one's fill its blanks), "
                      "restore as a second contact, or leave in the trash?")
        )  # fmt: skip
        merge = ask.addButton(self.tr("&Merge into it"), QMessageBox.ButtonRole.AcceptRole)
        anyway = ask.addButton(self.tr("Restore &anyway"), QMessageBox.ButtonRole.DestructiveRole)
        ask.addButton(self.tr("&Leave in the trash"), QMessageBox.ButtonRole.RejectRole)
        ask.setDefaultButton(merge)
        ask.exec()
        clicked = ask.clickedButton()
        if clicked is merge or clicked is anyway:
            again = [(x.kind, x.id) for x in skipped]
            self.restore_selected(again, "merge" if clicked is merge else "allow", earlier=restored)
        else:
            self._say_restored(restored)

    def _why(self, skipped: trash.Skipped) -> str:
        if skipped.code == "gone":
            return self.tr("no longer in the trash")
        if skipped.code == "name":
            return self.tr("a live organisation has this name; rename or merge it first")
        if skipped.code == "organisation":
            return self.tr("its organisation cannot come back from the trash")
        return self.tr("restoring it would break a rule of the database")

    def what(self, going: trash.Emptying) -> str:
        """ "1 contact and 1 file attached to it", "2 contacts, 1 meeting and 3 files attached to
        them": the records the trash lists, by kind, and the files that go with them."""
        parts = [
            f"{self.ctx.fmt_number(n)} {labels.entity_name(k, plural=n != 1).lower()}"
            for k, n in going.listed.items()
        ]
        if going.attached:
            many = sum(going.listed.values()) != 1
            parts.append(
                self.tr("%Ln file(s) attached to them", "", going.attached)
                if many
                else self.tr("%Ln file(s) attached to it", "", going.attached)
            )
        if len(parts) == 1:
            return parts[0]
        return self.tr("%1 and %2").replace("%1", ", ".join(parts[:-1])).replace("%2", parts[-1])

    def question(self, going: trash.Emptying) -> str:
        """What "Empty trash…" asks: what goes, whose (on a team database an officer empties
        what they deleted, a manager everything), what stays, and whether a copy is taken
        first — only where one is (reviewer h130: a team database was said to be backed up)."""
        said = [
            self.tr("Remove %1 for good? Their links go with them; their history stays.").replace(
                "%1", self.what(going)
            )
        ]
        said += self.notes(going)
        if going.backup:
            said.append(self.tr("A backup of the database is taken first."))
        else:
            said.append(self.tr("No copy is taken first: the server's backups are the team's."))
        return " ".join(said)

    def notes(self, going: trash.Emptying) -> list[str]:
        """Whose deleted records go on a team database, and those kept."""
        said = []
        if going.scope == "mine" and going.others:
            said.append(
                self.tr(
                    "On this team database you empty what you deleted: what colleagues deleted "
                    "(%Ln record(s)) stays, for them or a manager to empty.",
                    "",
                    going.others,
                )
            )
        elif going.scope == "mine":
            said.append(self.tr("On this team database you empty what you deleted."))
        elif going.scope == "team":
            said.append(self.tr("This empties every deleted record of the team, whoever deleted it."))
        if going.kept:
            said.append(
                self.tr(
                    "Kept in the trash: %Ln record(s) still used by a record you may not see.",
                    "",
                    going.kept,
                )
            )
        return said

    def empty(self) -> None:
        """Ask, naming what goes, then empty. What would be removed (and, on a team database,
        what this officer may remove) is read off the UI thread first: with thousands of
        records in a team's trash, under its row-level security, the window froze 1.6 s before
        asking. Meanwhile the button says it is counting and is off; the question comes once
        the answer is known, and not at all if the dialog was closed meanwhile."""
        if self._counting:
            return
        self._counting = asking = object()
        self.empty_button.setEnabled(False)
        self.empty_button.setText(self.tr("Counting…"))
        engine = self.ctx.engine

        def work(_task: Any) -> trash.Emptying:
            with read_session(engine) as s:  # a few counts: what the question names
                return trash.emptying(s)

        def counted(going: trash.Emptying) -> None:
            if self._counted(asking):
                self._ask(going)

        def failed(exc: BaseException) -> None:
            if self._counted(asking) and self.away.read_failed(exc):
                self.reload()  # the list, too, says the server is away, and reads again once it is back

        self.ctx.tasks.run(work, on_done=counted, on_error=failed, owner=self, again=False)

    def _counted(self, asking: object) -> bool:
        """The count asked for by ``asking`` is in: the button as it was; False when the dialog
        was closed since (nothing is asked of a closed window)."""
        if self._counting is not asking:
            return False
        self._counting = None
        self.empty_button.setText(self._empty_text)
        self.empty_button.setEnabled(self._listed_total > 0)
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        if self._counting is not None:  # closed while counting: no question for a closed window
            self._counting = None
            self.empty_button.setText(self._empty_text)
            self.empty_button.setEnabled(self._listed_total > 0)
        super().hideEvent(event)

    def _ask(self, going: trash.Emptying) -> None:
        if going.total == 0:
            if going.others or going.kept:  # (the button is on: the list is not empty)
                QMessageBox.information(
                    self,
                    self.tr("Empty trash"),
                    " ".join([self.tr("Nothing in the trash is yours to empty."), *self.notes(going)]),
                )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Empty trash"),
            self.question(going),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.actor()
        box: list[trash.Emptying] = []

        def work(s: Session) -> list[int]:
            now = trash.emptying(s)  # in the same transaction: counted as the question counted
            box.append(now.removed(trash.empty_trash(s, actor=actor)))
            return []

        def done(_ids: list[int]) -> None:
            removed = box[0] if box else trash.Emptying({}, 0)
            if removed.total:
                message = self.tr("Removed %1 for good").replace("%1", self.what(removed))
                if removed.kept:
                    message = " ".join([message + ".", *self.notes(removed)[-1:]])
            else:
                message = self.tr("The trash is empty.")
            self.ctx.status_message.emit(message)
            self.reload()

        self.ctx.write(work, entity="", on_done=done)
