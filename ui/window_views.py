"""The main window's views: which one is shown, the record selected in it, going to a record
(navigate), what the status bar says about a record left out or gone, and which commands the
selection allows.

Functions of the window (ui.main_window keeps the methods others call: navigate,
show_actions, current_view, _update_enabled…); Qt only until a view is built (RecordView loads
the lists and pages), so the frame still opens before the database layer is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QSplitter, QWidget

from db import clock
from ui import labels

if TYPE_CHECKING:
    from app.errors import RecordGone
    from ui.context import AppContext
    from ui.main_window import MainWindow

RECORDS = ("organisation", "contact", "meeting", "action")
"""``db.kinds.RECORD_KINDS`` written out: the frame's navigation is shown before db.kinds (and
SQLAlchemy with it) is imported; tests/ui/test_startup.py checks that the two agree."""
VIEWS = ("dashboard", *RECORDS, "map")
DONE_LABEL_ROWS = 500  # rows of a large selection looked at for the label (all read: slow)


def meet_with() -> tuple[str, ...]:
    """The kinds a meeting can be logged with from their page ("Log a meeting with…")."""
    from db import kinds

    return tuple(k for k in RECORDS if kinds.info(k).meeting_link)


class RecordView(QSplitter):
    """A list with the selected record's detail beside it."""

    def __init__(self, ctx: AppContext, entity: str, parent: QWidget | None = None) -> None:
        from ui.details.pane import DetailPane
        from ui.lists.panel import ListPanel

        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName(f"view_{entity}")
        self.entity = entity
        self.list = ListPanel(ctx, entity, self)
        self.detail = DetailPane(ctx, self)
        self.addWidget(self.list)
        self.addWidget(self.detail)
        self.setStretchFactor(0, 2)  # a wider window widens the list the more (its columns)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.list.current_changed.connect(self.detail.show_record)
        self.detail_stale = False  # a change came while another view was shown


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def view_name(entity: str) -> str:
    """A view's name, in the navigation and the View menu."""
    if entity == "dashboard":
        return tr("Dashboard")
    if entity == "map":
        return tr("Stakeholder map")
    return labels.entity_name(entity, plural=True)


def find_in_list(window: MainWindow) -> None:
    view = window.current_view()
    if view is not None:
        view.list.focus_filter()
    elif window.act_search.isEnabled():
        window.act_search.trigger()


def show_view(window: MainWindow, row: int) -> None:
    entity = VIEWS[max(0, row)]
    window.stack.setCurrentIndex(max(0, row))
    if entity == "dashboard":
        window.dashboard.refresh()
        window.count_label.setText("")
    elif entity == "map":
        window.map_view.refresh()
        window.count_label.setText("")
    else:
        view = window.views[entity]
        if view.detail_stale:
            view.detail_stale = False
            view.detail.reload()
        view.detail.set_actions(window.record_actions[entity])
        view.list.select_first()
        count_changed(window, entity, view.list.total)
        view.list.view.setFocus()
    update_enabled(window)


def select_undone(window: MainWindow, entity: str, record_id: int) -> None:
    """Ctrl+Z brought back one record (an action marked done, a contact deleted): it is
    selected in the list shown, if that list holds it, as the row it was (reviewer h95: the
    selection stayed on the neighbour; on the Overdue list nothing was selected, Mark done
    grey until a click). Another list, or a record its filters leave out: nothing moves."""
    view = window.current_view()
    if view is None or view.entity != entity:
        return
    panel = view.list
    if panel.model.complete and panel.model.row_of(record_id) < 0:
        return  # (left out by the filters: the selection stays where it was)
    panel.select_id(record_id)


def open_map_cell(window: MainWindow, influence: int, interest: int) -> None:
    """A cluster clicked on the dashboard's map: the map, zoomed into that cell."""
    window.map_view.show_cell(influence, interest)
    window.nav.setCurrentRow(VIEWS.index("map"))


def navigate(window: MainWindow, entity: str, record_id: int) -> None:
    if entity == "letter":
        window.open_letters(select=record_id)
        return
    if entity not in window.views:
        return
    window.nav.setCurrentRow(VIEWS.index(entity))
    view = window.views[entity]
    if not view.list.select_id(record_id):
        view.detail.show_record(entity, record_id)  # not listed: Del, Edit… act on this one
        update_enabled(window)
        say_left_out(window, entity, record_id)


def say_left_out(window: MainWindow, entity: str, record_id: int) -> None:
    """A record shown beside its list that the list's filters leave out: said, with "Show
    all" (ui.filter_offer). Not said while the list has still to read a record just saved
    that its filters keep: it is selected once read (ListPanel.select_id)."""
    from app import lists, records
    from app.errors import RecordGone

    panel = window.views[entity].list
    filters = panel.filters_said()
    query, ctx = panel.model.query, window.ctx

    def read_(_task: object) -> str | RecordGone | None:  # (off the UI thread: a team server may be slow)
        with ctx.read() as s:
            found = records.whereabouts(s, entity, record_id)
            if isinstance(found, RecordGone):
                return found
            if not filters:
                return None
            return None if lists.holds(s, query, record_id) else records.label(s, entity, record_id)

    def said(name: str | RecordGone | None) -> None:
        if isinstance(name, RecordGone):  # a link to a record in the trash (reviewer: "From
            say_whereabouts(window, name)  # meeting" opened Meetings with nothing, no word)
            return
        detail = window.views[entity].detail
        if name is None or (detail.entity, detail.record_id) != (entity, record_id):
            return  # in the list after all, or another record shown since
        name = name if len(name) <= 40 else name[:39] + "…"
        sentence = tr(
            "Not in the list, its filters leave it out (%2): “%1”"
        )  # (the why first: cut at the end)
        sentence = sentence.replace("%2", ", ".join(filters)).replace("%1", name)

        def show_all() -> None:
            panel.show_everything()
            panel.select_id(record_id)

        window.show_all_offer.offer(sentence, show_all)

    ctx.tasks.run(read_, on_done=said, owner=window)


