"""Bulk actions on a multi-selection: add/remove tags, set a field, delete.

Each choice asks for its value in a small dialog, then makes one call into ``app.bulk_edit``
on the write lane (one transaction, one history group), offered as Edit → Undo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app import bulk_edit, lists
from app.still_named import KINDS, StillNamed, still_named
from db import kinds
from db.engine import Session, read_session
from db.models import ACTION_STATUSES
from ui import labels
from ui.alt_letters import give_letters
from ui.commands import Commands
from ui.context import AppContext, Unreachable
from ui.datebox import DateBox, refused_box
from ui.icons import icon
from ui.successor_note import SuccessorNote
from ui.tasks import Task
from ui.team import hold_read_only
from ui.widgets import Lookup

TAGGABLE = kinds.TAGGABLE
# entity → the fields a bulk action sets here: (field, kind of value)
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "contact": (("owner_id", "staff"), ("organisation_id", "organisation")),
    "organisation": (("owner_id", "staff"),),
    "meeting": (("owner_id", "staff"),),
    "action": (
        ("responsible_staff_id", "staff"),
        ("organisation_id", "organisation"),
        ("status", "status"),
        ("due_date", "date"),
    ),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Bulk", text)


def _field_name(field: str) -> str:
    return {
        "owner_id": tr("owner"),
        "responsible_staff_id": tr("responsible (us)"),
        "organisation_id": tr("organisation"),
        "status": tr("status"),
        "due_date": tr("due date"),
    }.get(field, field)


class ValueDialog(QDialog):
    """Ask for one value: tags, a staff member, an organisation, a status or a date."""

    def __init__(self, ctx: AppContext, kind: str, title: str, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bulk_value")
        self.setWindowTitle(title)
        self.kind = kind
        self.editor: QWidget
        if kind == "tags":
            line = QLineEdit(self)
            line.setPlaceholderText(tr("separate several with commas"))
            self.editor = line
        elif kind == "staff":
            combo = QComboBox(self)
            combo.addItem(tr("— nobody —"), None)
            with ctx.read() as s:
                for i, n in lists.staff_list(s):
                    combo.addItem(n, i)
            self.editor = combo
        elif kind == "status":
            combo = QComboBox(self)
            for v in ACTION_STATUSES:
                combo.addItem(labels.status(v), v)
            self.editor = combo
        elif kind == "organisation":
            lookup = Lookup(ctx, "organisation", self)
            lookup.setPlaceholderText(tr("Type a few letters of the organisation"))
            self.editor = lookup
        else:
            date = DateBox(self)
            date.setCalendarPopup(True)
            date.setDisplayFormat(ctx.settings.qt_date_format())
            today = ctx.today()
            date.setDate(QDate(today.year, today.month, today.day))
            self.editor = date
        self.editor.setObjectName("bulk_editor")
        # an organisation merged or renamed by today: its successor put in and said, with a link
        # to keep it (as the record forms do); a split asks which it became
        self.successor: SuccessorNote | None = None
        if isinstance(self.editor, Lookup):
            self.successor = SuccessorNote(ctx, self.editor, self, self._fit_height)
            self.successor.setObjectName("bulk_successor")
        self.error = QLabel(self)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(prompt, self.editor)
        if self.successor is not None:
            form.addRow("", self.successor)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(420)

    def _fit_height(self) -> None:
        """Taller when the successor's note wrapped to more lines than the dialog had room for."""
        if isValid(self) and (lay := self.layout()) is not None and lay.sizeHint().height() > self.height():
            self.resize(self.width(), lay.sizeHint().height())

    def value(self) -> Any:
        w = self.editor
        if isinstance(w, Lookup):
            return w.value()
        if isinstance(w, QLineEdit):
            return [p.strip() for p in w.text().split(",") if p.strip()]
        if isinstance(w, QComboBox):
            return w.currentData()
        assert isinstance(w, QDateEdit)
        d = w.date()
        return dt.date(d.year(), d.month(), d.day())

    def _accept(self) -> None:
        if refused_box(self):
            return
        value = self.value()
        if (self.kind in ("tags", "organisation")) and not value:
            self.error.setText(tr("Choose a value first."))
            self.error.show()
            return
        self.accept()


