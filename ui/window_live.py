"""The main window's status bar and live changes: the offers and the count at the foot of the
window, live updates from colleagues, the tray and the due-date notifier (attach), and what a
change does to the lists, the pages, the dashboard and the map.

Functions of the window; ui.main_window keeps the methods that are connected to the
AppContext's signals (_changed, _show_status: disconnected with the window when it goes, as
after a language switch) and refresh_all, which others call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSystemTrayIcon

from ui import labels, window_files, window_views
from ui.icons import icon

if TYPE_CHECKING:
    from app.changes import Changes
    from ui.context import AppContext
    from ui.main_window import MainWindow


def attach_status(window: MainWindow, ctx: AppContext) -> None:
    """The status bar's offers (Undo, Open file, Import history, Show all) and count, live
    updates, the tray icon, the due-date notifier and the meetings started (attach)."""
    from ui.answers import FileOffer
    from ui.commands import RedoOffer, UndoOffer
    from ui.filter_offer import ShowAllOffer
    from ui.import_offer import ImportHistoryOffer
    from ui.live import LiveStatus, LiveUpdates
    from ui.meetings_started import StartedMeetings
    from ui.notify import DueNotifier

    window.undo_button = UndoOffer(ctx, window.act_undo, window.commands.undo, window)
    window.redo_offer = RedoOffer(ctx, window.act_redo)  # enabled after an undo, until a new change
    window.file_offer = FileOffer(ctx, window)  # Open / Show in folder after a file is written
    window.import_offer = ImportHistoryOffer(
        ctx, lambda batch: window_files.open_import_history(window, batch), window
    )
    window.commands.import_on_top = window.import_offer.offer  # Ctrl+Z after an import: where it is undone
    window.commands.brought_back = lambda e, i: window_views.select_undone(window, e, i)

    window.show_all_offer = ShowAllOffer(ctx, window)  # a record opened that the list's filters leave out
    window.count_label = QLabel(window)
    window.live = LiveUpdates(ctx, window)  # started by ui/main.py: live.start(live_label)
    window.live_label = LiveStatus(window)
    bar = window.statusBar()  # in this order, before the database's name (the frame's)
    shown = (window.show_all_offer, window.import_offer, window.file_offer, window.undo_button, window.count_label,
             window.live_label)  # fmt: skip
    for n, widget in enumerate(shown):
        bar.insertPermanentWidget(n, widget)
    window.db_label.setText(labels.database_location(str(ctx.engine.url)))
    window.status_line.clear()
    ctx.status_message.connect(window._show_status)  # a method: disconnected with the window
    ctx.changes.connect(window._changed)
    ctx.tasks.default_error = window.commands.error

    if QSystemTrayIcon.isSystemTrayAvailable():
        window.tray = QSystemTrayIcon(icon("app"), window)
        window.tray.setToolTip("Ketnoi")
        window.tray.messageClicked.connect(lambda: show_due(window))  # the same actions as the banner's Show
        window.tray.show()
    window.notifier = DueNotifier(ctx, window.banner, window.tray, window)
    window.notifier.day_changed.connect(lambda: new_day(window))
    window.started_meetings = StartedMeetings(ctx, window)


def show_due(window: MainWindow) -> None:
    """The banner's Show: the actions it counts — overdue, and due today when it says some
    are (reviewer: "109 overdue · 1 due today" showed the 109 alone); the late letters when
    they are all it says."""
    summary = getattr(window.banner, "summary", None)
    if summary is not None and summary.late_replies and not (summary.overdue or summary.due_today):
        window.open_letters()
        window.letters_dialog.late.setChecked(True)
        return
    window.show_actions("due_now" if summary is not None and summary.due_today else "overdue")


def refresh_all(window: MainWindow) -> None:
    for view in window.views.values():
        view.list.refresh()
        view.detail.reload()
    if window.current_entity() == "dashboard":
        window.dashboard.refresh()
    if window.current_entity() == "map":
        window.map_view.refresh()
    window.notifier.refresh()


def new_day(window: MainWindow) -> None:
    """Midnight passed with the window open (the banner's check, every few minutes): the
    dashboard on screen is read again for the new day (its greeting, Overdue, Due this
    week); shown later, it is read then (ui.window_views.show_view)."""
    if window.current_entity() == "dashboard":
        window.dashboard.refresh()
    if window.current_entity() == "map":
        window.map_view.refresh()


def apply_changes(window: MainWindow, changes: Changes) -> None:
    """After a write (``app.changes.Changes``): each list marks the rows it touched stale
    and runs its query again only if its result or order can differ; the record page on
    screen is read again, the others when they are next shown."""
    current = window.current_view()
    # A colleague's change (live updates) that takes the shown record out of a list does not
    # move the selection on to the next row: the pane would show another person behind a
    # form still open on that record (reviewer). This window's own delete or mark-done does.
    moves_on = not window.ctx.from_elsewhere
    for view in window.views.values():
        view.list.apply_changes(changes, moves_on=moves_on)
        if view is current:
            view.detail.reload()
        else:
            view.detail_stale = True
    if window.current_entity() == "dashboard":
        window.dashboard.refresh()
    if window.current_entity() == "map":
        window.map_view.refresh()
    window.notifier.refresh()
    window._update_enabled()
