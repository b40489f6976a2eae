"""The main window: navigation on the left, a list and the selected record's story beside it.

Menus and the toolbar share one set of QActions (with the usual shortcuts). Window geometry,
splitter sizes and column widths are kept in QSettings. Other features add themselves through
``menus`` (File/Edit/View/Tools/Help) and ``record_actions`` (buttons on a record's page).

The window is built in two steps (issue 11: start-up that does not pay for what it does not
show). ``MainWindow(settings=…, opening=url)`` is its frame — title, saved geometry, menus,
toolbar, navigation, status bar, and "Opening …" where the views go — and needs only Qt: this
module imports nothing that loads SQLAlchemy, so ui/main.py shows the frame before the database
layer is even imported. :meth:`MainWindow.attach` then builds the views on the opened database
into the same window and turns on the commands that need it (until then they are disabled).
``MainWindow(ctx)`` does both at once.

This module is the window's assembly: the frame, attach, the attributes the window holds, and
the methods other modules and the tests call. What the window does is in modules beside it,
functions of the window (anki's aqt does the same with its main window):

* ``ui.window_actions`` — every command (QAction) with its keys, the menus, the toolbar, the
  buttons of a record's page;
* ``ui.window_views`` — which view is shown, the record selected, going to a record, which
  commands the selection allows (and RECORDS, VIEWS, RecordView);
* ``ui.window_commands`` — new, edit, delete, log a meeting, mark done, history, trash,
  search, letters, duplicates, the lists' context menu;
* ``ui.window_files`` — the File menu: import, export, briefs, e-mail, another database,
  backups, Settings;
* ``ui.window_live`` — the status bar's offers and count, live updates, the tray, and what a
  change does to the lists and pages;
* ``ui.window_state`` — the window's place and size, saved and restored.

Their strings are translated in this window's context ("MainWindow"), as they were when they
were its methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui import labels, window_actions, window_commands, window_files, window_live, window_state, window_views
from ui.fit import ElidedLabel
from ui.icons import icon
from ui.settings import Settings
from ui.statusline import ElidingStatusBar, StatusLine
from ui.undo_keys import UndoFallsThrough
from ui.window_state import TITLE_BAR
from ui.window_views import RECORDS, VIEWS, RecordView, meet_with

if TYPE_CHECKING:
    from app.changes import Changes
    from ui.answers import FileOffer
    from ui.commands import RedoOffer, UndoOffer
    from ui.context import AppContext
    from ui.dialogs.duplicates import FindDuplicatesDialog
    from ui.dialogs.settings import SettingsDialog
    from ui.filter_offer import ShowAllOffer
    from ui.history import HistoryDialog
    from ui.import_offer import ImportHistoryOffer
    from ui.letters import LettersDialog
    from ui.live import LiveStatus, LiveUpdates
    from ui.mail import EmailLogger
    from ui.meetings_started import StartedMeetings
    from ui.notify import DueNotifier
    from ui.trash import TrashDialog

__all__ = ["RECORDS", "TITLE_BAR", "VIEWS", "MainWindow", "meet_with", "opening_text"]


def opening_text(url: str) -> str:
    """What the frame says while the database at ``url`` opens."""
    from db.paths import short_name

    return QCoreApplication.translate("MainWindow", "Opening %1…").replace("%1", short_name(url))


class OpeningPage(QWidget):
    """Where the views go, while the database opens: the app's mark, "Opening <file>…" and a
    quiet busy bar, centred on the window's own background (the views replace it)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opening_page")
        mark = QLabel(self)
        mark.setPixmap(icon("app").pixmap(QSize(56, 56)))
        mark.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        mark.setEnabled(False)  # the mark greyed: a calm frame, not a second logo screen
        self.label = QLabel(text, self)
        self.label.setObjectName("opening_label")
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.label.setWordWrap(True)  # an upgrade says more than "Opening …" (a narrow window)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.label.setFont(font)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("opening_busy")
        self.busy.setRange(0, 0)  # busy: no steps to count
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(220, 6)
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        lay.addWidget(mark)
        lay.addSpacing(12)
        lay.addWidget(self.label)  # the whole width, centred text: its height follows the wrap
        lay.addSpacing(10)
        lay.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(3)


