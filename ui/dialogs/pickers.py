"""Keyboard-first pickers for the log-meeting dialog: people and organisations by type-ahead.

Type a few letters without accents ("nhung", "nguyen", "dang"); the suggestions float under
the field, over the dialog, as a completer's do: shown or hidden, they move nothing in the
dialog (reviewer: the layout jumped while they showed). Up/Down choose, Enter adds. The last
suggestion creates a new record inline with the typed name (created in the same transaction as
the meeting). Down from the empty field goes to the chosen list, Up from its
first row or Esc back; there an attendee's row is changed from the keyboard too (reviewer: a
keyboard user could not change a role or a new person's organisation): F2, Enter or Space goes to
its Role box, Tab on to the organisation a new person joins, Enter or Esc back to the list; Tab
from the list goes on to the next field, as from the field. Delete removes the selected entry from
the chosen list. Each attendee is listed
with the organisation saving links to the meeting with them:
nothing is linked that the dialog did not show (the organisation on a second line, under the
name, so that neither is cut in the narrow list). That organisation is read on a pool thread
(a team database over Wi-Fi answers slowly): the name shows at once, the organisation under
it once known (:attr:`Picker.linked_known`); an answer for an attendee removed or asked again
since is dropped.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import records
from app.meetings import Chosen, organisation_of_attendees
from db.engine import read_session
from db.models import ATTENDEE_ROLES
from ui import labels
from ui.context import AppContext
from ui.fit import ElidedComboBox
from ui.icons import icon
from ui.widgets import finder, without_hint

NEW = -1
NONE = -2  # "no one matches": nothing to add (our staff are never created here)


class Picker(QWidget):
    changed = Signal()
    linked_known = Signal()  # an attendee's organisation was read (see :attr:`linked`)

    def __init__(self, ctx: AppContext, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        # the meeting's organisations (ids): their people are suggested first; a tuple replaced,
        # never changed (read by a search on a pool thread)
        self._first: tuple[int, ...] = ()
        self._find = finder(ctx, entity, lambda: self._first)
        # New people's organisations: the meeting's organisations, the one a new person joins
        # by default, and the keys of the new people whose organisation the user picked (kept).
        self._meeting_orgs: list[Chosen] = []
        self._joining_default = ""
        self._picked: set[str] = set()
        self.input = QLineEdit(self)
        self.input.setObjectName(f"{entity}_input")
        self.input.setClearButtonEnabled(True)
        self.input.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        if entity == "contact":
            self.input.setPlaceholderText(self.tr("Add attendee: type a name, no accents needed"))
            self.input.setToolTip(
                self.tr(
                    "Down (nothing typed): the chosen people; there F2 changes a role, Delete removes a person"
                )
            )
        elif entity == "staff":
            self.input.setPlaceholderText(self.tr("Add one of our staff: type a name"))
            self.input.setToolTip(self.tr("Down (nothing typed): our staff chosen; there Delete removes one"))
        else:
            self.input.setPlaceholderText(self.tr("Add organisation: name or acronym"))
            self.input.setToolTip(
                self.tr("Down (nothing typed): the chosen organisations; there Delete removes one")
            )
        # Not in the layout: a child of the dialog, placed under the field and raised over what
        # is there (:meth:`_place`); the typing stays in the field (it never takes the focus).
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName(f"{entity}_suggestions")
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestions.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.suggestions.hide()
        self.suggestions.itemClicked.connect(self._add_item)
        self.chosen_view = QTreeWidget(self)
        self.chosen_view.setObjectName(f"{entity}_chosen")
        self.chosen_view.setRootIsDecorated(False)
        self.chosen_view.setWordWrap(True)  # a long organisation under the name wraps, not cut
        self.chosen_view.setHeaderHidden(True)
        self.chosen_view.setColumnCount(2 if entity == "contact" else 1)
        self.chosen_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if entity == "contact":  # the role as wide as it needs: the name and organisation get the rest
            self.chosen_view.header().setStretchLastSection(False)
            self.chosen_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.chosen_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.chosen_view.installEventFilter(self)
        self.items: list[Chosen] = []
        self.marked: set[str] = set()  # keys filled in by the dialog itself (ui.dialogs.prefilled)
        self._added = False  # a row was added since the list last had the keyboard
        # contact id -> (organisation id, name) saving links, or None for none; read off the
        # UI thread. ``_asked`` holds each contact's latest read: an older answer is dropped.
        self.linked: dict[int, tuple[int, str] | None] = {}
        self._asked: dict[int, int] = {}
        self._reads = itertools.count(1)
        self._batch: list[int] | None = None
        # the text typed last, the number of its search (an answer for another is dropped),
        # and whether its answer is still awaited
        self._typed = ""
        self._searched = 0
        self._pending = False
        self._typing_here = False  # typed in the field and not left since
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(self.PAUSE_MS)
        self.asynchronous = ctx.engine.dialect.name != "sqlite"
        self._pause.timeout.connect(self._ask)
        self.input.textEdited.connect(self._search)
        self.input.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.input)
        layout.addWidget(self.chosen_view)
        self._watched: QWidget | None = None  # the window the suggestions float in

    # --- suggestions -----------------------------------------------------------------------------

    PAUSE_MS = 150  # on a team database, between the keys typed and the search

    def _search(self, text: str) -> None:
        """The suggestions for the typed text. On a team database they are looked up on a pool
        thread after a pause in the typing (a server over a slow link must not freeze it), and
        only the answer for the latest text is shown (:meth:`_offer`); on the SQLite file here,
        at once (12 hits from an index: about 2 ms at a million contacts, bench_search.py), so
        that Enter always adds from what the text typed shows."""
        self._typed = text.strip()
        self._searched += 1  # an answer still on its way is for an older text now
        self._typing_here = True
        if not self._typed:
            self._pause.stop()
            self._pending = False
            self.suggestions.clear()
            self.suggestions.hide()
            return
        if not self.asynchronous:
            self._offer(self._typed, self._find(self._typed))
            return
        self._pending = True
        self._pause.start()

    def _ask(self) -> None:
        text, asked, find = self._typed, self._searched, self._find

        def done(hits: list[tuple[int, str]]) -> None:
            if asked == self._searched:
                self._pending = False
                self._offer(text, hits)

        def failed(_exc: BaseException) -> None:
            if asked == self._searched:  # no match read: "New …" is still offered
                self._pending = False
                self._offer(text, [])

        self.ctx.tasks.run(lambda _task: find(text), on_done=done, on_error=failed, owner=self)

    def settle(self) -> None:
        """The suggestions for the text typed now, looked up here if its answer is still on its
        way (Enter pressed right after typing adds from them, never from an older text's)."""
        if not self._pending:
            return
        self._pause.stop()
        self._searched += 1
        self._pending = False
        text = self._typed
        try:
            hits = self._find(text)
        except Exception:  # (a read that fails: "New …" is still offered, as in _ask)
            hits = []
        self._offer(text, hits)

    def _offer(self, text: str, hits: list[tuple[int, str]]) -> None:
        self.suggestions.clear()
        taken = {c.id for c in self.items}
        for record_id, label in hits:
            if record_id in taken:
                continue
            item = QListWidgetItem(icon(self._icon()), label)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.suggestions.addItem(item)
        if self.entity == "staff":  # our own people: chosen from the staff list, never created
            if not self.suggestions.count():
                chosen = [label for record_id, label in hits if record_id in taken]
                said = (
                    self.tr("%1 is already chosen").replace("%1", ", ".join(chosen))
                    if chosen
                    else self.tr("None of our staff is called “%1”").replace("%1", text)
                )
                item = QListWidgetItem(said)
                item.setData(Qt.ItemDataRole.UserRole, NONE)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.suggestions.addItem(item)
            self.suggestions.setCurrentRow(0)
            if self._typing_here:
                self._place()
            return
        new_text = (
            self.tr("New contact “%1”") if self.entity == "contact" else self.tr("New organisation “%1”")
        ).replace("%1", text)
        item = QListWidgetItem(icon("new"), new_text)
        item.setData(Qt.ItemDataRole.UserRole, NEW)
        self.suggestions.addItem(item)
        self.suggestions.setCurrentRow(0)
        if self._typing_here:  # (an answer after the focus left: shown when it comes back)
            self._place()

    SHOWN_ROWS = 7  # at most; more scroll

    def _place(self) -> None:
        """The suggestions under the field (above it, if the window has no room below), at least
        as wide as the field and wider for a long name, within the window; raised over it."""
        top = self.window()
        if self.suggestions.parent() is not top:
            self.suggestions.setParent(top)  # hidden until shown again below
        if self._watched is not top:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            top.installEventFilter(self)  # resized: placed again
            self._watched = top
        rows = min(self.suggestions.count(), self.SHOWN_ROWS)
        frame = 2 * self.suggestions.frameWidth()
        height = rows * max(self.suggestions.sizeHintForRow(0), 1) + frame
        at = self.input.mapTo(top, QPoint(0, self.input.height()))
        room = top.width() - at.x() - 8
        wanted = self.suggestions.sizeHintForColumn(0) + frame + 8
        if self.suggestions.count() > self.SHOWN_ROWS:
            wanted += self.suggestions.verticalScrollBar().sizeHint().width()
        width = max(self.input.width(), min(wanted, room))
        y = at.y()
        if y + height > top.height():
            y = max(0, self.input.mapTo(top, QPoint(0, 0)).y() - height)
        self.suggestions.setGeometry(at.x(), y, width, height)
        self.suggestions.raise_()
        self.suggestions.show()

    def _add_item(self, item: QListWidgetItem) -> None:
        record_id = int(item.data(Qt.ItemDataRole.UserRole))
        if record_id == NONE:
            return
        if record_id == NEW:
            self.add(Chosen(None, self.input.text().strip()))
        else:
            self.add(Chosen(record_id, without_hint(item.text()).split(" — ")[0]))
        self._pause.stop()
        self._searched += 1  # an answer still on its way for the text added is not shown
        self._pending = False
        self.input.clear()
        self.suggestions.clear()
        self.suggestions.hide()

    def replace(self, key: str, chosen: Chosen) -> None:
        """``chosen`` in the place of the entry ``key`` (an organisation by its successor, or
        back); one already chosen is not listed twice."""
        if any(c.key == key for c in self.items):
            self.set_values([chosen if c.key == key else c for c in self.items])

    def set_meeting_organisations(self, organisations: list[Chosen], default: str) -> None:
        """The organisations a new person can join: the meeting's (``Chosen.key``), or none; their
        people are suggested first as names are typed.

        A new person's row has, under the role, the organisation they join, and the second line
        says which. Until the user picks one there it is ``default``
        (:func:`app.meetings.joining_default`: the meeting's one new organisation, else its one
        besides our own office, else none); one picked is kept while the meeting has it
        (reviewer: a new person silently joined the first organisation listed, our own centre,
        and the row offered no choice)."""
        self._meeting_orgs, self._joining_default = list(organisations), default
        self._first = tuple(o.id for o in organisations if o.id is not None)
        keys = {o.key for o in organisations}
        for n, chosen in enumerate(self.items):
            if chosen.id is not None:
                continue
            if chosen.key not in self._picked or (chosen.organisation or "") not in keys | {""}:
                self._picked.discard(chosen.key)
                chosen.organisation = default
            row = self.chosen_view.topLevelItem(n)
            holder = self.chosen_view.itemWidget(row, 1) if row is not None else None
            box = holder.findChild(QComboBox, "new_attendee_organisation") if holder else None
            if row is not None and box is not None:
                self._fill_joining(box, chosen)
                self._show_joining(row, chosen)

    def joining(self) -> dict[str, str]:
        """Each new person's key → the key of the organisation they join (none: left out)."""
        return {c.key: c.organisation for c in self.items if c.id is None and c.organisation}

    def _joining_box(self, box: QVBoxLayout, row: QTreeWidgetItem, chosen: Chosen) -> None:
        if chosen.key not in self._picked:
            chosen.organisation = self._joining_default
        joins = ElidedComboBox(self.chosen_view)
        joins.setObjectName("new_attendee_organisation")
        joins.setMinimumContentsLength(10)
        joins.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        joins.set_tip(self.tr("The organisation %1 joins").replace("%1", chosen.label))
        joins.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # reached by Tab from the Role box
        joins.installEventFilter(self)
        self._fill_joining(joins, chosen)
        joins.currentIndexChanged.connect(
            lambda _i, c=chosen, cb=joins, r=row: self._joining_picked(c, cb, r)
        )
        box.addWidget(joins, 0, Qt.AlignmentFlag.AlignVCenter)
        self._show_joining(row, chosen)

    def _fill_joining(self, joins: QComboBox, chosen: Chosen) -> None:
        joins.blockSignals(True)
        joins.clear()
        for o in self._meeting_orgs:
            joins.addItem(o.label, o.key)
        joins.addItem(self.tr("No organisation"), "")
        joins.setCurrentIndex(max(0, joins.findData(chosen.organisation or "")))
        joins.blockSignals(False)

    def _joining_picked(self, chosen: Chosen, joins: QComboBox, row: QTreeWidgetItem) -> None:
        chosen.organisation = str(joins.currentData() or "")
        self._picked.add(chosen.key)
        self._show_joining(row, chosen)
        self.changed.emit()

    def _show_joining(self, row: QTreeWidgetItem, chosen: Chosen) -> None:
        """A new person's row: the name, and under it the organisation they will join."""
        label = next((o.label for o in self._meeting_orgs if o.key == chosen.organisation), "")
        text = self.tr("%1  (new)").replace("%1", chosen.label)
        row.setText(0, f"{text}\n{label or self.tr('No organisation')}")
        row.setToolTip(
            0,
            self.tr("%1 is created at %2: saving links %2 to the meeting too.")
            .replace("%1", chosen.label)
            .replace("%2", label)
            if label
            else self.tr("%1 is created without an organisation: choose one beside the role.").replace(
                "%1", chosen.label
            ),
        )
        row.setToolTip(0, f"{row.toolTip(0)}\n{self._keys_hint(chosen)}")

    def add(self, chosen: Chosen) -> None:
        if not chosen.label or any(c.key == chosen.key for c in self.items):
            return
        self.items.append(chosen)
        self._added = True  # Down from the field: this row
        row = QTreeWidgetItem()
        self.chosen_view.addTopLevelItem(row)
        self._show_row(row, chosen)
        if self.entity == "contact":
            combo = QComboBox(self.chosen_view)
            combo.setObjectName("attendee_role")
            for r in ATTENDEE_ROLES:
                combo.addItem(labels.role(r), r)
            combo.setCurrentIndex(max(0, combo.findData(chosen.role)))
            # Not a Tab stop (Tab from the field goes on to the next one, as every day): F2 on
            # the row reaches it (:meth:`edit_row`), and the keys there lead back (eventFilter).
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            combo.setToolTip(self.tr("%1's role at the meeting").replace("%1", chosen.label))
            combo.installEventFilter(self)
            combo.currentIndexChanged.connect(
                lambda _i, c=chosen, cb=combo: setattr(c, "role", cb.currentData())
            )
            holder = QWidget(self.chosen_view)  # the combo at its own height, centred in a taller row
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(combo, 0, Qt.AlignmentFlag.AlignVCenter)
            if chosen.id is None:  # a new person: the organisation they join, chosen here
                self._joining_box(box, row, chosen)
            self.chosen_view.setItemWidget(row, 1, holder)
            if chosen.id is not None and chosen.id not in self.linked:
                if self._batch is not None:
                    self._batch.append(chosen.id)
                else:
                    self._look_up([chosen.id])
        self.changed.emit()

    def _show_row(self, row: QTreeWidgetItem, chosen: Chosen) -> None:
        """The name, and under it the organisation saving links (once known)."""
        text = chosen.label if chosen.id is not None else self.tr("%1  (new)").replace("%1", chosen.label)
        if chosen.key in self.marked:  # filled in from the list, not typed
            text = self.tr("%1  (from the list)").replace("%1", text)
        linked = self._organisation(chosen)
        row.setText(0, f"{text}\n{linked}" if linked else text)  # the organisation under the name
        # saving links it to the meeting: said, not done unseen (reviewer)
        works = (
            self.tr("%1 works at %2: saving links %2 to the meeting too.")
            .replace("%1", chosen.label)
            .replace("%2", linked)
            if linked
            else ""
        )
        row.setToolTip(0, "\n".join(x for x in (works, self._keys_hint(chosen)) if x))
        row.setIcon(0, icon(self._icon() if chosen.id is not None else "new"))

    def _icon(self) -> str:
        return "contact" if self.entity == "staff" else self.entity

    def _keys_hint(self, chosen: Chosen) -> str:
        """What the keys do on this row (the tooltip's last line)."""
        if self.entity != "contact":
            return self.tr("Delete: remove")
        if chosen.id is None:
            return self.tr("F2 or Enter: change the role, then Tab: the organisation · Delete: remove")
        return self.tr("F2 or Enter: change the role · Delete: remove")

    def _organisation(self, chosen: Chosen) -> str:
        """The organisation saving the meeting links to it with this attendee (app.meetings:
        a person's organisation, unless deleted), by name; "" for none, for an organisation, or
        while it is being read."""
        if self.entity != "contact" or chosen.id is None:
            return ""
        found = self.linked.get(chosen.id)
        return found[1] if found else ""

    def _look_up(self, contact_ids: list[int]) -> None:
        """Read these attendees' organisations on a pool thread; show each answer that is still
        the latest asked for an attendee still chosen."""
        read = next(self._reads)
        for cid in contact_ids:
            self._asked[cid] = read
        engine = self.ctx.engine

        def work(_task: object) -> dict[int, tuple[int, str] | None]:
            with read_session(engine) as s:
                found = organisation_of_attendees(s, contact_ids)
                names = {oid: records.label(s, "organisation", oid) for oid in set(found.values())}
            return {cid: (found[cid], names[found[cid]]) if cid in found else None for cid in contact_ids}

        def done(result: dict[int, tuple[int, str] | None]) -> None:
            fresh = {cid: v for cid, v in result.items() if self._asked.get(cid) == read}
            if not fresh:
                return
            self.linked.update(fresh)
            for n, chosen in enumerate(self.items):
                row = self.chosen_view.topLevelItem(n)
                if chosen.id in fresh and row is not None:
                    self._show_row(row, chosen)
            self.linked_known.emit()

        self.ctx.tasks.run(work, on_done=done, on_error=lambda _e: None, owner=self)

    def mark(self, key: str) -> None:
        """Mark the entry ``key`` as filled in from the list ("(from the list)" on its row)."""
        self.marked.add(key)
        for n, chosen in enumerate(self.items):
            row = self.chosen_view.topLevelItem(n)
            if chosen.key == key and row is not None and chosen.id is not None:
                self._show_row(row, chosen)

    def remove(self, key: str) -> None:
        """Take the entry ``key`` out, if it is chosen."""
        for n, chosen in enumerate(self.items):
            if chosen.key == key:
                self._remove_row(n)
                return

    def remove_selected(self) -> None:
        item = self.chosen_view.currentItem()
        self._remove_row(self.chosen_view.indexOfTopLevelItem(item) if item is not None else -1)

    def _remove_row(self, row: int) -> None:
        if row >= 0:
            self.chosen_view.takeTopLevelItem(row)
            gone = self.items.pop(row)
            if gone.id is not None:  # chosen again later: read again (it may have changed)
                self.linked.pop(gone.id, None)
                self._asked.pop(gone.id, None)
            self.changed.emit()

    # --- the chosen list from the keyboard -----------------------------------------------------------

    def _row_boxes(self, row: int) -> list[QComboBox]:
        """The boxes on a row: its Role, then the organisation a new person joins."""
        item = self.chosen_view.topLevelItem(row) if row >= 0 else None
        holder = self.chosen_view.itemWidget(item, 1) if item is not None else None
        if holder is None:
            return []
        found = [holder.findChild(QComboBox, name) for name in ("attendee_role", "new_attendee_organisation")]
        return [b for b in found if b is not None]

    def _box_row(self, box: QObject) -> int:
        """The row whose boxes include ``box``, or -1."""
        for n in range(self.chosen_view.topLevelItemCount()):
            if box in self._row_boxes(n):
                return n
        return -1

    def focus_list(self) -> bool:
        """Keyboard focus to the chosen list, on the row just added (the last), else the one
        chosen before; False when the list is empty."""
        count = self.chosen_view.topLevelItemCount()
        last = self.chosen_view.topLevelItem(count - 1) if count else None
        if last is None:
            return False
        if self._added or self.chosen_view.currentItem() is None:
            self.chosen_view.setCurrentItem(last)
        self._added = False
        self.chosen_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def edit_row(self) -> bool:
        """Keyboard focus to the selected attendee's Role box (F2, Enter or Space on the list)."""
        item = self.chosen_view.currentItem()
        boxes = self._row_boxes(self.chosen_view.indexOfTopLevelItem(item) if item is not None else -1)
        if item is None or not boxes:
            return False
        self.chosen_view.scrollToItem(item)
        boxes[0].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _box_key(self, box: QComboBox, event: QKeyEvent) -> bool:
        """Keys on a row's box: Tab / Shift+Tab between the row's boxes (past the last or the
        first: back to the list), Enter or Esc back to the list."""
        key = event.key()
        row = self._box_row(box)
        boxes = self._row_boxes(row)
        if box not in boxes:
            return False
        back = key == Qt.Key.Key_Backtab or (
            key == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            n = boxes.index(box) + (-1 if back else 1)
            if 0 <= n < len(boxes):
                boxes[n].setFocus(
                    Qt.FocusReason.BacktabFocusReason if back else Qt.FocusReason.TabFocusReason
                )
            else:
                self.focus_list()
            return True
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.focus_list()  # Esc here is not the dialog's Cancel
            return True
        return False

    def _list_key(self, event: QKeyEvent) -> bool:
        """Keys on the chosen list (Up, Down and the rest as a list does)."""
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            if not self.chosen_view.topLevelItemCount():
                self.input.setFocus(Qt.FocusReason.OtherFocusReason)  # nothing left to stand on
            return True
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.entity == "contact":
                self.edit_row()
            return True  # never the dialog's "Enter: next field" from here
        if key == Qt.Key.Key_Escape or (
            key == Qt.Key.Key_Up and self.chosen_view.currentItem() is self.chosen_view.topLevelItem(0)
        ):
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        back = key == Qt.Key.Key_Backtab or (
            key == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # as from the field: on to the field after it (back: the field itself)
            self.input.setFocus(Qt.FocusReason.BacktabFocusReason)
            if not back:
                self.window().focusNextChild()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Resize and self.suggestions.isVisible():
            self._place()
            return False
        if watched is self.input and event.type() == QEvent.Type.FocusOut:
            self._typing_here = False
            self.suggestions.hide()  # elsewhere now (a click in the list leaves the focus here)
            return False
        if watched is self.input and event.type() == QEvent.Type.FocusIn:
            if self.input.text().strip() and self.suggestions.count():
                self._place()  # back to a field with text: what Enter would add is shown again
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.chosen_view:
            return self._list_key(event)
        if isinstance(watched, QComboBox):
            return self._box_key(watched, event)
        return watched is self.input and self._input_key(event)

    def _input_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        count = self.suggestions.count()
        if key == Qt.Key.Key_Down and not self.input.text().strip() and self.focus_list():
            return True  # nothing typed: Down goes to the chosen list
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and count:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.suggestions.setCurrentRow((self.suggestions.currentRow() + step) % count)
            return True
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.input.text().strip() and self._pending:
                self.settle()  # typed just now: add from this text's suggestions
                count = self.suggestions.count()
            if self.input.text().strip() and count:
                self._add_item(self.suggestions.currentItem() or self.suggestions.item(0))
                return True
            return False
        if key == Qt.Key.Key_Escape and self.suggestions.isVisible():
            self.suggestions.hide()
            return True
        if key == Qt.Key.Key_Backspace and not self.input.text() and self.items:
            last = self.chosen_view.topLevelItem(len(self.items) - 1)
            if last is not None:
                self.chosen_view.setCurrentItem(last)
            self.remove_selected()
            return True
        return False

    def values(self) -> list[Chosen]:
        return list(self.items)

    def picked(self) -> set[str]:
        """The new people whose organisation the user picked (kept as the meeting changes)."""
        return set(self._picked)

    def set_values(self, items: list[Chosen], *, picked: set[str] | None = None) -> None:
        """``items`` chosen; ``picked``: new people's keys whose organisation was picked by the
        user (a draft put back: kept as it was, not the default)."""
        self._picked.update(picked or ())
        self.items.clear()
        self.chosen_view.clear()
        self._batch = []  # the organisations not known yet: one read for all
        try:
            for c in items:
                self.add(c)
        finally:
            batch, self._batch = self._batch, None
        if batch:
            self._look_up(batch)
