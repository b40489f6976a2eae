"""Start the desktop app: ``ketnoi`` with no subcommand calls :func:`run`.

The window shows first and fills in after (issue 11: a visible window within three bare Qt
windows' time, when importing SQLAlchemy and SQLModel alone takes longer than that). Its frame —
title, saved place and size, menus, toolbar, navigation, status bar, "Opening <file>…" where the
views go — is built and shown before anything imports the database layer (this module, the
launcher, ui.settings and ui.main_window import none of it). Then, with the frame painted and
the event loop running, :class:`Opening` does on a worker thread what can be slow: import the
database layer, check the file for damage (``PRAGMA quick_check``, before anything reads its
schema) and open it; on the UI thread it offers the latest good backup of a damaged file, another
file or a new database in its place (:func:`offer_latest_backup`), or names what went wrong, and
builds the views into the same window (``MainWindow.attach``). Until
then the commands that need the database are disabled; the window can be moved, resized,
switched to another view (shown once open) or closed. The start-up's timing marks are in
ui.start_timing.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget

from db.paths import default_url, resolve_url, short_name
from ui import file_dialogs, gui_gc, i18n, labels, quit_signals, window_titles
from ui.copies import database_files, same_file
from ui.settings import APPLICATION, ORGANISATION, Settings
from ui.start_timing import preload, quit_after, say, watching, when_filled, when_painted

if TYPE_CHECKING:
    from db.engine import Engine
    from ui.context import AppContext
    from ui.main_window import MainWindow


def run(url: str | None = None, *, settings: Settings | None = None) -> int:
    """Show the main window at once, then open the database at ``url`` (or the one chosen in
    Settings) in it; returns the exit code (1: the database could not be opened)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    gui_gc.install(app)  # the cyclic collector on this (the GUI) thread only: before any worker starts
    quit_signals.install(app)  # SIGTERM (a logout, kill) quits as the window does: drafts written first
    window_titles.install(app)  # every dialog as wide as its title
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Ketnoi")
    settings = settings or Settings()
    i18n.install(app, settings.language)  # Settings → Language; default: the system's
    # The CLI passes the resolved default when no --db was given: then the location chosen in
    # Settings wins. An explicit --db or KETNOI_DATABASE_URL (anything else) wins over Settings.
    if settings.database_url and (not url or url == default_url()):
        url = settings.database_url
    elif url and url != default_url():
        settings.command_line_url = resolve_url(url)  # for this session only (Settings says so)
    target = resolve_url(url)
    from ui.main_window import MainWindow

    window = MainWindow(settings=settings, opening=target)  # the frame: Qt only
    window.show()
    if watching():
        when_painted(window, lambda: say("window frame painted"))
    ended = Opening(window, target, settings).wait()
    if ended is not None:  # could not open (the person was told), or closed meanwhile
        window.close()
        window.deleteLater()  # not left among the application's windows (tests run several)
        QCoreApplication.sendPostedEvents(window, QEvent.Type.DeferredDelete)
        return ended
    if watching():

        def filled() -> None:
            say("window ready")
            quit_after(window)

        when_filled(window, filled)
    engine = window.ctx.engine
    started(window)
    code = app.exec()
    let_go(engine)
    return int(code)


def let_go(engine: Engine) -> None:
    """The window's database closed: a file moved while open first gets what its ``-wal``
    holds (db.engine.settle_if_moved; SQLite leaves that behind at the old path)."""
    from db.engine import settle_if_moved

    settle_if_moved(engine)
    engine.dispose()


def started(window: MainWindow) -> bool:
    """What follows the opening of a database in ``window`` (at start, or File → Open
    database…): colleagues' saves followed live, the first-run welcome, today's backup — none of
    it on a file opened read-only (nothing is written beside it). Returns whether it was."""
    from db import backup as backups
    from db.engine import read_only_reason
    from ui.welcome import maybe_welcome

    ctx = window.ctx
    read_only = read_only_reason(ctx.engine) is not None  # opened read-only: nothing written beside it
    if read_only:
        return True
    window.live.start(window.live_label)  # colleagues' saves, live (issue 13)
    maybe_welcome(window)  # its sample data would be written into the file
    say_stopped_imports(window)
    # Today's copy, off the UI thread (a big file takes a second or two to copy).
    engine = ctx.engine
    ctx.tasks.run(
        lambda _task: backups.daily(engine), on_error=lambda exc: daily_backup_failed(ctx, exc), write=True
    )
    return False


