"""One record list: a filter bar over a lazily filled table, filtered and sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import lists, presets
from app.changes import Changes
from app.dashboard import is_weekend
from db.models import (
    ACTION_DIRECTIONS,
    ACTION_KINDS,
    ACTION_STATUSES,
    INTERACTION_KINDS,
    ORGANISATION_KINDS,
)
from ui import labels
from ui.context import AppContext
from ui.fit import FlowLayout, HeaderTips
from ui.focus import select_on_focus, select_row
from ui.icons import icon
from ui.lists import choices as fed_choices
from ui.lists.empty import EmptyNote
from ui.lists.model import ID_ROLE, RecordListModel
from ui.lists.table import RecordTable
from ui.widgets import Lookup

# Columns that show our own words, not the user's: every word they can show, in the window's
# language (a column is as wide as its longest one, so none is ever cut on a laptop's screen).
WORDS: dict[str, dict[str, Callable[[], list[str]]]] = {
    "organisation": {"kind": lambda: [labels.organisation_kind(k) for k in ORGANISATION_KINDS]},
    "meeting": {"kind": lambda: [labels.meeting_kind(k) for k in INTERACTION_KINDS]},
    "action": {
        "direction": lambda: [labels.direction(k) for k in ACTION_DIRECTIONS],
        "status": lambda: [labels.status(k) for k in ACTION_STATUSES],
    },
}

# Columns whose values are short and must show whole (a date, a phone number, an acronym), and
# those that get the room: what a row is called and who it is with.
SHORT = frozenset({"starts_at", "due_date", "phone", "acronym"})
MAIN = frozenset({"name", "title", "organisation", "organisations"})
# Columns of people's names (who is responsible for an action): a name of up to NAME_ROOM px is
# shown whole while a title beside it still has more than that (reviewer h108: "Trần Minh Qu…"
# cut in the bold overdue rows, beside whole titles).
PEOPLE = frozenset({"responsible"})
NAME_ROOM = 200
PADDING = 8  # the room a column keeps beyond its widest value, given back first when short

# Keys in the filter box that go on into the list (ListPanel.enter_list)
_INTO_LIST = frozenset({Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter})

DEFAULT_WIDTHS = {
    "organisation": [270, 70, 110, 150, 90, 120],
    "contact": [210, 160, 230, 200, 120],
    "meeting": [150, 330, 120, 170, 150],
    "action": [105, 320, 90, 95, 170, 150],
}


class ListPanel(QWidget):
    current_changed = Signal(str, int)  # entity, id (0: nothing selected)
    activated = Signal(str, int)
    count_changed = Signal(str, int)
    selection_complete = Signal(int)  # after select all: how many rows are selected
    gone_by_change = Signal(str, int)  # entity, id: the record selected left the list by a change

    def __init__(self, ctx: AppContext, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        self.setObjectName(f"list_{entity}")
        self._combos: dict[str, QComboBox] = {}
        self.total = -1

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter (type without accents: nguyen, dang…)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self._debounce = QTimer(self, singleShot=True, interval=180)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textEdited.connect(lambda _t: self._debounce.start())

        bar = FlowLayout(spacing=6)  # filters wrap onto a second row rather than being cut
        bar.setContentsMargins(6, 6, 6, 2)
        hint = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(hint + 64)  # the whole hint shows, beside the two icons
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.search)
        self._build_filters(bar)
        self.organisation: Lookup | None = None
        if self.entity in ("contact", "meeting", "action"):
            self.organisation = Lookup(ctx, "organisation", self)
            self.organisation.setObjectName("filter_organisation")
            self.organisation.setPlaceholderText(self.tr("Organisation…"))
            self.organisation.setMaximumWidth(200)
            self.organisation.picked.connect(lambda _i: self.apply_filters())
            self.organisation.textChanged.connect(lambda t: None if t else self.apply_filters())
            bar.addWidget(self.organisation)

        self.model = RecordListModel(ctx, self._query(), self)
        self.view = RecordTable(self)
        self.view.setObjectName(f"table_{entity}")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrow column's title: "Người thực…"
        header.setDefaultSectionSize(60)  # also the least a stretched last column keeps
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        section, order = self.model.sort_section()
        header.setSortIndicator(section, order)
        header.setSortIndicatorShown(True)
        self.view.setSortingEnabled(True)  # after the indicator: enabling sorts by it
        self._restore_widths()
        self._refit = QTimer(self, singleShot=True, interval=60)  # rows arrive in the background
        self._refit.timeout.connect(self.fit_columns)
        self.model.modelReset.connect(self._refit.start)
        self.model.rowsInserted.connect(lambda *_: self._refit.start() if self._auto_fit else None)
        # a row read again after a change (a colleague's edit arriving live: "Hà Nội" → "Hoa Lac")
        # fits the columns again, as a read does (it showed "Hoa L…" beside a 320 px Owner)
        self.model.dataChanged.connect(lambda *_: self._refit.start() if self._auto_fit else None)
        self._save_widths_timer = QTimer(self, singleShot=True, interval=400)
        self._save_widths_timer.timeout.connect(self._save_widths)
        header.sectionResized.connect(lambda section, *_: self._section_resized(section))
        select_all = QAction(self.view)
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        select_all.triggered.connect(lambda _c=False: self.select_all())
        self.view.addAction(select_all)
        self._shown = 0  # the record last sent to the detail pane (current_changed)
        self._settle = QTimer(self, singleShot=True, interval=0)
        self._settle.timeout.connect(self._sync_shown)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._sync_shown())
        self.view.record_lost.connect(lambda: self._emit_shown(0))
        self.view.gone_by_change.connect(lambda record_id: self.gone_by_change.emit(self.entity, record_id))
        self.model.ids_complete.connect(self._ids_complete)
        self.view.activated.connect(self._on_activated)
        self.view.typed.connect(self._type_to_find)
        self.search.installEventFilter(self)  # Down and Enter go on into the list
        # Tab from the filter box goes to the list, then to the other filters (which sit beside
        # the box) and on to the record's page: it went through every filter first (reviewer)
        chain = [self.search, self.view, *self._combos.values()]
        chain += [self.organisation] if self.organisation is not None else []
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        select_on_focus(self.view)  # tabbed into: a row selected, the page beside it shows it
        self.empty_note = EmptyNote(self.view, self)  # a filter nothing matches: said, and Show all
        self.empty_note.show_all.connect(self._show_all_from_note)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(lambda *_a: self._update_empty())
        self.model.ids_complete.connect(self._update_empty)
        self.model.unreachable_changed.connect(lambda _t: self._update_empty())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        # the server cannot be reached: said here, above the empty rows, their titles kept
        self.unreachable = QLabel(self)
        self.unreachable.setObjectName(f"unreachable_{entity}")
        self.unreachable.setWordWrap(True)
        self.unreachable.setContentsMargins(8, 8, 8, 8)
        self.unreachable.setStyleSheet("color: #c62828;")
        self.unreachable.setVisible(False)
        layout.addWidget(self.unreachable)
        layout.addWidget(self.view)
        self.model.unreachable_changed.connect(self._unreachable_changed)
        self._unreachable_changed(self.model.unreachable)
        self.refresh_count()
        self._update_empty()

    # --- filters ---------------------------------------------------------------------------------

    def focus_filter(self) -> None:
        """Ctrl+F: the filter box, its text selected (what is typed next replaces it)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if plain and event.key() in _INTO_LIST and self.enter_list():
                return True
        return super().eventFilter(watched, event)

    def enter_list(self) -> bool:
        """Down, Enter or Return in the filter box: the list gets the focus on its first row,
        selected (the record's page beside it shows it; Enter again opens it, as in the list).
        A filter still waiting for the pause in typing runs first. False, the focus left in
        the box, when nothing is listed."""
        if self._debounce.isActive() or self.model.query.text != self.search.text():
            self._debounce.stop()
            self.apply_filters()
        if not self.model.rowCount():
            return False
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.choose_row(0)
        return True

    def _type_to_find(self, event: QKeyEvent) -> None:
        """A letter typed in the table starts a new filter with it (type-to-find)."""
        self.focus_filter()
        key = QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text())
        QApplication.sendEvent(self.search, key)

    def _combo(self, bar: QLayout, key: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{key}")
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never cut
        bar.addWidget(combo)
        self._combos[key] = combo
        return combo

    def _build_filters(self, bar: QLayout) -> None:
        with self.ctx.read() as s:
            choices = lists.filter_choices(s)
        any_kind = self.tr("Any kind")
        if self.entity in ("organisation", "contact"):
            self._combo(
                bar,
                "kind",
                [(any_kind, None)] + [(labels.organisation_kind(k), k) for k in ORGANISATION_KINDS],
            )
        if self.entity in ("organisation", "contact", "action"):
            self._combo(
                bar, "sector", [(self.tr("Any sector"), None), *((n, i) for i, n in choices["sector"])]
            )
        if self.entity in ("organisation", "contact"):
            self._combo(bar, "tag", [(self.tr("Any tag"), None), *((n, i) for i, n in choices["tag"])])
        if self.entity == "meeting":
            self._combo(
                bar, "kind", [(any_kind, None)] + [(labels.meeting_kind(k), k) for k in INTERACTION_KINDS]
            )
            names = {
                "upcoming": self.tr("Upcoming"),
                # Monday to Sunday (app.presets.week_bounds; the dates in the box's tooltip)
                "week": self.tr("This week"),
                "next_week": self.tr("Next week"),
                "last_week": self.tr("Last week"),
                "month": self.tr("This month"),
                "past": self.tr("Past"),
            }
            when = [(names[k], k) for k in presets.names("meeting")]
            self._combo(bar, "when", [(self.tr("Any time"), None), *when])
        if self.entity == "action":
            names = {
                "open": self.tr("All open"),
                "mine": self.tr("Mine"),
                "overdue": self.tr("Overdue"),
                "due_now": self.tr("Overdue or due today"),
                # on a Saturday or a Sunday the preset is the coming week (app.dashboard.due_week_end)
                "week": self.tr("Due next week")
                if is_weekend(self.ctx.today())
                else self.tr("Due this week"),
                "month": self.tr("Due this month"),
                "30days": self.tr("Due in 30 days"),
                "we_owe": self.tr("We owe"),
                "they_owe": self.tr("They owe"),
                "done": self.tr("Done"),
                "all": self.tr("Everything"),
            }
            self._combo(bar, "preset", [(names[k], k) for k in presets.names("action")])
            self._combo(bar, "kind", [(any_kind, None)] + [(labels.action_kind(k), k) for k in ACTION_KINDS])
        owner_text = self.tr("Responsible: anyone") if self.entity == "action" else self.tr("Owner: anyone")
        self._combo(bar, "owner", [(owner_text, None), *((n, i) for i, n in choices["staff"])])

    def _update_empty(self) -> None:
        """ "No contacts match these filters: “zzz”." over the list's empty rows, with Show all,
        when the filters leave nothing out of a list that has been read (not while the server
        cannot be reached: that is said above the list)."""
        said = self.filters_said()
        empty = self.model.complete and not self.model.rowCount() and not self.model.unreachable
        if not empty or not said:
            self.empty_note.hide()
            return
        texts = {
            "organisation": self.tr("No organisations match these filters: %1."),
            "contact": self.tr("No contacts match these filters: %1."),
            "meeting": self.tr("No meetings match these filters: %1."),
            "action": self.tr("No actions match these filters: %1."),
        }
        text = texts[self.entity].replace("%1", ", ".join(said))
        preset = self._combos.get("preset")
        mine = self.entity == "action" and preset is not None and preset.currentData() == "mine"
        if mine and self.ctx.staff_id is None:
            # (reviewer: a deputy director read "No actions match these filters: Mine." and took
            # it that he had none; "Mine" is no one's until "I am" is chosen)
            text += " " + self.tr(
                "“Mine” shows the actions of the staff member chosen under File → Settings → “I am”, "
                "and none is chosen on this computer."
            )
        self.empty_note.say(text)

    def _show_all_from_note(self) -> None:
        """Show all under an empty list: every filter cleared, the list read again; the focus,
        which was on the button going away, in the list."""
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.empty_note.isAncestorOf(focused)
        self.show_everything()
        if had_focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh_choices(self) -> None:
        """Offer the sectors, tags and staff there are now (ui.lists.choices), read off the UI
        thread; a choice made that is gone clears its filter."""
        fed_choices.read(self.ctx, self, self._refill)

    def _refill(self, read: fed_choices.Choices) -> None:
        if fed_choices.refill(self._combos, read):
            self.apply_filters()

    def organisation_filter(self) -> int | None:
        lookup = getattr(self, "organisation", None)
        if lookup is None or not lookup.text().strip():
            return None
        return lookup.record_id

    def set_organisation(self, organisation_id: int | None, label: str = "") -> None:
        if self.organisation is not None:
            self.organisation.set_record(organisation_id, label)
            self.apply_filters()

    def set_preset(self, value: str) -> None:
        combo = self._combos.get("preset")
        if combo is not None:
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def filters_said(self) -> list[str]:
        """The filters narrowing the list, as shown above it ("Done", "“hùng”", "Any tag" not):
        what a record left out of the list is left out by."""
        said = [f"“{self.search.text().strip()}”"] if self.search.text().strip() else []
        for key, combo in self._combos.items():
            value = combo.currentData()
            if value is not None and not (key == "preset" and value == "all"):
                said.append(combo.currentText())
        if self.organisation is not None and self.organisation.text().strip():
            said.append(self.organisation.text().strip())
        return said

    def export_words(self) -> list[str]:
        """What narrows the list, for the name of a file it is written to ("overdue", a kind's
        code, the staff member or organisation chosen, the words typed). In English the view's
        and the kind's codes ("due_now", "week"); in Vietnamese the window's words ("Tuần này",
        folded to "tuan-nay" in the name: reviewer h129 was offered English names there)."""
        vi = self.ctx.lang() == "vi"
        words = [self._file_word(key, vi) for key in ("preset", "when", "kind")]
        for key in ("sector", "tag", "owner"):
            combo = self._combos.get(key)
            if combo is not None and combo.currentData() is not None:
                words.append(combo.currentText())
        words.append(self.organisation.text() if self.organisation is not None else "")
        words.append(self.search.text())
        return [w for w in words if w.strip()]

    def show_everything(self, preset: str = "all") -> None:
        """Every filter back to "any" (the actions' to ``preset``: "Everything" unless told),
        the list read once."""
        for key, combo in self._combos.items():
            found = combo.findData(preset if key == "preset" else None)
            if found >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(found)
                combo.blockSignals(False)
        for box in (self.search, self.organisation):
            if box is not None:
                box.blockSignals(True)
                box.clear()
                box.blockSignals(False)
        if self.organisation is not None:
            self.organisation.record_id = None
        self.apply_filters()

    def _say_week(self) -> None:
        """A meetings' week chosen ("This week"): its Monday and Sunday in the box's tooltip, so
        which week it is is never a guess; none for another period."""
        combo = self._combos.get("when")
        if combo is None:
            return
        bounds = presets.week_bounds(str(combo.currentData() or ""), self.ctx.today())
        tip = "" if bounds is None else f"{self.ctx.fmt_date(bounds[0])} – {self.ctx.fmt_date(bounds[1])}"
        combo.setToolTip(tip)

    def _file_word(self, key: str, shown: bool) -> str:
        """A combo's choice for a file's name: its code, or the words it shows (``shown``)."""
        combo = self._combos.get(key)
        if combo is None or combo.currentData() is None:
            return ""
        return combo.currentText() if shown else str(combo.currentData())

    def _value(self, key: str) -> Any:
        combo = self._combos.get(key)
        return combo.currentData() if combo is not None else None

    def _query(self) -> lists.ListQuery:
        base = lists.default_query(self.entity)
        q = base.with_(
            text=self.search.text(),
            kind=self._value("kind"),
            sector_id=self._value("sector"),
            tag_id=self._value("tag"),
            owner_id=self._value("owner"),
            organisation_id=self.organisation_filter(),
        )
        if hasattr(self, "model"):
            q = q.with_(sort=self.model.query.sort, descending=self.model.query.descending)
        preset = self._value("preset") or self._value("when")  # an action view / a meeting period
        if preset:
            q = presets.apply_preset(q, preset, today=self.ctx.today(), staff_id=self.ctx.staff_id)
        return q

    def apply_filters(self) -> None:
        """A new filter: the list's query again; the current record stays selected if it is
        still listed (RecordTable), else the detail pane is cleared."""
        self.model.set_query(self._query())
        self._say_week()
        section, order = self.model.sort_section()
        self.view.horizontalHeader().setSortIndicator(section, order)

    def filter_state(self) -> dict[str, Any]:
        """What the person typed and chose above the list, and its order, in words no language
        changes (a combo's data, not its text): for :meth:`restore_filter_state` on a list built
        again (a language switch)."""
        lookup = self.organisation
        return {
            "text": self.search.text(),
            "combos": {key: combo.currentData() for key, combo in self._combos.items()},
            "organisation": (lookup.record_id, lookup.text())
            if lookup is not None and lookup.text()
            else None,
            "sort": (self.model.query.sort, self.model.query.descending),
        }

    def restore_filter_state(self, state: dict[str, Any]) -> None:
        """Put back what :meth:`filter_state` saved and run the list's query once."""
        self.search.setText(str(state.get("text") or ""))
        for key, value in (state.get("combos") or {}).items():
            combo = self._combos.get(key)
            found = combo.findData(value) if combo is not None else -1
            if combo is not None and found >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(found)
                combo.blockSignals(False)
        picked = state.get("organisation")
        if self.organisation is not None and picked:
            self.organisation.blockSignals(True)
            self.organisation.set_record(picked[0], picked[1])
            self.organisation.blockSignals(False)
        sort, descending = state.get("sort") or (self.model.query.sort, self.model.query.descending)
        self.model.set_query(self._query().with_(sort=sort, descending=descending))
        self._say_week()
        section, order = self.model.sort_section()
        self.view.horizontalHeader().setSortIndicator(section, order)

    # --- state -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again (F5, settings): the id query, every row, the filters' choices."""
        self.model.invalidate()
        self.model.refresh()
        self.refresh_choices()

    def apply_changes(self, changes: Changes, *, moves_on: bool = True) -> None:
        """After a write: rows it touched are marked stale (those on screen are read again);
        the id query runs again only if the change can alter this list's result or order.
        ``moves_on``: a selected record the change takes out hands its place to the next row
        (this window's own change); else nothing stays selected (a colleague's change)."""
        stale = lists.stale_rows(self.entity, changes)
        if stale is None or stale:
            self.model.invalidate(stale)
        if lists.affects_result(self.model.query, changes):
            self.model.refresh(moves_on=moves_on)
        if lists.choices_may_change(changes):
            self.refresh_choices()

    def refresh_count(self) -> None:
        """Say how many records the list holds, once every id is known."""
        if self.model.complete:
            self._ids_complete()

    def _unreachable_changed(self, text: str) -> None:
        self.unreachable.setText(text)
        self.unreachable.setVisible(bool(text))
        if text:  # how many there are is not known now: the footer says no number
            self.total = -1
            self.count_changed.emit(self.entity, -1)

    def _ids_complete(self) -> None:
        self.total = self.model.rowCount()
        self.count_changed.emit(self.entity, self.total)

    def current_id(self) -> int:
        return self.view.current_id()

    def selected_ids(self) -> list[int]:
        # by ranges, not index by index: a select-all of 100,000 rows is one range
        selection = self.view.selectionModel().selection()
        ranges = (selection.at(n) for n in range(selection.count()))
        rows = sorted({row for r in ranges for row in range(r.top(), r.bottom() + 1)})
        out = [self.model.id_at(r) for r in rows]
        return [i for i in out if i is not None]

    def select_all(self) -> None:
        """Ctrl+A selects every row of the list: once every id is known (they are read off
        the UI thread when the list opens), at once."""
        model = self.model

        def select() -> None:
            if model is self.model:
                self.view.selectAll()
                self.selection_complete.emit(len(self.selected_ids()))

        model.when_complete(select)

    def select_id(self, record_id: int) -> bool:
        """Select ``record_id`` if the list holds it; if its ids are still being read, when they
        arrive (False until then). Until then nothing stays selected: a row still highlighted
        would be what Del or D acts on, not the record shown beside the list."""
        if self.view.select_id(record_id):
            return True
        self.view.clearSelection()
        if not self.model.complete:
            self.model.when_complete(lambda: self.view.select_id(record_id))
        return False

    def select_first(self) -> None:
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            select_row(self.view, 0)

    def shown_id(self) -> int:
        """The record the detail pane should show: the current row when it is selected (or
        nothing is selected yet), else the one selected row, else none. So the pane never shows
        a record other than the selected one when exactly one is selected (Ctrl+click or
        Ctrl+Space toggled the current row off), and shows nothing when the person unselected
        every row: Del, D and Edit act on the selection, and what they act on is what is shown."""
        model = self.view.selectionModel()
        current = self.view.currentIndex()
        if current.isValid() and model.isRowSelected(current.row(), QModelIndex()):
            return self.model.id_at(current.row()) or 0
        selection = model.selection()
        if selection.count() == 1 and selection.at(0).top() == selection.at(0).bottom():
            return self.model.id_at(selection.at(0).top()) or 0
        return 0

    def _emit_shown(self, record_id: int) -> None:
        if record_id and record_id not in self.model.kept():
            self.model.release_kept()  # moved on from the action just marked done: it may go
        self._shown = record_id
        self.current_changed.emit(self.entity, record_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.view.selectionModel().isRowSelected(current.row(), QModelIndex()):
            self._emit_shown(int(current.data(ID_ROLE)))  # a key, or a selected row made current
        elif not current.isValid():
            self._emit_shown(0)
        else:
            # A click makes its row current before it selects it: settle once the event is done.
            self._settle.start()

    def _sync_shown(self) -> None:
        """After a selection change (or a click that made a row current): tell the pane only
        if what it should show changed."""
        shown = self.shown_id()
        if shown != self._shown:
            self._emit_shown(shown)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.entity, int(index.data(ID_ROLE)))

    def _restore_widths(self) -> None:
        widths = self.ctx.settings.load_widths(self.entity)
        self._auto_fit = not widths  # no saved widths: columns follow the pane until one is dragged
        # what each column wanted at the last fit with rows (at first, the default widths): an
        # emptied list (the server away, a filter nothing matches) keeps its columns' widths
        # rather than squeezing Title to its name beside a 445 px Location (reviewer)
        self._wanted: list[int] = list(DEFAULT_WIDTHS.get(self.entity, []))
        self._fitting = False
        for i, w in enumerate(
            (widths or DEFAULT_WIDTHS.get(self.entity, []))[: self.model.columnCount() - 1]
        ):
            if w > 10:
                self.view.setColumnWidth(i, w)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if getattr(self, "_auto_fit", False):
            QTimer.singleShot(0, self.fit_columns)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_auto_fit", False):
            QTimer.singleShot(0, self.fit_columns)

    def hideEvent(self, event: QHideEvent) -> None:
        """Another view shown: the officer moved on, so an action kept listed after Ctrl+D (see
        :meth:`RecordListModel.keep`) may leave the list; it stayed there, struck through, when
        they came back (left alone last round)."""
        super().hideEvent(event)
        self.model.release_kept()

    def _section_resized(self, section: int) -> None:
        if not self._fitting and section < self.model.columnCount() - 1:
            self._auto_fit = False  # the user's own widths, kept from now on
            self._save_widths_timer.start()

    def fit_columns(self) -> None:
        """Columns as wide as their header and the rows on screen, cut down (they elide, the
        whole value in the tooltip) until all fit the pane; the last one takes what is left.

        Short columns (a date, a phone number, an acronym, our own words: an action's direction
        and status, a kind) are never cut while the pane has room for them: they keep what their
        longest value needs, as their longest word in bold whatever rows are on screen. A row's
        name or title and its organisation get the room (a Vietnamese organisation's name is
        long: "Trung tâm Đổi mới sáng tạo Quốc gia"), and so does who is responsible for an
        action, up to NAME_ROOM px (its bold overdue rows' names); the other columns (a
        position, an e-mail, sectors, a place) keep 90 px and their title whole, and share what
        is left in proportion to what they still want. Before anything is cut, every column
        gives back the few pixels it keeps beyond its widest value."""
        if not self._auto_fit or not self.view.isVisible():
            return  # a hidden view has no width yet: fitted when shown
        header = self.view.horizontalHeader()
        n = self.model.columnCount()
        keys = lists.COLUMNS.get(self.entity, ())
        kind_of = [keys[i] if i < len(keys) else "" for i in range(n)]
        title = [self.title_width(i) for i in range(n)]  # the column's name, whole
        want = [
            max(title[i], self.view.sizeHintForColumn(i), self.words_width(kind_of[i])) + PADDING
            for i in range(n)
        ]
        if self.model.rowCount():
            self._wanted = list(want)
        else:  # no rows to measure: what the columns wanted when there were
            want = [max(w, self._wanted[i] if i < len(self._wanted) else 0) for i, w in enumerate(want)]
        width = self._fitted(want, title, kind_of, self.view.viewport().width() - 16)
        self._fitting = True
        for i in range(n - 1):
            self.view.setColumnWidth(i, width[i])
        self._fitting = False
        HeaderTips.install(header)  # a header cut short shows its whole name on hover

    def _fitted(self, want: list[int], title: list[int], kind_of: list[str], room: int) -> list[int]:
        """The widths :meth:`fit_columns` gives columns that want ``want`` in ``room`` px."""
        n = len(want)
        short = [i for i in range(n) if kind_of[i] in SHORT | set(WORDS.get(self.entity, {}))]
        main = [i for i in range(n) if kind_of[i] in MAIN]
        people = [i for i in range(n) if kind_of[i] in PEOPLE]
        others = [i for i in range(n) if i not in short and i not in main and i not in people]
        width = [min(w, max(90, title[i])) if i in others else w for i, w in enumerate(want)]

        def give(columns: list[int], least: Callable[[int], int]) -> None:
            """Take what the pane lacks from ``columns``, each in proportion to what it has
            above ``least(i)``, none below it."""
            over = sum(width) - room
            spare = {i: width[i] - min(width[i], least(i)) for i in columns}
            total = sum(spare.values())
            if over <= 0 or not total:
                return
            for i, extra in spare.items():
                width[i] -= min(extra, -(-over * extra // total))

        # Too narrow: every column gives its padding, then the names and the people down to
        # 200 px, the others down to their title, the people down to 90 px and their title, the
        # names down to 120 px, and only then, a window narrower than any laptop's, the others
        # and the people down to 60 px, the names to 100 px and the short columns to their title.
        give(list(range(n)), lambda i: want[i] - PADDING)
        give(main + people, lambda _i: NAME_ROOM)
        give(others, lambda i: title[i])
        give(people, lambda i: max(90, title[i]))
        give(main, lambda i: max(120, title[i]))
        give(others + people, lambda _i: 60)
        give(main, lambda _i: 100)
        give(short, lambda i: title[i])
        # Room to spare: the others have it, in proportion to what they still want.
        excess = sum(want[i] - width[i] for i in others + people)
        if excess and sum(width) < room:
            factor = min(1.0, (room - sum(width)) / excess)
            for i in others + people:
                width[i] += int((want[i] - width[i]) * factor)
        return width

    def title_width(self, section: int) -> int:
        """How wide a column must be to show its title whole, as the style draws it: the text
        between the header's margins, beside the sort arrow if the list is sorted by it (a
        new sort fits the columns again). Qt's own size hint keeps the arrow's room in every
        column, 20-30 px that a laptop's list cannot spare."""
        header = self.view.horizontalHeader()
        text = str(self.model.headerData(section, Qt.Orientation.Horizontal) or "")
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        width = header.fontMetrics().horizontalAdvance(text) + 2 * margin + 2
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            width += header.height() // 2 + 2 * margin  # QCommonStyle's SE_HeaderLabel
        return width

    def words_width(self, key: str) -> int:
        """How wide a cell of a column of our own words must be to show its longest one whole
        (an action's in bold: an overdue or high-priority action's row is bold); 0 for any
        other column."""
        words = WORDS.get(self.entity, {}).get(key)
        if not words:
            return 0
        font = QFont(self.view.font())
        font.setBold(self.entity == "action")
        metrics = QFontMetrics(font)
        style = self.view.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1)
        return max(metrics.horizontalAdvance(text) for text in words()) + margin + 2

    def _save_widths(self) -> None:
        if self._auto_fit:
            return  # fitted to the pane: fitted again next time
        self.ctx.settings.save_widths(
            self.entity, [self.view.columnWidth(i) for i in range(self.model.columnCount())]
        )
