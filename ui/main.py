"""Start the desktop app: ``ketnoi`` with no subcommand calls :func:`run`.

The window shows first and fills in after (issue 11: a visible window within three bare Qt
windows' time, when importing SQLAlchemy and SQLModel alone takes longer than that). Its frame —
title, saved place and size, menus, toolbar, navigation, status bar, "Opening <file>…" where the
views go — is built and shown before anything imports the database layer (this module, the
launcher, ui.settings and ui.main_window import none of it). Then, with the frame painted and
the event loop running, :class:`Opening` does on a worker thread what can be slow: import the
database layer, check the file for damage (``PRAGMA quick_check``, before anything reads its
schema) and open it; on the UI thread it offers the latest good backup of a damaged file, another
file or a new database in its place (:func:`ui.open_questions.offer_latest_backup`, with the
other questions a file that does not open as it is raises), or names what went wrong, and
builds the views into the same window (``MainWindow.attach``). Until then the commands that
need the database are disabled; the window can be moved, resized, switched to another view
(shown once open) or closed. The start-up's timing marks are in ui.start_timing.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from db.paths import default_url, resolve_url, short_name
from ui import file_dialogs, gui_gc, i18n, labels, quit_signals, window_titles
from ui.copies import database_files, same_file
from ui.open_questions import (
    OTHER_DATABASE,
    RESTORED,
    SIGN_IN,
    leftovers_text,
    offer_latest_backup,
    older_copy_box,
    read_only_box,
    refused_login_box,
)
from ui.settings import APPLICATION, ORGANISATION, Settings
from ui.start_timing import preload, quit_after, say, watching, when_filled, when_painted

if TYPE_CHECKING:
    from db.engine import Engine
    from ui.context import AppContext
    from ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Main", text)


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


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv[1] if len(sys.argv) > 1 else None))