class BulkActions:
    """Builds the bulk menu for a list and runs what is chosen."""

    def __init__(self, ctx: AppContext, commands: Commands, window: QWidget) -> None:
        self.ctx, self.commands, self.window = ctx, commands, window
        self._merging = False  # a list's Merge reading the two records (ui.bulk.merge_two)
        self._counting = False  # Del on organisations: what still names them being read

    def menu(self, entity: str, ids: Callable[[], list[int]], parent: QWidget) -> QMenu:
        menu = QMenu(tr("Selection"), parent)
        menu.setObjectName("bulk_menu")
        menu.setIcon(icon("edit"))
        self.fill(menu, entity, ids)
        return menu

    def fill(self, menu: QMenu, entity: str, ids: Callable[[], list[int]]) -> list[QAction]:
        out: list[QAction] = []

        def add(name: str, text: str, slot: Callable[[], None]) -> None:
            a = menu.addAction(text)
            a.setObjectName(f"bulk_{name}")
            a.triggered.connect(lambda _c=False: slot())
            out.append(a)

        if entity in TAGGABLE:
            add("add_tags", tr("Add tags…"), lambda: self.add_tags(entity, ids()))
            add("remove_tags", tr("Remove tags…"), lambda: self.remove_tags(entity, ids()))
        for field, kind in FIELDS.get(entity, ()):
            text = tr("Set %1…").replace("%1", _field_name(field))
            add(f"set_{field}", text, self._setter(entity, ids, field, kind))
        menu.addSeparator()
        if entity in kinds.MERGEABLE:  # two records of one person or organisation, picked by hand
            add("merge", tr("Merge the two selected…"), lambda: self.merge_two(entity, ids()))
        add("delete", tr("Delete selected…"), lambda: self.delete(entity, ids()))
        give_letters(out, beside=[a for a in menu.actions() if a not in out])  # ("Set %1…": by field)
        if hold_read_only(self.ctx, *out):  # a reader's menu says why these are off
            menu.setToolTipsVisible(True)
        return out

    def merge_two(self, entity: str, ids: list[int]) -> None:
        """The merge dialog on the two records selected (reviewer h98: a duplicate the search
        for duplicates does not pair, "Tanaka Hiroshi" and "Hiroshi Tanaka" spelt apart, could
        not be merged from the list): the one with more history is kept, else the older, as
        Find duplicates offers them (reviewer h129: the one first in the list was kept, the
        newer "Pham Thi Thu Trang" over "Phạm Thị Thu Trang" with her meeting), unless swapped.

        Which to keep and what the dialog shows are read on a pool thread, then the dialog
        opens: counting each record's history on the UI thread froze the window on a team
        database. Meanwhile the window shows a busy cursor and the status bar says so; a second
        Merge waits for the first; the server out of reach is said in one sentence."""
        if len(ids) != 2:
            self.ctx.status_message.emit(tr("Select exactly two records to merge."))
            return
        if self._merging:
            return
        from ui.dialogs import merge_facts
        from ui.dialogs.merge_dialog import MergeDialog

        self._merging = True
        window, engine, (a, b) = self.window, self.ctx.engine, ids
        window.setCursor(Qt.CursorShape.BusyCursor)
        self.ctx.status_message.emit(tr("Reading the two records to merge…"))

        def work(_task: Task) -> merge_facts.Pair:
            with read_session(engine) as s:
                return merge_facts.read_kept_first(s, entity, a, b)

        def ended() -> None:
            self._merging = False
            window.unsetCursor()
            self.ctx.status_message.emit("")

        def read(pair: merge_facts.Pair) -> None:
            ended()
            dialog = MergeDialog(
                self.ctx, self.commands, entity, pair.survivor_id, pair.other_id, window, pair=pair
            )
            dialog.exec()

        def failed(exc: BaseException) -> None:
            ended()
            if isinstance(exc, Unreachable):
                self.commands.not_opened()
            else:
                self.commands.error(exc)

        self.ctx.tasks.run(work, on_done=read, on_error=failed, owner=window, again=False)

    def fill_selection(self, menu: QMenu, entity: str, ids: Callable[[], list[int]]) -> None:
        """Edit → Selection: the bulk actions of the current list, enabled when rows are selected."""
        menu.clear()
        if not entity:
            menu.addAction(tr("Select records in a list first")).setEnabled(False)
            return
        chosen = ids()
        for a in self.fill(menu, entity, ids):
            a.setEnabled(len(chosen) == 2 if a.objectName() == "bulk_merge" else bool(chosen))

    def context_menu(
        self, parent: QWidget, entity: str, ids: Callable[[], list[int]], actions: list[QAction]
    ) -> QMenu | None:
        """A list's context menu: the record actions, then the bulk actions on the selection."""
        chosen = ids()
        if not chosen:
            return None
        menu = QMenu(parent)
        menu.setObjectName("context_menu")
        menu.addActions(actions)
        menu.addSeparator()
        menu.addAction(tr("%1 selected").replace("%1", self.ctx.fmt_number(len(chosen)))).setEnabled(False)
        for a in self.fill(menu, entity, ids):
            if a.objectName() == "bulk_merge":
                a.setEnabled(len(chosen) == 2 and a.isEnabled())
        return menu

    def _setter(self, entity: str, ids: Callable[[], list[int]], field: str, kind: str) -> Callable[[], None]:
        return lambda: self.set_field(entity, ids(), field, kind)

    # --- the operations ------------------------------------------------------------------------

    def _count(self, entity: str, n: int) -> str:
        return f"{self.ctx.fmt_number(n)} {labels.entity_name(entity, plural=n != 1).lower()}"

    def _ask(self, entity: str, ids: list[int], kind: str, title: str, prompt: str) -> tuple[bool, Any]:
        if not ids:
            return False, None
        dialog = ValueDialog(
            self.ctx, kind, f"{title} — {self._count(entity, len(ids))}", prompt, self.window
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False, None
        return True, dialog.value()

    def add_tags(self, entity: str, ids: list[int], tags: list[str] | None = None) -> None:
        if tags is None:
            ok, tags = self._ask(entity, ids, "tags", tr("Add tags"), tr("Tags"))
            if not ok:
                return
        actor, chosen = self.ctx.actor(), list(tags or [])
        message = (
            tr("Tagged %1 with %2")
            .replace("%1", self._count(entity, len(ids)))
            .replace("%2", ", ".join(chosen))
        )
        self._run(entity, ids, lambda s: bulk_edit.add_tags(s, entity, ids, chosen, actor=actor), message)

    def remove_tags(self, entity: str, ids: list[int], tags: list[str] | None = None) -> None:
        if tags is None:
            ok, tags = self._ask(entity, ids, "tags", tr("Remove tags"), tr("Tags"))
            if not ok:
                return
        actor, chosen = self.ctx.actor(), list(tags or [])
        message = (
            tr("Removed %2 from %1")
            .replace("%1", self._count(entity, len(ids)))
            .replace("%2", ", ".join(chosen))
        )
        self._run(entity, ids, lambda s: bulk_edit.remove_tags(s, entity, ids, chosen, actor=actor), message)

    def set_field(self, entity: str, ids: list[int], field: str, kind: str, value: Any = ...) -> None:
        if value is ...:
            title = tr("Set %1").replace("%1", _field_name(field))
            ok, value = self._ask(entity, ids, kind, title, labels.field_label(field))
            if not ok:
                return
        actor = self.ctx.actor()
        message = (
            tr("Set %1 on %2").replace("%1", _field_name(field)).replace("%2", self._count(entity, len(ids)))
        )
        self._run(
            entity, ids, lambda s: bulk_edit.set_field(s, entity, ids, field, value, actor=actor), message
        )

    def delete(self, entity: str, ids: list[int], confirm: bool = True) -> None:
        if not ids:
            return
        if confirm and entity == "organisation":
            self._delete_organisations(ids)
            return
        if confirm and len(ids) > 1:
            answer = QMessageBox.question(
                self.window,
                tr("Delete"),
                tr("Delete %1? You can undo it from Edit → Undo.").replace(
                    "%1", self._count(entity, len(ids))
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.commands.delete(entity, ids)

    def _delete_organisations(self, ids: list[int]) -> None:
        """Del on organisations: what still names them is counted off the UI thread, then one
        question says it, Cancel the default (reviewer h149: one Del put Genetica in the trash
        with 5 people, a meeting and 3 actions on it, and nothing was asked). One organisation
        nothing names goes at once, as a contact or an action does (the status bar's Undo)."""
        if self._counting:  # (Del pressed again while the first one's count is read)
            return
        self._counting = True
        engine = self.ctx.engine

        def work(_task: Task) -> StillNamed:
            with read_session(engine) as s:
                return still_named(s, ids)

        def counted(named: StillNamed) -> None:
            self._counting = False
            if (named.any or len(named.names) > 1) and not self.confirm_delete_organisations(named):
                return
            if named.names:
                self.commands.delete("organisation", sorted(named.names))

        def failed(exc: BaseException) -> None:
            self._counting = False
            self.commands.error(exc)

        self.ctx.tasks.run(work, on_done=counted, on_error=failed, owner=self.window, again=False)

    def delete_question(self, named: StillNamed) -> str:
        """'Delete the organisation “Genetica”? Still naming it: 5 contacts, 1 meeting and 3
        actions. …' (several: their number)."""
        one = len(named.names) == 1
        head = (
            tr("Delete the organisation “%1”?").replace("%1", next(iter(named.names.values())))
            if one
            else tr("Delete %1?").replace("%1", self._count("organisation", len(named.names)))
        )
        parts = [
            QCoreApplication.translate("Bulk", "%Ln department(s)", "", n)
            if kind == "department"
            else self._count(kind, n)
            for kind in KINDS
            if (n := named.counts.get(kind, 0))
        ]
        if not parts:
            return head + " " + tr("You can undo it from Edit → Undo.")
        listed = (
            parts[0]
            if len(parts) == 1
            else tr("%1 and %2").replace("%1", ", ".join(parts[:-1])).replace("%2", parts[-1])
        )
        still = (tr("Still naming it: %1.") if one else tr("Still naming them: %1.")).replace("%1", listed)
        keep = (
            tr(
                "They keep it, marked “in the trash”, until it is restored (View → Trash) "
                "or the delete is undone (Ctrl+Z)."
            )
            if one
            else tr(
                "They keep them, marked “in the trash”, until they are restored (View → Trash) "
                "or the delete is undone (Ctrl+Z)."
            )
        )
        return f"{head}\n\n{still} {keep}"

    def confirm_delete_organisations(self, named: StillNamed) -> bool:
        ask = QMessageBox(self.window)
        ask.setIcon(QMessageBox.Icon.Question)
        ask.setWindowTitle(tr("Delete"))
        ask.setText(self.delete_question(named))
        delete = ask.addButton(tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        ask.setDefaultButton(ask.addButton(QMessageBox.StandardButton.Cancel))
        ask.exec()
        return ask.clickedButton() is delete

    def _run(self, entity: str, ids: list[int], fn: Callable[[Session], str], message: str) -> None:
        self.commands.run_grouped(entity, fn, message, ids)