def say_gone(window: MainWindow, entity: str, record_id: int) -> None:
    """The record selected left its list because someone else deleted or merged it: said in
    the status bar, who and when (reviewer: a colleague's delete made the organisation he
    was reading vanish without a word). This window's own steps say themselves."""
    from app import records
    from app.errors import RecordGone

    ctx = window.ctx

    def read_(_task: object) -> RecordGone | None:
        with ctx.read() as s:
            found = records.whereabouts(s, entity, record_id)
        return found if isinstance(found, RecordGone) else None

    def said(gone: RecordGone | None) -> None:
        if gone is not None and not (gone.group_id and gone.group_id in ctx.own_groups):
            say_whereabouts(window, gone)

    ctx.tasks.run(read_, on_done=said, owner=window)


def say_whereabouts(window: MainWindow, gone: RecordGone) -> None:
    """Who deleted, merged or removed a record, and when, in the status bar."""
    who = gone.actor or tr("A colleague")
    when = window.ctx.fmt_datetime(clock.local(gone.at)) if gone.at is not None else ""
    name = gone.label if len(gone.label) <= 40 else gone.label[:39] + "…"
    if gone.how == "merged":
        sentence = tr("%1 merged “%2” into “%3” (%4).").replace("%3", gone.into_label)
    elif gone.how == "deleted":
        sentence = tr("%1 deleted “%2” (%4): it is in the trash (View → Trash).")
    else:
        sentence = tr("%1 removed “%2” for good (%4).")
    window.status_line.announce(sentence.replace("%1", who).replace("%2", name).replace("%4", when))


def show_actions(window: MainWindow, preset: str) -> None:
    """The actions of ``preset`` (overdue, due now…), every one of them: the list's other
    filters cleared (reviewer: Show on "4 overdue · 1 due today" listed 1, a Viettel filter
    typed earlier still narrowing the list, its box showing the end of the name alone)."""
    window.nav.setCurrentRow(VIEWS.index("action"))
    window.views["action"].list.show_everything(preset)


def count_changed(window: MainWindow, entity: str, n: int) -> None:
    if entity == window.current_entity() and n < 0:  # not known (yet): no number at all
        window.count_label.setText("")
    elif entity == window.current_entity():
        window.count_label.setText(
            f"{window.ctx.fmt_number(n)} {labels.entity_name(entity, plural=n != 1).lower()}"
        )


def selected(window: MainWindow, entity: str) -> list[int]:
    view = window.current_view()
    if view is None or view.entity != entity:
        return []
    ids = view.list.selected_ids()
    shown = view.detail.record_id
    if shown in ids:  # the record on the page first: Edit, Brief, History… open that one
        return [shown, *(i for i in ids if i != shown)]
    return ids or ([shown] if shown else [])


def current_org(window: MainWindow) -> int | None:
    view = window.current_view()
    if view and view.entity == "organisation" and view.detail.record_id:
        return view.detail.record_id
    return None


def current_contact(window: MainWindow) -> int | None:
    view = window.current_view()
    if view and view.entity == "contact" and view.detail.record_id:
        return view.detail.record_id
    return None


def update_enabled(window: MainWindow) -> None:
    from db import kinds

    entity = window.current_entity()
    view = window.current_view()
    # the record's page not current (the team server out of reach): nothing is begun on it
    # that could not be saved — Edit, Mark done… are off until the page is read again
    has = bool(view and not view.detail.away and selected(window, entity))
    for a in (window.act_edit, window.act_delete, window.act_history):
        a.setEnabled(has)
    for a in (window.act_done, window.act_reschedule, window.act_note):
        a.setEnabled(entity == "action" and has)
    window.act_org_meeting.setEnabled(entity in meet_with() and has)
    window.act_brief.setEnabled(entity in kinds.BRIEFABLE and has)
    window.act_export_list.setEnabled(view is not None)  # a record list shown (not the dashboard, the map)
    window.act_export_list_ics.setEnabled(entity in ("meeting", "action"))
    label_done(window)


def label_done(window: MainWindow) -> None:
    """Ctrl+D marks an open action done and reopens a done one: its menu item and button say
    which (reviewer: on the "Done" filter it said "Mark done" and reopened). Every action
    selected done: "Reopen"; some done, some not: both, as it does both; else "Mark done"."""
    ids = selected(window, "action")[:DONE_LABEL_ROWS]
    statuses = {str(row["status"]) == "done" for row in window.commands.seen_rows(ids).values()}
    if statuses == {True}:
        text, tip = tr("Re&open"), tr("Reopen the selected done actions")
    elif statuses == {True, False}:
        text = tr("Mark done / re&open")
        tip = tr("Mark the open actions done and reopen the done ones")
    else:
        text, tip = tr("&Mark done"), tr("Mark the selected actions done")
    if window.act_done.text() != text:
        window.act_done.setText(text)
    from ui.team import set_own_tip

    keys = window.act_done.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    set_own_tip(window.act_done, f"{tip} ({keys})")  # (a reader's window: its tip says why it is off)