def say_stopped_imports(window: MainWindow) -> None:
    """An import this database's window was writing when it died (killed, a power cut): said
    once, in the status bar — nothing of it was written (app.import_underway)."""
    from app import import_underway as underway  # (not the import package: start-up stays light)
    from db.engine import sqlite_path

    db_file = sqlite_path(str(window.ctx.engine.url))
    if db_file is None:
        return
    try:
        with window.ctx.read() as s:
            found = underway.stopped(s, db_file)
    except Exception:  # only a courtesy: never in the way of the start
        return
    if found:
        window.status_line.announce(
            tr(
                "The import of %1 did not finish: Ketnoi was closed or stopped while it was writing. "
                "Nothing from it was written; import the file again."
            ).replace("%1", ", ".join(dict.fromkeys(f.file_name for f in found))),
            0,
        )


def daily_backup_failed(ctx: AppContext, exc: BaseException) -> None:
    """Today's copy could not be made (a full disk, a folder read-only): the status bar says so
    once, and the Backups dialog says it, with when, while this database is open (reviewer: a
    window under a full disk made no copy and said nothing, yet the dialog said "once a day")."""
    from app.errors import UserError
    from db import clock
    from ui.not_written import error_text

    ctx.daily_backup_failed = (clock.now(), exc)
    said = error_text(exc) if isinstance(exc, UserError) else str(exc)
    ctx.status_message.emit(tr("Today's automatic backup was not made: %1").replace("%1", said))


def choose_database(window: MainWindow) -> str | None:
    """File → Open database…: the URL of a database file chosen in a file dialog, opening in the
    open file's folder (None: cancelled, or the file open already, which the status bar says)."""
    from db.engine import sqlite_path

    current = sqlite_path(str(window.ctx.engine.url))
    folder = str(current.parent) if current is not None else str(Path.home())
    chosen, _ = file_dialogs.get_open_file_name(window, tr("Open database"), folder, database_files())
    if not chosen:
        return None
    if same_file(Path(chosen), current):
        window.status_line.announce(tr("%1 is open already.").replace("%1", str(current)))
        return None
    return resolve_url(chosen)


def open_database_in(old: MainWindow, url: str) -> MainWindow | None:
    """Open the database at ``url`` in place of the one ``old`` shows: the same way as at start
    (:class:`Opening`: a damaged file's backup offered, a read-only file opened to look, a copy of
    a read-only file of an older schema), in a new window at the same place and size. Once it is
    open the old window closes and its database with it, and the file is the one Ketnoi opens at
    start from now on (as Settings → Database; not a file opened read-only, only looked at).
    Cancelled or failed (the person was told): the old window as it was, and None."""
    from ui.main_window import MainWindow

    settings = old.settings
    old.save_state()  # the new window takes its splitters and columns
    new = MainWindow(settings=settings, opening=url)
    new.place_as(old.geometry())
    new.setWindowState(old.windowState())
    new.show()
    old.hide()
    opening = Opening(new, url, settings, instead=True)
    if opening.wait() is not None:  # not opened: the person was told (or closed the new frame)
        old.show()
        old.raise_()
        old.activateWindow()
        new.close()
        new.deleteLater()
        return None
    engine = new.ctx.engine
    new.closed.connect(lambda: let_go(engine))  # run() disposes only the first window's
    read_only = started(new)
    if not read_only:
        settings.database_url = opening.url  # the copy, or the file chosen instead of a damaged one
    retire(old)
    where = labels.database_location(opening.url)
    new.status_line.announce(
        tr("Opened %1 (read-only).").replace("%1", where)
        if read_only
        else tr("Opened %1. Ketnoi opens it at start from now on.").replace("%1", where)
    )
    return new


def retire(window: MainWindow) -> None:
    """Close ``window`` (its work waited for, its state saved) and its database."""
    engine = window.ctx.engine
    window.close()
    window.deleteLater()
    let_go(engine)


