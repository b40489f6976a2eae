"""Posts… on an organisation's page: its posts in order of precedence with today's holder; a
post renamed or re-ranked in place (double-click, F2) or through Edit…, its notes written in
the box under the list (saved on leaving the box, choosing another post or closing), a post
added without a holder yet, a post added by mistake removed. Each change is one write through
:mod:`app.posts` (``edit_post``, ``add_post``, ``remove_post``) and one step of Edit → Undo;
the page follows through the window's change propagation (``ctx.write`` publishes it).

Every edit names the values it started from (``edit_post(expected=…)``): a colleague's change
made since is refused in words, never overwritten silently. The list is read on a pool thread
(``ctx.tasks.run(owner=self)``), at opening, after each change made here, and when a change
elsewhere can touch it (:meth:`PostsDialog.affects`: this organisation, or a contact who holds
or held one of its posts, or a contact added, removed or given a post anywhere).

A post with any holder recorded, past or present, cannot be removed (its holders' role
history is the record): Remove is disabled and the dialog says why. End holding… ends today's
holder's term on the day chosen (:mod:`ui.post_holding`; the day it began at the earliest).
Refusals are said in the window's language (each of :mod:`app.posts` carries its Vietnamese); a
post changed meanwhile names who changed it and when (:func:`app.posts.last_save`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import posts, records
from app.changes import Changes
from db.engine import Session, read_session
from ui.alt_letters import give_button_letters
from ui.context import AppContext, Unreachable
from ui.fit import ElidedLabel
from ui.focus import select_on_focus, select_row
from ui.icons import BUILT_IN, icon
from ui.post_holding import EndHoldingForm
from ui.post_words import message, notes_changed, why_not_removed
from ui.rows import RowsModel
from ui.team import hold_read_only, is_reader

Index = QModelIndex | QPersistentModelIndex
COL_TITLE, COL_EN, COL_RANK, COL_HOLDER = range(4)
FIELDS = {COL_TITLE: "title", COL_EN: "title_en", COL_RANK: "rank"}
MAX_TITLE = 300


# The page's Posts… button: a ranked list (1, then two more), distinct from Edit's pencil when
# the page's toolbar shows icons alone. Drawn in the stroke style of resources/icons.
BUILT_IN.setdefault(
    "posts",
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
    'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
    '<path d="M4 4l1.5-1v5"/><path d="M10 5.5h11"/><circle cx="5" cy="12.5" r="1.2"/><path d="M10 12.5h9"/>'
    '<circle cx="5" cy="19" r="1.2"/><path d="M10 19h7"/></svg>',
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Posts", text)


def _quoted(text: str, title: str) -> str:
    return text.replace("%1", title)


class PostsModel(RowsModel[posts.PostRow]):
    """The organisation's posts handed in by the dialog; names and precedence editable. An edit
    shows at once and is announced by :attr:`edited` (post id, field, value, value before):
    the dialog writes it, the model never touches the database."""

    edited = Signal(int, str, object, object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = True

    def titles(self) -> tuple[str, ...]:
        return (tr("Post"), tr("In English"), tr("Precedence"), tr("Holder today"))

    def cell(self, row: posts.PostRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_HOLDER:
                return row.holder.name if row.holder else tr("vacant")
            return (row.title, row.title_en, row.rank)[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_HOLDER and row.holder is None:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_RANK:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_HOLDER:
                return self._holders_tip(row)
            if col == COL_RANK:
                return tr("Precedence: 1 comes first in meeting briefs")
            if self.editable:
                return tr("Double-click or press F2 to change it")
        return None

    def _holders_tip(self, row: posts.PostRow) -> str:
        if not row.holdings:
            return tr("No holder recorded")
        lines = []
        for h in row.holdings:
            start = self.ctx.fmt_date(h.starts_on) if h.starts_on else "…"
            end = self.ctx.fmt_date(h.ends_on) if h.ends_on else tr("now")
            lines.append(f"{h.name}: {start} – {end}")
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.editable and index.isValid() and index.column() in FIELDS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in FIELDS:
            return False
        row = self.rows[index.row()]
        field = FIELDS[index.column()]
        value = int(value) if field == "rank" else " ".join(str(value).split())
        if value == getattr(row, field):
            return False
        self.rows[index.row()] = dataclasses.replace(row, **{field: value})
        self.dataChanged.emit(index, index)
        self.edited.emit(row.id, field, value, getattr(row, field))
        return True


class PostDelegate(QStyledItemDelegate):
    """A spin box 1…10,000 for precedence; a line of at most 300 characters for a name."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == COL_RANK:
            spin = QSpinBox(parent)
            spin.setFrame(False)
            spin.setRange(1, posts.MAX_RANK)
            return spin
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_TITLE)
        return editor