def nav_text_width(metrics: QFontMetrics, names: list[str]) -> int:
    """How wide the navigation's names need it: its widest name on one line, unless that name
    is much the longest (Vietnamese "Bản đồ các bên liên quan", 50 px more than the next): that
    one then goes on two lines, and the lists beside get the room (a laptop's 1366 px)."""
    width = sorted(metrics.horizontalAdvance(n) for n in names)
    longest = max(names, key=metrics.horizontalAdvance)
    words = longest.split()
    halves = min(
        (
            max(
                metrics.horizontalAdvance(" ".join(words[:k])), metrics.horizontalAdvance(" ".join(words[k:]))
            )
            for k in range(1, len(words))
        ),
        default=width[-1],
    )
    folded = max(width[-2] if len(width) > 1 else 0, halves)
    return folded if width[-1] - folded >= 30 else width[-1]


class MainWindow(QMainWindow):
    ready = Signal()  # attach() built the views on the database; the commands are on
    closed = Signal()  # the window was closed (also while it was still opening)
    # The commands (ui.window_actions: made with the frame, disabled until attach)
    act_new: QAction
    act_log: QAction
    act_log_email: QAction
    act_new_action: QAction
    act_search: QAction
    act_find: QAction
    act_edit: QAction
    act_delete: QAction
    act_undo: QAction
    act_redo: QAction
    act_undo_history: QAction
    act_refresh: QAction
    act_done: QAction
    act_reschedule: QAction
    act_note: QAction
    act_settings: QAction
    act_open: QAction
    act_backups: QAction
    act_quit: QAction
    act_import: QAction
    act_import_history: QAction
    act_export: QAction
    act_export_list: QAction
    act_template: QAction
    act_export_ics: QAction
    act_export_list_ics: QAction
    act_export_vcard: QAction
    act_import_ics: QAction
    act_meeting_ics: QAction
    act_action_ics: QAction
    act_contact_vcard: QAction
    act_brief: QAction
    act_digest: QAction
    act_org_meeting: QAction
    act_duplicates: QAction
    act_history: QAction
    act_trash: QAction
    act_letters: QAction
    act_workdays: QAction
    act_draft_letter: QAction
    view_actions: list[QAction]  # View → Dashboard… Stakeholder map (Ctrl+1…)
    help_actions: dict[str, QAction]
    org_actions: list[QAction]  # an organisation's page: Reorganisation…, Assign holder… (ui.reorg)
    selection_menu: QMenu
    toolbar: QToolBar
    mail: EmailLogger
    # The status bar's offers and count, live updates, the notifier (attach: ui.window_live)
    undo_button: UndoOffer
    redo_offer: RedoOffer
    file_offer: FileOffer
    import_offer: ImportHistoryOffer
    show_all_offer: ShowAllOffer
    count_label: QLabel
    live: LiveUpdates
    live_label: LiveStatus
    notifier: DueNotifier
    started_meetings: StartedMeetings
    # Made on first use by ui.window_commands (until then absent: getattr(window, name, None))
    history_dialog: HistoryDialog
    trash_dialog: TrashDialog
    letters_dialog: LettersDialog
    duplicates_dialog: FindDuplicatesDialog
    context_menu: QMenu  # the lists' right-click menu last shown

    def __init__(
        self, ctx: AppContext | None = None, *, settings: Settings | None = None, opening: str = ""
    ) -> None:
        """The whole window on ``ctx``; or, without it, the frame only (``settings`` for its
        geometry, ``opening`` the database URL it names), to be completed by :meth:`attach`."""
        super().__init__()
        chosen = ctx.settings if ctx is not None else settings
        assert chosen is not None, "MainWindow needs an AppContext or the settings"
        self.settings: Settings = chosen
        self.is_ready = False
        self.setObjectName("main_window")
        # The name comes last: on X11, Wayland and Windows Qt appends " — <applicationDisplayName>"
        # (set by ui/main.py) to every window title unless the title already ends with it.
        self.setWindowTitle(self.tr("Relationships, meetings, commitments — Ketnoi"))
        self.setWindowIcon(icon("app"))
        self.setUnifiedTitleAndToolBarOnMac(True)
        self.record_actions: dict[str, list[QAction]] = {e: [] for e in RECORDS}
        self.menus: dict[str, QMenu] = {}
        self.views: dict[str, RecordView] = {}
        self.tray: QSystemTrayIcon | None = None

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSpacing(1)
        self.nav.setMinimumWidth(150)
        self.nav.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        metrics = self.fontMetrics()
        widest = nav_text_width(metrics, [window_views.view_name(e) for e in VIEWS])
        self.nav.setWordWrap(True)  # a name much longer than the others on two lines
        for entity in VIEWS:
            name = window_views.view_name(entity)
            item = QListWidgetItem(icon(entity), name)
            lines = 1 if metrics.horizontalAdvance(name) <= widest else 2
            item.setSizeHint(QSize(0, metrics.height() * lines + 16))
            self.nav.addItem(item)
        self.nav_width = max(150, widest + 20 + 34)  # icon, padding: no name is cut (Vietnamese)
        self.nav.setMinimumWidth(self.nav_width)
        self.stack = QStackedWidget(self)
        where = str(ctx.engine.url) if ctx is not None else opening
        self.opening_page: OpeningPage | None = None
        if ctx is None:  # "Opening …" until attach() puts the views in its place
            self.opening_page = OpeningPage(opening_text(where), self)
            self.stack.addWidget(self.opening_page)
        self.right = QWidget(self)
        rlay = QVBoxLayout(self.right)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.setSpacing(0)
        rlay.addWidget(self.stack, 1)  # the banner goes above it (attach)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        window_actions.build_actions(self)
        window_actions.build_menus(self)
        window_actions.build_toolbar(self)
        # The file's path, or the server's database and host (never a password); a long one is cut
        self.db_label = ElidedLabel(labels.database_location(where), self, Qt.TextElideMode.ElideMiddle)
        self.db_label.setMaximumWidth(320)  # the rest of the status bar is for its messages
        self.db_label.setEnabled(False)
        self.setStatusBar(ElidingStatusBar(self))  # a long sentence ends in "…", never in the count
        self.statusBar().addPermanentWidget(self.db_label)
        self.status_line = StatusLine(self)  # announcements outlast the pointer's status tips
        self.resize(1280, 800)
        self._fit_on_show = False
        self._restore_frame_state()
        last = self.settings.last_view  # the window opens where it was closed (reviewer)
        self.nav.setCurrentRow(VIEWS.index(last) if last in VIEWS else 0)
        # Until the database is open only what needs none works: switching views, Quit.
        self._waiting = [a for a in self.actions() if a is not self.act_quit and a not in self.view_actions]
        if ctx is not None:
            self.attach(ctx)
        else:
            for a in self._waiting:
                a.setEnabled(False)
            self.status_line.announce(opening_text(opening), 0)

    def say_opening(self, text: str) -> None:
        """What the frame says while the database opens (an upgrade, say)."""
        if self.opening_page is not None:
            self.opening_page.label.setText(text)
        self.status_line.announce(text, 0)

    def attach(self, ctx: AppContext) -> None:
        """Build the views on the opened database into this window, where the frame says
        "Opening …", and turn the commands on."""
        from ui.bulk import BulkActions
        from ui.commands import Commands
        from ui.dashboard import DashboardView
        from ui.dialogs import meeting_draft
        from ui.notify import WHO_HINT_MS, Banner, who_records_hint
        from ui.stakeholder_map import MapView
        from ui.team import guard_window
        from ui.welcome import mark_sample

        assert not self.is_ready, "attach() once"
        self.ctx = ctx
        for a in self._waiting:  # first: what follows may turn some off again (a reader's window)
            a.setEnabled(True)
        self.commands = Commands(ctx, self)
        self.bulk = BulkActions(ctx, self.commands, self)
        self.dashboard = DashboardView(ctx, self)
        self.dashboard.link_activated.connect(self.navigate)
        self.stack.addWidget(self.dashboard)
        self.dashboard.map.open_requested.connect(self.navigate)
        self.dashboard.map.cluster_clicked.connect(lambda x, y: window_views.open_map_cell(self, x, y))
        for entity in VIEWS[1:]:
            if entity == "map":
                self.map_view = MapView(ctx, self.commands, self)
                self.map_view.open_requested.connect(self.navigate)
                self.stack.addWidget(self.map_view)
                continue
            view = RecordView(ctx, entity, self)
            view.list.count_changed.connect(lambda e, n: window_views.count_changed(self, e, n))
            view.list.gone_by_change.connect(lambda e, i: window_views.say_gone(self, e, i))
            view.list.activated.connect(self.commands.edit)
            view.list.current_changed.connect(lambda _e, _i: self._update_enabled())
            if entity == "action":  # Mark done / Reopen follows the selection and its rows' status
                view.list.view.selectionModel().selectionChanged.connect(
                    lambda *_: window_views.label_done(self)
                )
                view.list.model.dataChanged.connect(lambda *_: window_views.label_done(self))
                view.list.model.modelReset.connect(lambda: window_views.label_done(self))
            view.detail.link_activated.connect(self.navigate)
            view.detail.away_changed.connect(lambda _away: self._update_enabled())
            view.list.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.list.view.customContextMenuRequested.connect(
                lambda pos, e=entity: self._context_menu(e, pos)
            )
            # Ctrl+Z in the filter box with no typing left to undo: the window's Undo (ui.undo_keys)
            view.list.search.installEventFilter(UndoFallsThrough(view.list.search))
            self.views[entity] = view
            self.stack.addWidget(view)
        if self.opening_page is not None:  # the views take its place: stack index = VIEWS index
            self.stack.removeWidget(self.opening_page)
            self.opening_page.deleteLater()
            self.opening_page = None
        self.banner = Banner(self)
        self.banner.show_requested.connect(lambda: window_live.show_due(self))
        layout = self.right.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.banner)
        window_actions.build_record_actions(self)
        guard_window(self)  # a reader's window: every write command off, saying why (issue 13)
        mark_sample(self)  # the sample database says so, with the way back to one's own
        self.selection_menu.aboutToShow.connect(self._fill_selection_menu)
        self._fill_selection_menu()

        window_live.attach_status(self, ctx)  # the status bar's offers and count, live updates, the tray
        self._restore_views_state()
        self.is_ready = True
        self.nav.currentRowChanged.connect(lambda row: window_views.show_view(self, row))
        window_views.show_view(self, self.nav.currentRow())  # the view chosen while it opened, if any
        self.notifier.start()
        self.started_meetings.start()
        hint = who_records_hint(ctx)  # once: which name the history records, where to choose one
        # a meeting typed when Ketnoi was last killed (a crash, a power cut): Ctrl+M offers it
        hint = hint or meeting_draft.waiting_said(ctx)
        if hint:
            self.status_line.announce(hint, WHO_HINT_MS)
        self.ready.emit()

    # --- what other modules call ----------------------------------------------------------------

    def _act(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        keys: list[str] | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        """A command of the window (a menu item, a toolbar or page button) with its keys in
        its tooltip; ``slot`` runs through Commands.opened (help_menu and reorg add theirs)."""
        a = QAction(text, self)
        a.setObjectName(f"act_{name}")
        if icon_name:
            a.setIcon(icon(icon_name))
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setToolTip(
                f"{text.replace('&', '').rstrip('…')} ({QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        # a window a menu opens that reads what it shows as it opens (Reorganisation…, Users…):
        # with the team server away, the one sentence in a box rather than a traceback
        a.triggered.connect(lambda _c=False: self.commands.opened(slot))
        self.addAction(a)
        return a

    # --- navigation -----------------------------------------------------------------------------

    def current_entity(self) -> str:
        return VIEWS[max(0, self.nav.currentRow())]

    def current_view(self) -> RecordView | None:
        return self.views.get(self.current_entity())

    def navigate(self, entity: str, record_id: int) -> None:
        """The record shown beside its list, selected in it (ui.window_views.navigate)."""
        window_views.navigate(self, entity, record_id)

    def show_actions(self, preset: str) -> None:
        """The actions of ``preset`` (overdue, due now…), every one (ui.window_views)."""
        window_views.show_actions(self, preset)

    def _update_enabled(self) -> None:
        window_views.update_enabled(self)

    # --- commands --------------------------------------------------------------------------------

    def new_record(self) -> None:
        """A new record of the kind shown (a person on the dashboard and the map), then selected."""
        window_commands.new_record(self)

    def new_action(self) -> None:
        """A new action (about the organisation on the page), then selected in Actions."""
        window_commands.new_action(self)

    def open_letters(self, select: int | None = None) -> None:
        """Tools → Letters…; ``select``: the letter shown in it."""
        window_commands.open_letters(self, select)

    def _fill_selection_menu(self) -> None:
        window_commands.fill_selection_menu(self)

    def _context_menu(self, entity: str, pos: QPoint) -> None:
        window_commands.context_menu(self, entity, pos)

    def open_database(self, url: str | None = None) -> MainWindow | None:
        """File → Open database… (Ctrl+O), in a new window in this one's place (ui.window_files)."""
        return window_files.open_database(self, url)

    def open_settings(self) -> None:
        window_files.open_settings(self)

    def settings_saved(self, dialog: SettingsDialog, language: str) -> MainWindow:
        """After Settings' OK: the window shown after it (ui.window_files.settings_saved)."""
        return window_files.settings_saved(self, dialog, language)

    def change_language(self, language: str) -> MainWindow:
        """Speak ``language`` at once: the window is built again in it, in the same place and
        size, on the same view and record (ui.relaunch); returns the new window."""
        from ui.relaunch import change_language

        return change_language(self, language)

    def _show_status(self, message: str) -> None:
        self.status_line.announce(message)

    def refresh_all(self) -> None:
        """F5: every list, page and count read again."""
        window_live.refresh_all(self)

    def _changed(self, changes: Changes) -> None:
        window_live.apply_changes(self, changes)  # (a method: disconnected with the window)

    # --- state -----------------------------------------------------------------------------------

    def _restore_frame_state(self) -> None:
        window_state.restore_frame_state(self)

    def _first_place(self, room: QRect) -> None:
        window_state.first_place(self, room)

    def place_as(self, geometry: QRect) -> None:
        """Exactly this place and size (a language switch's new window takes the old one's):
        not fitted to the screen again when it shows, as a place restored from Settings is."""
        self.setGeometry(geometry)
        self._fit_on_show = False

    def fit_to_screen(self) -> None:
        window_state.fit_to_screen(self)  # (a method: the timers of showEvent stop with the window)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_on_show:  # a restored place: again once the window manager has framed it
            self._fit_on_show = False  # (its real borders; X11 tells them a little after it shows)
            for ms in (0, 300):
                QTimer.singleShot(ms, self.fit_to_screen)

    def _restore_views_state(self) -> None:
        window_state.restore_views_state(self)

    def save_state(self) -> None:
        window_state.save_state(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.is_ready:
            self.live.stop()
            self.ctx.tasks.cancel_all()
            self.ctx.tasks.wait(10_000)
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
        self.closed.emit()