class Opening(QObject):
    """Opens the database at ``url`` into the shown frame ``window``: the import of the database
    layer, the damage check and the opening on a worker thread, the questions and the views on
    the UI thread. :meth:`wait` runs an event loop until it is done."""

    upgrading = Signal()  # open_database is upgrading the file (emitted on the worker, queued here)

    FIRST_PAINT_WAIT_MS = 100  # start anyway if the frame is not painted by then (hidden, elsewhere)

    def __init__(self, window: MainWindow, url: str, settings: Settings, *, instead: bool = False) -> None:
        """``instead``: File → Open database…, in place of a database that stays open until
        this one is: the questions' way out is Cancel (back to it), not Quit; nothing is asked
        about every start (the caller remembers the file opened)."""
        super().__init__(window)
        from ui.tasks import TaskManager

        self.window, self.url, self.settings = window, url, settings
        self.instead = instead
        self.leave = tr("Cancel") if instead else tr("Quit")
        self.code: int | None = None
        self.done = False
        # The damaged file's URL and what was found, once the person chose another file or a
        # new database instead (None otherwise): what the Settings question names, and what is
        # offered again should that choice not open either.
        self.damaged: tuple[str, str] | None = None
        # The read-only file of an older schema a copy was saved from and opened instead of.
        self.copied_from: str | None = None
        # The team database whose server turned the login away, another database chosen instead.
        self.refused: str | None = None
        self._started = False
        self._loop = QEventLoop(self)
        self._tasks = TaskManager(self)
        window.closed.connect(lambda: self._finish(0))
        # An older file is upgraded while it opens (at a million contacts 0014 takes ~13 s):
        # the frame says so instead of only "Opening …".
        self.upgrading.connect(self._upgrading)

    def wait(self) -> int | None:
        """None once the window holds the opened database; else the exit code: 1 when it could
        not be opened (the person was told), 0 when the window was closed meanwhile."""
        # After the frame's first paint: the worker's imports would hold the interpreter's lock
        # through it.
        when_painted(self.window, self._start)
        QTimer.singleShot(self.FIRST_PAINT_WAIT_MS, self._start)
        if not self.done:
            self._loop.exec()
        return self.code

    def _start(self) -> None:
        if self._started or self.done:
            return
        self._started = True
        self._check_and_open()

    def _check_and_open(self, *, check: bool = True) -> None:
        """On the worker: the damage check (unless ``check`` is False: a backup just restored,
        which restore checked), then the opening; on the UI thread: the views, or the offer."""
        url, upgrading = self.url, self.upgrading.emit

        def prepare(_task: Any) -> tuple[str | None, Engine | None]:
            from db.migrate import ReadOnlyDatabaseError, open_database, quick_check
            from db.read_only import unreadable

            # A damaged file is noticed before anything reads its schema (the version may sit
            # on a broken page, and then nothing would open): the latest good backup is offered.
            try:
                problem = quick_check(url) if check else None
                if problem:
                    return problem, None
                engine = open_database(url, on_upgrade=upgrading)
            except ReadOnlyDatabaseError as exc:
                # Read-only, and older or with changes in a -wal that need a -shm: "Open
                # read-only" could not work; the copy (or what to do) is said at once.
                cannot = unreadable(url)
                if cannot is not None:
                    raise cannot from exc
                raise
            except Exception as exc:  # a login the server turned away: did it want a password?
                from db.engine import needs_password, refused_login_in

                if refused_login_in(exc) is not None:
                    exc.needs_password = needs_password(url)  # type: ignore[attr-defined]
                raise
            preload()
            return None, engine

        self._tasks.run(prepare, on_done=self._prepared, on_error=self._failed)

    def _prepared(self, result: tuple[str | None, Engine | None]) -> None:
        problem, engine = result
        if self.done:
            if engine is not None:
                engine.dispose()
            return
        if engine is not None:
            self._opened(engine)
            return
        assert problem is not None
        self._offer(self.url, problem)

    def _offer(self, url: str, problem: str) -> None:
        """The file at ``url`` is damaged: its backup, another file, a new database, or quit."""
        choice = offer_latest_backup(url, problem, self.settings, parent=self.window, leave=self.leave)
        if choice is None:
            self._finish(1)
            return
        how, target = choice
        if how != RESTORED:  # another file, or a new one: checked and opened like any
            from ui.main_window import opening_text

            self.damaged = (url, problem)
            self.url = target
            self.window.say_opening(opening_text(target))
            self._check_and_open()
            return
        self.url = url
        self._check_and_open(check=False)

    def _opened(self, engine: Engine) -> None:
        if self.done:
            engine.dispose()
            return
        from ui.context import AppContext

        self.window.attach(AppContext(engine, self.settings))
        if self.instead:  # File → Open database…: the caller remembers the file opened
            pass
        elif self.damaged is not None and self.damaged[0] != self.url:
            self._remember(self.damaged[0])
        elif self.copied_from is not None and self.copied_from != self.url:
            self._remember(self.copied_from, why="copy")
        elif self.refused is not None and self.refused != self.url:
            self._remember(self.refused, why="refused")
        self._finish(None)

    def _remember(self, damaged_url: str, *, why: str = "damaged") -> None:
        """Asked once another file or a new database opened in place of a damaged one, a copy
        in place of a read-only file of an older schema (``why`` "copy"), or another database in
        place of a team database whose server turned the login away ("refused"): open it at
        every start from now on (Settings → Database)? Else the next start finds the damaged
        (read-only, refusing) one again, and nothing leads back to the one chosen (reviewer)."""
        from db.paths import short_name

        if why == "refused":
            question = QCoreApplication.translate(
                "Main", "Open %1 at every start from now on, instead of %2?"
            )
            note = QCoreApplication.translate(
                "Main",
                "The server of %1 turned the login away. Once you have the password, choose it again "
                "in Settings → Database.",
            ).replace("%1", short_name(damaged_url))
        elif why == "damaged":
            question = QCoreApplication.translate(
                "Main", "Open %1 at every start from now on, instead of the damaged %2?"
            )
            note = QCoreApplication.translate(
                "Main", "You can change it later in Settings → Database. The damaged file stays where it is."
            )
        else:
            question = QCoreApplication.translate(
                "Main", "Open the copy %1 at every start from now on, instead of the read-only %2?"
            )
            note = QCoreApplication.translate(
                "Main",
                "Changes are saved in the copy, not in %1. You can change it later in Settings → Database.",
            ).replace("%1", short_name(damaged_url))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Ketnoi",
            question.replace("%1", short_name(self.url)).replace("%2", short_name(damaged_url)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("remember_database")
        box.setInformativeText(note)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.settings.database_url = self.url

    def _failed(self, exc: BaseException) -> None:
        if self.done:
            return
        from db.engine import describe_url, refused_login_in

        if refused_login_in(exc) is not None:
            if not self._signed_in_again(exc):
                self._finish(1)
            return
        from db.migrate import DatabaseError, LeftoverFilesError, ReadOnlyDatabaseError
        from db.read_only import OlderSchemaError

        if isinstance(exc, ReadOnlyDatabaseError):
            if read_only_box(exc, self.window, leave=self.leave):  # "Open read-only": to look, not to change
                self._open_read_only(exc)
                return
        elif isinstance(exc, OlderSchemaError):  # read-only and older: a copy is what can open
            copy = older_copy_box(exc, self.window, leave=self.leave)
            if copy is not None:
                self._copy_and_open(exc.path, copy)
                return
            self._finish(1)
            return
        elif isinstance(exc, LeftoverFilesError):  # never a new database over a moved one's -wal
            text = QCoreApplication.translate("Main", "Ketnoi cannot open the database\n%1\n\n%2")
            exc = DatabaseError(leftovers_text(exc.path, exc.found))
        elif isinstance(exc, DatabaseError):
            text = QCoreApplication.translate("Main", "Ketnoi cannot open the database\n%1\n\n%2")
        else:  # a missing server, a bad URL, a file we may not write
            text = QCoreApplication.translate("Main", "Ketnoi cannot reach the database\n%1\n\n%2")
        if not isinstance(exc, ReadOnlyDatabaseError):
            try:
                where = describe_url(self.url)
            except Exception:  # a URL SQLAlchemy cannot even parse: named as given
                where = self.url
            from ui.service_words import service_text

            said = service_text(str(exc))  # (a file that is no database: in the window's language)
            QMessageBox.critical(self.window, "Ketnoi", text.replace("%1", where).replace("%2", said))
        if self.damaged is not None:  # the file chosen instead of a damaged one did not open
            self._offer(*self.damaged)
            return
        self._finish(1)

    def _signed_in_again(self, exc: BaseException) -> bool:
        """The team server turned the login away (a wrong or changed password, a disabled
        login, no password given): said in the person's words, with a way on — the password
        and server typed again (kept where Settings → Database keeps them) or another
        database — instead of an English box whose OK quit, Settings out of reach (reviewer).
        True when the opening goes on; False: Quit (or Cancel, for File → Open database…)."""
        choice = refused_login_box(
            self.url, bool(getattr(exc, "needs_password", False)), str(exc), self.window, leave=self.leave
        )
        if choice is None:
            return False
        how, url = choice
        if how == OTHER_DATABASE:
            self.refused = self.refused or self.url
        if how == SIGN_IN and not self.instead and resolve_url(self.settings.database_url or "") == self.url:
            self.settings.database_url = url  # (its password goes to Ketnoi's password file)
            url = resolve_url(self.settings.database_url)
        elif how == SIGN_IN:
            from db.engine import remember_password

            url = resolve_url(remember_password(url))
        from ui.main_window import opening_text

        self.url = url
        self.window.say_opening(opening_text(url))
        self._check_and_open()
        return True

    def _open_read_only(self, reason: Any) -> None:
        """On the worker: open the file read-only (db.read_only: checked for damage, its schema
        this Ketnoi's); on the UI thread: the views, every write command off (ui.team)."""
        url = self.url

        def prepare(_task: Any) -> tuple[str | None, Engine | None]:
            from db.read_only import open_read_only

            engine = open_read_only(url, reason)
            preload()
            return None, engine

        self._tasks.run(prepare, on_done=self._prepared, on_error=self._failed)

    def _copy_and_open(self, source: Path, copy: Path) -> None:
        """On the worker: ``source`` (read-only, of an older schema) copied as it is to ``copy``
        (db.backup reads it without writing beside it); then the copy opened as any file is,
        which upgrades it (keeping a copy from before). The source is left as it is."""
        from ui.main_window import opening_text

        self.copied_from = self.url
        self.url = resolve_url(str(copy))
        self.window.say_opening(opening_text(self.url))

        def take(_task: Any) -> None:
            from db import backup as backups
            from db.migrate import DatabaseError

            try:
                backups.take(source, "manual", to=copy)
            except backups.BackupError as exc:
                raise DatabaseError(str(exc)) from exc

        self._tasks.run(take, on_done=lambda _r: self._check_and_open(), on_error=self._failed)

    def _upgrading(self) -> None:
        if not self.done:
            self.window.say_opening(
                QCoreApplication.translate(
                    "Main",
                    "Upgrading %1 for this version of Ketnoi (a copy is kept first); a big file takes a while…",
                ).replace("%1", short_name(self.url))
            )

    def _finish(self, code: int | None) -> None:
        if self.done:
            return
        self.done, self.code = True, code
        self._loop.quit()


RESTORED, ANOTHER, NEW = "restored", "another", "new"  # what offer_latest_backup's person chose


def tr(text: str) -> str:
    return QCoreApplication.translate("Main", text)


def _another_button(box: QMessageBox, text: str) -> QPushButton:
    """A start-up question's "Open another …" button (the caller then asks for the file)."""
    another = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
    another.setObjectName("open_another")
    return another


def _leave_button(box: QMessageBox, leave: str) -> None:
    """A start-up question's way out, also its Escape: Quit, or ``leave`` (such as "Cancel"
    when the window is already open)."""
    close = box.addButton(QMessageBox.StandardButton.Close)
    close.setText(leave or tr("Quit"))
    close.setObjectName("quit")
    box.setEscapeButton(close)


def offer_latest_backup(
    url: str, problem: str, settings: Settings, parent: QWidget | None = None, *, leave: str = ""
) -> tuple[str, str] | None:
    """The database at ``url`` is damaged: say so and offer the ways on. Returns what was
    chosen and the URL to open now, or None to quit:

    - (:data:`RESTORED`, ``url``): its latest good backup was put in its place (offered when
      there is one; the damaged file is kept aside byte for byte, see db.backup.restore);
    - (:data:`ANOTHER`, other URL): "Open another file…", a file chosen in a file dialog;
    - (:data:`NEW`, new URL): "Start a new database…", a path chosen for a new, empty database
      (the caller creates it by opening it).

    Nothing is written to the damaged file, renamed or deleted, whatever is chosen other than
    restoring. What SQLite found is under Show Details, after one plain sentence on what to do
    with the file (it means little to most people)."""
    from db import backup as backups
    from db.engine import describe_url, sqlite_path
    from db.migrate import DatabaseError, restore_database

    path = sqlite_path(url)
    name = str(path) if path is not None else describe_url(url)
    good = backups.latest_good(path) if path is not None else None
    while True:
        box = QMessageBox(QMessageBox.Icon.Critical, "Ketnoi", "", parent=parent)
        box.setObjectName("damaged_database")
        text = tr("The database %1 is damaged, so Ketnoi will not write to it.").replace("%1", name)
        box.setDetailedText(
            tr(
                "Ketnoi has left %1 exactly as it is. Keep it, and give a copy to your IT support or "
                "to Ketnoi's support: they may be able to recover records from it."
            ).replace("%1", name)
            + "\n\n"
            + tr("What SQLite reported:")
            + "\n"
            + problem
        )
        restore = None
        if good is None:
            box.setText(text + " " + tr("No backup of it was found."))
            box.setInformativeText(
                tr(
                    "Ask your IT support to look at the file (Ketnoi leaves it untouched). Meanwhile you "
                    "can open another database file or start a new, empty database."
                )
            )
        else:
            box.setText(
                text
                + " "
                + tr("Open its latest good backup, from %1? (The damaged file is kept aside.)").replace(
                    "%1",
                    settings.fmt_datetime(good.at)
                    + ("" if not good.ahead else " " + tr("(named while the computer's clock was ahead)")),
                )
            )
            box.setInformativeText(
                tr(
                    "Or open another database file, or start a new, empty database: the damaged file is left as it is."
                )
            )
            restore = box.addButton(tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
            restore.setObjectName("restore_latest")
        another = _another_button(box, tr("Open another file…"))
        new = box.addButton(tr("Start a new database…"), QMessageBox.ButtonRole.ActionRole)
        new.setObjectName("start_new")
        _leave_button(box, leave)
        box.setDefaultButton(restore or another)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is restore and good is not None:
            try:
                restore_database(url, good.path)
            except DatabaseError as exc:
                QMessageBox.critical(parent, "Ketnoi", str(exc))
                return None
            return RESTORED, url
        if clicked is another:
            chosen = _choose_other(path, parent)
            if chosen is not None:
                return ANOTHER, chosen
            continue  # cancelled or refused: the question again
        if clicked is new:
            chosen = _choose_new(path, parent)
            if chosen is not None:
                return NEW, chosen
            continue
        return None


SIGN_IN, OTHER_DATABASE = "sign_in", "other_database"


def refused_login_box(
    url: str, wants_password: bool, said: str, parent: QWidget | None = None, *, leave: str = ""
) -> tuple[str, str] | None:
    """The team server at ``url`` turned the login away (``wants_password``: it asked for a
    password and none was given): what happened in the window's language, the server named as
    Settings names it; the server's own words only under Show Details. Offers "Type the
    password…" (the server's address and the password: ``(SIGN_IN, url with the password)``),
    "Open another database…" (``(OTHER_DATABASE, its url)``), or Quit (None)."""
    from urllib.parse import urlsplit

    try:
        login = urlsplit(url).username or ""
    except ValueError:
        login = ""
    where = labels.database_location(url)
    while True:
        box = QMessageBox(QMessageBox.Icon.Warning, "Ketnoi", "", parent=parent)
        box.setObjectName("login_refused")
        if wants_password:
            text = tr("The server asks for the password of the login %1 to open %2.")
            note = tr(
                "Type the password you were given; Ketnoi keeps it in its own password file, readable by you alone."
            )
        else:
            text = tr("The server turned the login %1 away: Ketnoi cannot open %2.")
            note = tr(
                "The password may be wrong or changed, or your administrator may have disabled the "
                "login. Type the password again, or ask your administrator."
            )
        box.setText(text.replace("%1", login or "?").replace("%2", where))
        box.setInformativeText(note)
        box.setDetailedText(said)
        sign_in = box.addButton(tr("Type the password…"), QMessageBox.ButtonRole.AcceptRole)
        sign_in.setObjectName("type_password")
        another = _another_button(box, tr("Open another database…"))
        _leave_button(box, leave)
        box.setDefaultButton(sign_in)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is sign_in:
            typed = server_password_dialog(url, parent)
            if typed is not None:
                return SIGN_IN, typed
            continue
        if clicked is another:
            chosen = _choose_other(None, parent)
            if chosen is not None:
                return OTHER_DATABASE, chosen
            continue
        return None


def server_password_dialog(url: str, parent: QWidget | None = None) -> str | None:
    """Settings → Database's team server, at start: its URL (without a password, as Settings
    shows it) and the password, hidden as it is typed; the URL with the password (None:
    cancelled)."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

    from db.engine import server_url_shown, with_password

    shown = server_url_shown(url)
    dialog = QDialog(parent)
    dialog.setObjectName("server_password")
    dialog.setWindowTitle(tr("Database"))
    dialog.setMinimumWidth(480)
    form = QFormLayout(dialog)
    intro = QLabel(tr("A team server (PostgreSQL URL)"), dialog)
    form.addRow(intro)
    server = QLineEdit(shown, dialog)
    server.setObjectName("server_url")
    form.addRow(tr("Server:"), server)
    password = QLineEdit(dialog)
    password.setObjectName("server_password_field")
    password.setEchoMode(QLineEdit.EchoMode.Password)
    form.addRow(tr("Password:"), password)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Sign in"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    password.setFocus()
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        return None
    try:
        return with_password(server.text().strip() or shown, password.text())
    except Exception:  # a URL that cannot be read: the one that was open, with the password
        return with_password(url, password.text())


def read_only_box(exc: Any, parent: QWidget | None = None, *, leave: str = "") -> bool:
    """A sound-looking file Ketnoi may not write where it lies (db.migrate.ReadOnlyDatabaseError:
    a read-only folder or file): where, and what to do. Not the damage offer: nothing is wrong
    with the file, so no backup and no new database are offered. True when the person chose
    "Open read-only" (to look: db.read_only), False for Quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Ketnoi", "", parent=parent)
    box.setObjectName("read_only_database")
    if exc.folder:
        text = tr(
            "Ketnoi cannot open %1 for changes: the folder %2 is read-only for you, and Ketnoi "
            "creates two small files beside a database it works on (%3-wal and %3-shm)."
        )
    else:
        text = tr("Ketnoi cannot open %1 for changes: the file %2 is read-only for you.")
    box.setText(
        text.replace("%1", str(exc.path)).replace("%2", str(exc.blocked)).replace("%3", exc.path.name)
        + " "
        + tr("This does not mean the database is damaged; nothing was changed.")
    )
    box.setInformativeText(
        tr(
            "Copy the database to a folder you can write, for example Documents, and open the copy; "
            "or ask your IT support for write access to %1."
        ).replace("%1", str(exc.blocked))
        + " "
        + tr("To look at it without changing anything, open it read-only.")
    )
    box.setDetailedText(str(exc))
    look = box.addButton(tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    look.setObjectName("open_read_only")
    look.setToolTip(tr("Look at it, search it and print briefs; nothing can be changed or saved in it."))
    _leave_button(box, leave)
    box.setDefaultButton(look)
    box.exec()
    chosen = box.clickedButton() is look
    box.deleteLater()
    return chosen


def older_copy_box(exc: Any, parent: QWidget | None = None, *, leave: str = "") -> Path | None:
    """A file Ketnoi may not write, of a schema older than this Ketnoi's (db.read_only.
    OlderSchemaError): reading it would need an upgrade, which writes. Offers "Save a copy and
    open it…": the new file chosen (never one that exists), or None for Quit."""
    while True:
        box = QMessageBox(QMessageBox.Icon.Warning, "Ketnoi", "", parent=parent)
        box.setObjectName("older_read_only")
        box.setText(
            tr(
                "%1 was saved by an older Ketnoi (schema %2). This Ketnoi can open it only after "
                "upgrading it, which would change the file, and the file is read-only for you."
            )
            .replace("%1", str(exc.path))
            .replace("%2", str(exc.revision))
        )
        box.setInformativeText(
            tr(
                "Save a copy in a folder you can write: Ketnoi opens the copy and upgrades it, "
                "keeping a copy from before. %1 itself is left as it is."
            ).replace("%1", exc.path.name)
        )
        box.setDetailedText(str(exc))
        save = box.addButton(tr("Save a copy and open it…"), QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("save_older_copy")
        _leave_button(box, leave)
        box.setDefaultButton(save)
        box.exec()
        chosen = box.clickedButton() is save
        box.deleteLater()
        if not chosen:
            return None
        copy = _choose_copy(exc.path, parent)
        if copy is not None:
            return copy


def _choose_copy(source: Path, parent: QWidget | None) -> Path | None:
    """Where the copy of ``source`` goes: a new file in a folder that may be written (None:
    cancelled); ui.copies asks again after a refusal."""
    from ui.copies import choose_new_file

    folder = Path.home() / "Documents"
    folder = folder if folder.is_dir() else Path.home()
    return choose_new_file(parent, tr("Save a copy of the database"), folder / source.name, source)


def _choose_other(damaged: Path | None, parent: QWidget | None) -> str | None:
    """ "Open another file…": the URL of a database file chosen in a file dialog (None if none)."""
    from db.paths import resolve_url

    folder = str(damaged.parent) if damaged is not None else ""
    chosen, _ = file_dialogs.get_open_file_name(
        parent,
        tr("Open another database"),
        folder,
        database_files(),
    )
    if not chosen:
        return None
    if same_file(Path(chosen), damaged):
        QMessageBox.information(parent, "Ketnoi", tr("That is the damaged file. Choose another one."))
        return None
    return resolve_url(chosen)


def leftovers_text(path: Path, found: list[Path]) -> str:
    """No database at ``path`` but its ``-wal``/``-shm`` (``found``) beside it, in the window's
    language (db.paths.leftovers_refusal)."""
    from db.paths import size_text

    sized = ", ".join(f"{f.name} ({size_text(f)})" for f in found)
    return (
        QCoreApplication.translate(
            "Main",
            "There is no database at %1, but %2 is left beside it: the last changes of a database "
            "that was moved, renamed or deleted while it was open may be in it. Ketnoi does not "
            "create a new database there (that would wipe them). Put the database file back at %1, "
            "or open it where it is now; only if you are sure nothing in them is needed, move %3 "
            "away first.",
        )
        .replace("%1", str(path))
        .replace("%2", sized)
        .replace("%3", ", ".join(f.name for f in found))
    )


def _choose_new(damaged: Path | None, parent: QWidget | None) -> str | None:
    """ "Start a new database…": the URL of a new file (that does not exist yet) for an empty
    database, chosen in a file dialog (None if none). An existing file is never overwritten."""
    from db.paths import leftovers, resolve_url
    from ui.file_names import new_database_word

    folder = damaged.parent if damaged is not None else Path.home()
    new = new_database_word()  # "ketnoi-moi.db" in the Vietnamese window
    suggested = folder / f"ketnoi-{new}.db"
    n = 1
    while suggested.exists():
        n += 1
        suggested = folder / f"ketnoi-{new}-{n}.db"
    chosen, _ = file_dialogs.get_save_file_name(
        parent,
        tr("Start a new database"),
        str(suggested),
        database_files(),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not chosen:
        return None
    target = Path(chosen)
    if not target.suffix:
        target = target.with_suffix(".db")
    if found := leftovers(target):  # a moved database's -wal: no new database over it
        QMessageBox.information(parent, "Ketnoi", leftovers_text(target, found))
        return None
    if target.exists() or same_file(target, damaged):
        QMessageBox.information(
            parent,
            "Ketnoi",
            QApplication.translate(
                "Main", "%1 exists already. A new database needs a new file name: choose another one."
            ).replace("%1", str(target)),
        )
        return None
    if not target.parent.is_dir():
        QMessageBox.information(
            parent,
            "Ketnoi",
            tr("There is no folder %1.").replace("%1", str(target.parent)),
        )
        return None
    return resolve_url(str(target))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv[1] if len(sys.argv) > 1 else None))