class NotesEdit(QPlainTextEdit):
    """Several lines of notes; :attr:`left` when the focus goes elsewhere (not to its own
    context menu), which is when the dialog saves them; Esc asks (:attr:`escaped`) to put the
    notes as stored back, and closes the dialog only when nothing was typed."""

    left = Signal()
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed: Callable[[], bool] = lambda: False  # the dialog says whether the box is ahead

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers() and self.typed():
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.left.emit()


class PostForm(QDialog):
    """Edit… or Add post…: the post's name, its name in English, its precedence and notes."""

    def __init__(self, row: posts.PostRow | None, rank: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("post_form")
        self.setWindowTitle(tr("Edit post") if row else tr("Add post"))
        self.title = QLineEdit(row.title if row else "", self)
        self.title.setObjectName("post_title")
        self.title.setMaxLength(MAX_TITLE)
        self.title.setPlaceholderText(tr("e.g. Phó Giám đốc"))
        self.title_en = QLineEdit(row.title_en if row else "", self)
        self.title_en.setObjectName("post_title_en")
        self.title_en.setMaxLength(MAX_TITLE)
        self.title_en.setPlaceholderText(tr("e.g. Deputy Director"))
        self.rank = QSpinBox(self)
        self.rank.setObjectName("post_rank")
        self.rank.setRange(1, posts.MAX_RANK)
        self.rank.setValue(row.rank if row else rank)
        self.rank.setToolTip(tr("Precedence: 1 comes first in meeting briefs"))
        self.notes = QPlainTextEdit(row.notes if row else "", self)
        self.notes.setObjectName("post_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(tr("e.g. who acts for the holder when absent, the office's phone"))
        self.error = QLabel(self)
        self.error.setObjectName("post_form_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B42318")
        self.error.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Post"), self.title)
        form.addRow(tr("In English"), self.title_en)
        form.addRow(tr("Precedence"), self.rank)
        form.addRow(tr("Notes"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.resize(480, 320)

    def values(self) -> dict[str, Any]:
        return {
            "title": " ".join(self.title.text().split()),
            "title_en": " ".join(self.title_en.text().split()),
            "rank": self.rank.value(),
            "notes": self.notes.toPlainText().strip(),
        }

    def _check(self) -> None:
        if not self.values()["title"]:
            self.error.setText(tr("Name the post (e.g. Phó Giám đốc)."))
            self.error.show()
            self.title.setFocus()
            return
        self.accept()


class PostsDialog(QDialog):
    """The organisation's posts: rename or re-rank one in place or through Edit…, write its
    notes in the box under the list, add one, or remove one added by mistake; every change is
    one step of Edit → Undo (Ctrl+Z here too)."""

    def __init__(self, ctx: AppContext, organisation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.organisation_id = ctx, organisation_id
        self.setObjectName("posts_dialog")
        self.org_name = ""
        self.setWindowTitle(tr("Posts"))
        self.groups: list[str] = []  # the writes made here, newest last (Undo takes them back)
        self.pending = 0  # writes of this dialog running
        self.notes_pending = 0  # of them, notes saved on leaving the box (the buttons stay on)
        self.loads = 0  # lists shown so far (tests wait on it)
        self.holders: frozenset[int] = frozenset()  # contacts holding or having held a post here
        self._generation = 0  # only the latest read is shown
        self._away = False  # the last read could not reach the server (said in self.error)
        self._applying = False
        self._stale = False  # a list read while a cell was being edited, not shown
        self._closing: int | None = None  # closed with notes unsaved: the result, once saved
        self.model = PostsModel(ctx, self)
        self.model.edited.connect(self._edited)
        self.table = QTableView(self)
        self.table.setObjectName("posts_table")
        self.table.setModel(self.model)
        delegate = PostDelegate(self.table)
        delegate.closeEditor.connect(self._editor_closed)
        self.table.setItemDelegate(delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_RANK, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._double_clicked)
        self.empty = QLabel(tr("No posts yet. Add one here, or with Assign holder…"), self)
        self.empty.setObjectName("posts_empty")
        self.empty.setEnabled(False)
        self.empty.hide()  # until the list is read
        self.notes_label = ElidedLabel(tr("Notes on the chosen post"), self)  # a long name is cut
        self.notes_label.setObjectName("posts_notes_label")
        self.notes = NotesEdit(self)
        self.notes.setObjectName("posts_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 14)
        self.notes.left.connect(self.save_notes)
        self.notes.escaped.connect(self.revert_notes)
        self.notes.typed = self.notes_dirty
        self.notes_label.setBuddy(self.notes)
        self.notes_for: int | None = None  # the post whose notes the box shows
        self.notes_base = ""  # its notes as stored when the box began showing them
        self.add_button = QPushButton(icon("new"), tr("Add post…"), self)
        self.add_button.setObjectName("posts_add")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(icon("edit"), tr("Edit…"), self)
        self.edit_button.setObjectName("posts_edit")
        self.edit_button.clicked.connect(self.edit)
        self.end_button = QPushButton(icon("contact"), tr("End holding…"), self)
        self.end_button.setObjectName("posts_end")
        self.end_button.clicked.connect(self.end_holding)
        self.remove_button = QPushButton(icon("delete"), tr("Remove"), self)
        self.remove_button.setObjectName("posts_remove")
        self.remove_button.clicked.connect(self.remove)
        self.undo_button = QPushButton(icon("undo"), tr("Undo"), self)
        self.undo_button.setObjectName("posts_undo")
        self.undo_button.clicked.connect(self.undo)
        self.undo_action: QAction | None = getattr(parent, "act_undo", None)
        self.undo_button.setVisible(self.undo_action is not None)
        if self.undo_action is not None:
            QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo)
        hold_read_only(ctx, self.add_button, self.edit_button, self.end_button, self.remove_button)
        for button in (
            self.add_button,
            self.edit_button,
            self.end_button,
            self.remove_button,
            self.undo_button,
        ):
            button.setAutoDefault(False)  # Return in the list adds nothing
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.undo_button)
        self.reason = QLabel(self)  # why the chosen post cannot be removed
        self.reason.setObjectName("posts_reason")
        self.reason.setWordWrap(True)
        self.reason.setEnabled(False)
        self.error = QLabel(self)
        self.error.setObjectName("posts_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B42318")
        self.error.hide()
        hint = QLabel(
            tr(
                "In order of precedence (1 comes first in meeting briefs). Double-click a name or a "
                "precedence to change it; each change is undone with Edit → Undo (Ctrl+Z)."
            ),
            self,
        )
        hint.setObjectName("posts_hint")
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        lay.addWidget(self.notes_label)
        lay.addWidget(self.notes)
        lay.addLayout(row)
        lay.addWidget(self.reason)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        select_on_focus(self.table)  # tabbed into: a post selected
        ctx.changes.connect(self._changes)
        ctx.undo_changed.connect(self._update_undo)
        ctx.identity_changed.connect(self._follow_role)  # after the buttons' holds: they follow first
        self._follow_role()
        self.listening = True
        self.resize(720, 520)
        self.reload()
        self._update_buttons()
        self._update_undo()
        give_button_letters(self)  # (an Alt letter on each of its buttons: ui.alt_letters)

    @property
    def read_only(self) -> bool:
        """The signed-in role only reads (or the file was opened read-only): now, not at opening."""
        return is_reader(self.ctx)

    def _follow_role(self, *_: Any) -> None:
        """Names, precedence and notes editable or not as the role is now (an administrator
        may change it while the dialog is open; the buttons follow through their holds)."""
        writer = not self.read_only
        self.model.editable = writer
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            if writer
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.notes.setReadOnly(not writer)
        self.notes.setPlaceholderText(
            tr("Notes on this post; saved when you leave the box, Esc puts the saved ones back")
            if writer
            else ""
        )
        self.notes.setToolTip(
            tr("Saved when you leave the box; undone with Edit → Undo (Ctrl+Z)") if writer else ""
        )
        self._update_buttons()

    # --- reading --------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the posts again on a pool thread, keeping the chosen one (or choosing
        ``select``); a newer read makes an older one's answer void."""
        self._generation += 1
        generation = self._generation
        engine, org, today = self.ctx.engine, self.organisation_id, self.ctx.today()

        def work(_task: Any) -> tuple[str, list[posts.PostRow]]:
            with read_session(engine) as s:
                return records.label(s, "organisation", org), posts.posts_of(s, org, today)

        def done(result: tuple[str, list[posts.PostRow]]) -> None:
            if generation != self._generation:
                return
            if self.table.state() == QAbstractItemView.State.EditingState:
                self._stale = True  # a name being typed in place stays; read again after it
                return
            self._show(*result, select=select)

        self.ctx.tasks.run(work, on_done=done, on_error=self._read_failed, owner=self)

    def _read_failed(self, exc: BaseException) -> None:
        self._away = isinstance(exc, Unreachable)  # (said until a read gets through)
        self.error.setText(message(self.ctx, exc))
        self.error.show()

    def _show(self, org_name: str, rows: list[posts.PostRow], *, select: int | None) -> None:
        if self._away:  # the server is back (ui.tasks.TaskManager.read_again)
            self._away = False
            self.error.hide()
        keep = select if select is not None else self.current_id()
        self.org_name = org_name
        self.setWindowTitle(tr("Posts — %1").replace("%1", org_name))
        self.holders = frozenset(h.contact_id for r in rows for h in r.holdings)
        self._applying = True  # the selection is reset: nothing of the box is saved meanwhile
        try:
            self.model.set_rows(rows)
            ids = [r.id for r in rows]
            if rows:
                select_row(self.table, ids.index(keep) if keep in ids else 0)
        finally:
            self._applying = False
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.table.resizeColumnToContents(COL_HOLDER)
        self.table.resizeColumnToContents(COL_EN)
        self._show_notes(self.current_row())
        self._update_buttons()
        self.loads += 1

    def _editor_closed(self, *_: Any) -> None:
        """A cell's editor closed: the list read meanwhile is read again (a write of ours
        that the edit started reads it when it ends)."""
        if self._stale:
            self._stale = False
            if not self.pending:
                self.reload()

    def affects(self, changes: Changes) -> bool:
        """Whether a change made anywhere can change this list: the organisation itself (its
        posts are written to its history), a contact who holds or held one of its posts (a
        name, the trash), or a contact added, removed or given a post anywhere (it may be a
        new holder of one of these: an assignment is written to the contact's history)."""
        if changes.everything:
            return True
        if self.organisation_id in changes.ids.get("organisation", frozenset()):
            return True
        if "contact" in changes.membership:
            return True
        return not self.holders.isdisjoint(changes.ids.get("contact", frozenset()))

    def _changes(self, changes: Changes) -> None:
        if self.pending:  # a write of ours is running: it reads the list again when it ends
            return
        if self.affects(changes):
            self.reload()

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row else None

    def current_row(self) -> posts.PostRow | None:
        picked = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not picked:
            return None
        return self.model.rows[picked[0].row()]

    def _selected(self, *_: Any) -> None:
        if self._applying:
            return
        row = self.current_row()
        if self.notes_for is not None and (row is None or row.id != self.notes_for):
            self.save_notes()  # the notes typed for the post chosen before
        self._show_notes(row)
        self._update_buttons()

    def _update_buttons(self, *_: Any) -> None:
        row = self.current_row()
        self.notes.setEnabled(row is not None)
        self.notes_label.setText(
            tr("Notes on “%1”").replace("%1", row.title) if row else tr("Notes on the chosen post")
        )
        if self.read_only:
            return
        why = why_not_removed(row) if row else ""
        busy = self.pending > self.notes_pending  # (a click that took the focus from the box counts)
        self.edit_button.setEnabled(row is not None and not busy)
        self.end_button.setEnabled(row is not None and row.holder is not None and not busy)
        self.end_button.setToolTip(
            tr("%1 leaves the post: their last day in it").replace("%1", row.holder.name)
            if row is not None and row.holder is not None
            else tr("The chosen post has no holder today")
        )
        self.remove_button.setEnabled(row is not None and not why and not busy)
        self.remove_button.setToolTip(why or tr("Remove a post added by mistake (Edit → Undo puts it back)"))
        self.reason.setText(why)
        self.reason.setVisible(bool(why))

    def _update_undo(self, *_: Any) -> None:
        offer = self.ctx.undo_offer
        mine = offer is not None and offer[1] in self.groups
        self.undo_button.setEnabled(mine)
        self.undo_button.setToolTip(
            tr("Undo: %1").replace("%1", offer[0]) if mine and offer else tr("Nothing changed here to undo")
        )

    # --- notes ----------------------------------------------------------------------------------

    def notes_dirty(self) -> bool:
        """The box holds text not saved yet (typed, or kept after a refused save)."""
        return self.notes_for is not None and self.notes.toPlainText() != self.notes_base

    def _show_notes(self, row: posts.PostRow | None) -> None:
        """The chosen post's notes in the box; what was typed for it and not saved yet stays."""
        if row is not None and row.id == self.notes_for and self.notes_dirty():
            return
        self.notes_for = row.id if row else None
        self.notes_base = row.notes if row else ""
        if self.notes.toPlainText() != self.notes_base:
            self.notes.setPlainText(self.notes_base)

    def revert_notes(self) -> None:
        """Esc in the box: what was typed goes, the notes as stored come back (nothing written).
        As one edit of the box: Ctrl+Z in it brings the typed text back (reviewer h95: Esc,
        pressed to leave the box, threw away what was typed with no way back)."""
        cursor = self.notes.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(self.notes_base)
        cursor.endEditBlock()
        self.error.hide()

    def save_notes(self) -> None:
        """Write the notes typed in the box (on leaving it, choosing another post, closing):
        one step of Edit → Undo, refused if a colleague changed them since they were shown."""
        if not self.notes_dirty() or self.read_only or self.notes.isReadOnly() or self.notes_for is None:
            return
        post_id, text, base = self.notes_for, self.notes.toPlainText(), self.notes_base
        self.notes_base = text  # asked for: the box is no longer ahead of the database

        def ended(exc: BaseException | None) -> str | None:
            self.notes_pending -= 1
            if exc is None or self.notes_for != post_id:
                return None
            # what was typed stays in the box, unsaved: the next leaving saves it over theirs
            got = exc.current.get("notes") if isinstance(exc, posts.PostChanged) else None
            if not isinstance(exc, posts.PostChanged) or got is None:
                self.notes_base = base
                return None
            self.notes_base = str(got)
            theirs = " ".join(str(got).split()) or tr("(none)")
            if len(theirs) > 160:
                theirs = theirs[:159] + "…"
            return notes_changed(self.ctx, exc, theirs)

        self.notes_pending += 1
        self._save(post_id, {"notes": text}, {"notes": base}, on_end=ended, keep_choice=True)

    # --- writing --------------------------------------------------------------------------------

    def _write(
        self,
        work: Any,
        label: str,
        select: int | None = None,
        on_end: Any = None,
    ) -> None:
        """One write, one step of Edit → Undo, then the list read again (the page follows)."""
        group = records.new_group_id()
        self.error.hide()
        self.pending += 1
        self._update_buttons()

        def done(result: Any) -> None:
            self.pending -= 1
            if on_end is not None:
                on_end(None)
            if result is not False:  # nothing changed: nothing written, nothing to undo
                self.groups.append(group)
                self.ctx.push_undo(label, group)
            added = result if type(result) is int else None  # (a bool is an int too)
            self.reload(select if select is not None else added)
            self._update_undo()
            if self._closing is not None and not self.pending:
                self._finish(self._closing)

        def failed(exc: BaseException) -> None:
            self.pending -= 1
            self._closing = None  # the dialog stays open with the reason
            said = on_end(exc) if on_end is not None else None
            self.reload()
            self.error.setText(said or message(self.ctx, exc))
            self.error.show()

        self.ctx.write(lambda s: work(s, group), entity="organisation", on_done=done, on_error=failed)

    def _edited(self, post_id: int, field: str, value: Any, before: Any) -> None:
        if field == "title" and not value:
            self.reload()
            self.error.setText(tr("Name the post (e.g. Phó Giám đốc)."))
            self.error.show()
            return
        self._save(post_id, {field: value}, {field: before})

    def _save(
        self,
        post_id: int,
        values: dict[str, Any],
        expected: dict[str, Any],
        on_end: Any = None,
        keep_choice: bool = False,
    ) -> None:
        """Write ``values`` edited from ``expected``; the edited post is chosen afterwards
        (``keep_choice``: the post chosen then stays, as when notes are saved on choosing
        another)."""
        title = next((r.title for r in self.model.rows if r.id == post_id), "")
        actor = self.ctx.actor()

        def work(s: Session, group: str) -> bool:
            changed = posts.edit_post(s, post_id, actor=actor, group_id=group, expected=expected, **values)
            return bool(changed)

        label = _quoted(tr("Edited the post “%1”"), values.get("title", title))
        self._write(work, label, None if keep_choice else post_id, on_end)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_HOLDER and self.edit_button.isEnabled():
            self.edit()

    def edit(self) -> None:
        row = self.current_row()
        if row is None or self.read_only:
            return
        mine = self.notes_for == row.id  # the box's notes are the freshest (maybe being saved)
        shown = dataclasses.replace(row, notes=self.notes.toPlainText()) if mine else row
        base = dataclasses.replace(row, notes=self.notes_base) if mine else row
        form = PostForm(shown, row.rank, self)
        changed: dict[str, Any] = {}
        if form.exec():
            changed = {k: v for k, v in form.values().items() if getattr(shown, k) != v}
        form.deleteLater()
        if "notes" in changed and mine:  # the box shows what the form saves
            self.notes.setPlainText(changed["notes"])
            self.notes_base = changed["notes"]
        if changed:  # nothing changed: nothing written, nothing to undo
            self._save(row.id, changed, {k: getattr(base, k) for k in changed})

    def add(self) -> None:
        if self.read_only:
            return
        rank = max((r.rank for r in self.model.rows), default=0) + 1
        form = PostForm(None, min(rank, posts.MAX_RANK), self)
        if form.exec():
            values = form.values()
            org, actor = self.organisation_id, self.ctx.actor()

            def work(s: Session, group: str) -> int:
                return posts.add_post(s, org, values["title"], rank=values["rank"], title_en=values["title_en"],
                                      notes=values["notes"], actor=actor, group_id=group)  # fmt: skip

            self._write(work, _quoted(tr("Added the post “%1”"), values["title"]))
        form.deleteLater()

    def end_holding(self) -> None:
        """End holding…: today's holder of the chosen post leaves it on the day chosen (the
        day it began at the earliest); refused in words if it was ended meanwhile."""
        row = self.current_row()
        if row is None or row.holder is None or self.read_only:
            return
        holding, actor = row.holder, self.ctx.actor()
        form = EndHoldingForm(self.ctx, holding, self)
        if form.exec():
            day = form.last_day()

            def work(s: Session, group: str) -> None:
                posts.end(s, holding.holder_id, on=day, actor=actor, group_id=group, still_open=True)

            label = tr("%1 left the post “%2”").replace("%2", row.title).replace("%1", holding.name)
            self._write(work, label, row.id)
        form.deleteLater()

    def remove(self) -> None:
        row = self.current_row()
        if row is None or self.read_only:
            return
        why = why_not_removed(row)
        if why:  # the button is disabled then; a stale click still says why
            self.error.setText(why)
            self.error.show()
            return
        post_id, actor = row.id, self.ctx.actor()

        def work(s: Session, group: str) -> None:
            posts.remove_post(s, post_id, actor=actor, group_id=group)

        self._write(work, _quoted(tr("Removed the post “%1”"), row.title))

    def done(self, result: int) -> None:
        """Closing saves the notes typed in the box first; the dialog closes when they are
        written, and stays open with the reason if they are refused."""
        if self._closing is not None:
            return  # closing already: waiting for the notes to be written
        self.save_notes()
        if self.pending:
            self._closing = result
            return
        self._finish(result)

    def _finish(self, result: int) -> None:
        self._closing = None
        if self.listening:  # closed: the window's changes are no longer this dialog's
            self.listening = False
            self.ctx.changes.disconnect(self._changes)
            self.ctx.undo_changed.disconnect(self._update_undo)
            self.ctx.identity_changed.disconnect(self._follow_role)
        super().done(result)

    def undo(self) -> None:
        """Edit → Undo from here: the latest change made in this dialog is taken back."""
        if self.undo_action is not None and self.undo_button.isEnabled():
            self.undo_action.trigger()
