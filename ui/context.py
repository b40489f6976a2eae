"""What every window shares: the engine, the settings, the task manager, a change bus and the
Edit → Undo offer.

Widgets hold ids and plain dicts, never ORM objects or sessions. Small bounded reads (a page
of ids, the rows of one screen, one record) run on the UI thread through :meth:`read`; writes
go through :meth:`write`, which runs the function in the single-worker write lane and then
announces what it changed (:class:`app.changes.Changes`, read back from the history the write
recorded) through :meth:`publish`, so that each view refreshes only what the change touches.
Changes made elsewhere (another process, a PostgreSQL notification) enter through
:meth:`records_changed` with plain kinds and ids.

The Undo offer (Edit → Undo, Ctrl+Z, the status bar) is this window's latest step not yet
undone: after every change, and at start, a background read asks :mod:`app.undo` for it among
the history groups this window wrote (each write remembers its groups, :attr:`own_groups`) and,
from before the window opened, the steps recorded under this user's name, so that after a
restart Ctrl+Z takes up where the user left off. What another window, the command line or a
colleague did since the window opened is not offered, though the same name may have recorded
it (reviewer: Ctrl+Z undid ``ketnoi contact edit``'s change, not her own edit): Edit → Undo
history… lists every step, with whose it was. The Redo offer (Edit → Redo, Ctrl+Y) is this
window's too: the undos just done, offered back while the latest of them is still the latest
thing this window did (any new change here withdraws it, as everywhere).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app import changes as change_log
from app import dashboard, identity, team, undo, undo_history
from app.changes import Changes
from app.errors import DatabaseBusy, DatabaseMoved, NotPermitted, UserError
from db import clock
from db.engine import Engine, Session, read_session, server_address, server_unreachable, unit_of_work
from ui.i18n import interface_language
from ui.settings import Settings
from ui.tasks import Task, TaskManager

# what the background read of the offers finds: Undo's (label, group), an import on top, why
# nothing is offered (a restore from a backup since the user's last operation; "" otherwise),
# and where the history stood when the window opened (app.undo.Own.opened_at)
# the offer (label, group), an import above it, why nothing is offered, the history's mark when
# the window opened, and when the offered step was done if it was before that (else None)
_Offer = tuple[tuple[str, str] | None, undo_history.ImportOnTop | None, str, int, dt.datetime | None]
OWN_GROUPS = 500  # the steps a window remembers as its own (Ctrl+Z goes back this far)


def recorded_name(session: Session, staff_id: int | None) -> str:
    """The name this window's changes go into the history under (:meth:`AppContext.actor`),
    read in ``session`` off the UI thread: what "my latest change" is looked up by. (Undo read
    the staff name alone, "" with none chosen, and offered nothing once changes were recorded
    under the login name.)"""
    return (dashboard.staff_name(session, staff_id) if staff_id is not None else "") or team.login_name()


class Refused(NotPermitted):
    """A team database's refusal of this login, said in the person's language
    (:meth:`AppContext.in_words`)."""


class Unreachable(UserError):
    """The team database's server could not be reached, said in the person's language
    (:meth:`AppContext.unreachable_text`); what the library said is its ``__cause__``."""


class AppContext(QObject):
    # entity ("" for several kinds) and the ids touched: the older, coarse announcement, still
    # emitted with every publish; an emit of it alone counts as a change not known in detail
    changed = Signal(str, list)
    # what a write changed (app.changes.Changes): the views listen to this one
    changes = Signal(object)
    status_message = Signal(str)
    # the latest undoable operation changed (its label, "" when there is none)
    undo_changed = Signal(str)
    # the operation Edit → Redo would do again changed (its label, "" when there is none)
    redo_changed = Signal(str)
    # a team database: an administrator changed the signed-in login's role while the window is
    # open (old, new app.team.Identity; a role of "" = disabled): ui.team follows it
    identity_changed = Signal(object, object)
    # a team database's live feed connected (again): what could not reach the server reads again
    server_back = Signal()
    # a team database's live feed lost the server (offline): what is on screen is read again, to
    # learn whether it is still current (the record page: ui.details.pane)
    server_away = Signal()

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.settings = settings
        # Settings → I am on this database, kept (:meth:`chosen`): (this computer's choice, answer)
        self._chosen: tuple[tuple[int | None, str], tuple[int | None, str]] | None = None
        self.tasks = TaskManager(self)
        # (label, group_id) of the operation Edit → Undo offers; read from the database
        self.undo_offer: tuple[str, str] | None = None
        # when the offered step was done, if it was before this window opened (a restart since:
        # Ctrl+Z then asks first, naming it; reviewer h108: the next morning's Ctrl+Z sent
        # yesterday's meeting to the trash without a word)
        self.undo_offer_earlier: dt.datetime | None = None
        # this user's latest import when it is newer than that operation (or there is none):
        # Ctrl+Z then says where the import is undone instead of undoing what came before it
        self.import_on_top: undo_history.ImportOnTop | None = None
        # why nothing is offered when the database was restored from a backup since this user's
        # last operation (app.undo.RestoreMark: Undo does not reach back across it); "" otherwise
        self.undo_blocked = ""
        self._undo_reads = 0  # only the latest read of the offer counts
        # groups whose undo is on its way (Ctrl+Z pressed, not written yet): a read of the offer
        # that ran before the undo was written names them still, and is not offered again
        self._undoing: set[str] = set()
        # the history groups this window wrote, oldest first (at most OWN_GROUPS), and the
        # history's last id when it opened (read with the first offer): what Ctrl+Z undoes
        self.own_groups: dict[str, None] = {}
        self.opened_at: int | None = None
        # (label, undo group id) of the undos done here, the latest last: Edit → Redo undoes the
        # latest undo; offered while ``_redo_mark`` (that undo's group, or the redo's just done)
        # is still this window's latest change (:meth:`latest_own`)
        self.redo_stack: list[tuple[str, str]] = []
        self._redo_mark = ""
        self._publishing = False
        # the change being published is another window's or program's (live updates), not one
        # this window's person made: a list does not move its selection on for it
        self.from_elsewhere = False
        # (when, the error) of today's automatic copy when it could not be made (ui.main.started):
        # the status bar says it once, the Backups dialog while this database is open
        self.daily_backup_failed: tuple[dt.datetime, BaseException] | None = None
        # the language chosen in a brief dialog this session when not the window's ("" = the
        # window's language): ui.briefs.BriefDialog
        self.brief_lang = ""
        self.changed.connect(self._coarse_change)
        self.tasks.unreachable = self._unreachable_said
        self.server_back.connect(self.tasks.read_again)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with read_session(self.engine) as session:
            yield session

    def today(self) -> dt.date:
        """The local day, from the one clock (``db.clock``) that tests set."""
        return clock.today()

    @property
    def identity(self) -> team.Identity | None:
        """Who is signed in to a team database (the PostgreSQL login's staff record, asked once
        per engine); None on SQLite, where Settings chooses the current user."""
        return team.identity(self.engine)

    def role_seen(self, role: str) -> None:
        """The database says the signed-in login's role is ``role`` now (the live listener's
        ping, or :meth:`check_role`): when it changed, say so to every view
        (:attr:`identity_changed`), and have them read again if it changes what the login may
        see (a manager sees every confidential record). Nothing on SQLite."""
        old = self.identity
        new = team.follow_role(self.engine, role)
        if old is None or new is None:
            return
        self.identity_changed.emit(old, new)
        privileged = ("manager", "admin")
        if new.role and (not old.role or (old.role in privileged) != (new.role in privileged)):
            self.publish(Changes(everything=True))  # (nothing was read while it had no role)

    def check_role(self) -> None:
        """Ask the database for the signed-in login's role now, off the UI thread (one small
        query), and follow it (:meth:`role_seen`). Nothing is asked on SQLite."""
        if self.identity is None:
            return
        engine = self.engine
        self.tasks.run(
            lambda _task: team.role_now(engine), on_done=self.role_seen, on_error=lambda _exc: None
        )

    @property
    def staff_id(self) -> int | None:
        who = self.identity
        return who.staff_id if who is not None else self.chosen()[0]

    def chosen(self) -> tuple[int | None, str]:
        """The staff member chosen under Settings → I am on this database, and their name:
        the database's own note for this login (app.identity: what the command line records,
        and what a restore brings back with the backup) if it has one, else this computer's
        choice when it was made on this database (or before that was noted); (None, "") if none,
        or the choice named someone since deleted (reviewer: "I am" chosen on one database
        greeted and recorded its staff #1 on another)."""
        staff_id = self.settings.staff_id
        key = (staff_id, self.settings.staff_database)
        if self._chosen is not None and self._chosen[0] == key:
            # kept: read again when this computer's choice changes, and after a change to the
            # database's settings or staff (publish) — not on every use: the dialogs ask it as
            # attendees are added, on the UI thread
            return self._chosen[1]
        self._chosen = (key, self._read_chosen(staff_id, key[1]))
        return self._chosen[1]

    def _read_chosen(self, staff_id: int | None, where: str) -> tuple[int | None, str]:
        login = team.login_name()
        with self.read() as s:
            found = identity.chosen(s, login)
            if found is not None:
                return found
            if staff_id is None:
                return None, ""
            if where and where != identity.database_id(s):
                return None, ""
            name = dashboard.staff_name(s, staff_id)
        return (staff_id, name) if name else (None, "")

    def actor(self) -> str:
        """Who the history says made a change: the signed-in login's staff name on a team
        database (which writes it itself); else the staff member chosen under Settings → I am;
        else the computer's login name, as the command line records (:func:`app.team.login_name`)."""
        who = self.identity
        if who is not None:
            return who.name  # the database writes the same name into the history itself
        return self.chosen_name() or team.login_name()

    def remember_identity(self, staff_id: int | None) -> None:
        """Keep "I am" in the database too, for this login, so that the command line records the
        same name (:mod:`app.identity`). Not on a team database (it names its logins itself) nor
        one this window may not write (no history is written there)."""
        from db.engine import read_only_reason

        if self.identity is not None or self.engine.dialect.name != "sqlite" or read_only_reason(self.engine):
            return
        login = team.login_name()

        def choose(s: Any) -> str:
            identity.choose(s, login, staff_id)
            return identity.database_id(s)

        def noted(database: str) -> None:  # (the settings file written on this thread, not the worker's)
            self.settings.staff_database = database
            self._chosen = None

        self.write(choose, entity="setting", on_done=noted)

    def chosen_name(self) -> str:
        """The name chosen under Settings → I am ("" when none is, or it was deleted since)."""
        return self.chosen()[1]

    def write(
        self,
        fn: Callable[[Session], Any],
        *,
        entity: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run ``fn(session)`` in one unit of work on the write lane; announce the change."""
        return self.write_task(
            lambda session, _task: fn(session), entity=entity, on_done=on_done, on_error=on_error
        )

    def write_task(
        self,
        fn: Callable[[Session, Task], Any],
        *,
        entity: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """:meth:`write` of a long write that reports progress and may be cancelled through its
        task (``fn(session, task)``: ``task.progress(done, total)``, ``task.cancelled()``)."""
        engine = self.engine
        started, began = threading.Event(), threading.Event()
        # whose rows this write's are, where other sessions may write meanwhile (not SQLite)
        actor = None if engine.dialect.name == "sqlite" else self.actor()

        def work(task: Task) -> tuple[Any, Changes, list[str]]:
            started.set()
            with unit_of_work(engine) as session:
                began.set()  # the write lock is ours (SQLite: BEGIN IMMEDIATE returned)
                before = change_log.mark(session)
                result = fn(session, task)
                return (
                    result,
                    change_log.since(session, before),
                    change_log.groups_since(session, before, actor),
                )

        stop_waiting = self._waiting_for_lock(started, began)

        def failed(exc: BaseException) -> None:
            stop_waiting()
            if isinstance(exc, DatabaseBusy):  # (a form's own handler keeps what was typed)
                exc = self._busy_in_words(exc, typed=on_error is not None)
            elif server_unreachable(exc):  # (a form's own handler keeps what was typed)
                exc = self._unreachable_in_words(exc, typed=on_error is not None)
            elif isinstance(exc, DatabaseMoved):
                exc = self._moved_in_words(exc, typed=on_error is not None)
            elif self.identity is not None and team.refused(exc):
                exc = self._refused_in_words(exc)
                self.check_role()  # a role changed since the window started: follow it now
            handler = on_error or self.tasks.default_error
            if handler is None:
                raise exc
            handler(exc)

        def done(outcome: tuple[Any, Changes, list[str]]) -> None:
            stop_waiting()
            result, found, groups = outcome
            self.remember(*groups)  # this window's steps: what Ctrl+Z undoes
            if not found:  # nothing in the history: say what little is known
                ids = result if isinstance(result, list) else [result] if isinstance(result, int) else []
                found = Changes.unknown(entity, [i for i in ids if isinstance(i, int)])
            self.publish(found)
            if on_done is not None:
                on_done(result)

        return self.tasks.run(work, on_done=done, on_error=failed, on_progress=on_progress, write=True)

    WAITING_MS = 1000
    """How long a write waits for another program's or window's write lock before the status
    bar says so (the wait itself lasts up to db.engine.BUSY_TIMEOUT_S)."""

    def _waiting_for_lock(self, started: threading.Event, began: threading.Event) -> Callable[[], None]:
        """Start a timer that, once :attr:`WAITING_MS` has passed with the write started but its
        lock not yet taken, says in the status bar that Ketnoi is waiting for the database;
        returns what stops it (and takes the words back) when the write ends."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        shown: list[str] = []

        def check() -> None:
            if began.is_set():  # the lock is ours: the words go, though the write goes on
                if shown:
                    shown.clear()
                    self.status_message.emit("")
                return
            if started.is_set() and not shown:
                shown.append(
                    self.tr("Waiting for the database: another program or Ketnoi window is writing to it…")
                )
                self.status_message.emit(shown[-1])
            # still waiting (or queued behind this window's own writes): look again
            timer.start(200 if shown else self.WAITING_MS)

        def stop() -> None:
            timer.stop()
            timer.deleteLater()
            if shown:
                self.status_message.emit("")

        timer.timeout.connect(check)
        timer.start(self.WAITING_MS)
        return stop

    def _busy_in_words(self, exc: DatabaseBusy, *, typed: bool) -> DatabaseBusy:
        """The same error, its message in the person's language (the CLI's stays English);
        ``typed``: a form shows it, which keeps what was typed (a key like D has nothing to keep)."""
        out = DatabaseBusy(exc.path, exc.waited_s)
        text = (
            self.tr(
                "Not saved: another program or Ketnoi window is holding the database %1 "
                "(Ketnoi waited %2 seconds). Nothing was saved, and what you typed is still "
                "here: try again in a moment."
            )
            if typed
            else self.tr(
                "Not saved: another program or Ketnoi window is holding the database %1 "
                "(Ketnoi waited %2 seconds). Nothing was saved: try again in a moment."
            )
        )
        out.args = (text.replace("%1", exc.path).replace("%2", f"{exc.waited_s:.0f}"),)
        return out

    def _moved_in_words(self, exc: DatabaseMoved, *, typed: bool) -> DatabaseMoved:
        """The database file was moved, renamed or deleted while open: the refusal in the
        person's language (db.engine.check_file_in_place)."""
        out = DatabaseMoved(exc.path)
        text = self.tr(
            "Not saved: the database file is no longer at %1 (it was moved, renamed or deleted "
            "while Ketnoi had it open). Nothing was saved; what was saved before is in the file "
            "where it is now."
        )
        if typed:
            text += " " + self.tr("What you typed is still here.")
        text += " " + self.tr(
            "Put the file back at %1 and save again, or close Ketnoi and open the file where it is now."
        )
        out.args = (text.replace("%1", exc.path),)
        return out

    def in_words(self, exc: BaseException) -> BaseException:
        """``exc`` as the person should read it: a team database's refusal of this login (a
        read too: a login disabled while the window is open) as one sentence in their
        language; anything else as it is."""
        if self.identity is not None and team.refused(exc) and not isinstance(exc, Refused):
            return self._refused_in_words(exc)
        if server_unreachable(exc):
            return self._unreachable_in_words(exc, typed=False)
        return exc

    def _unreachable_said(self, exc: BaseException) -> Unreachable | None:
        """A failed task's error when the server cannot be reached, as :class:`Unreachable`
        (:attr:`ui.tasks.TaskManager.unreachable`); None for any other error."""
        if isinstance(exc, Unreachable):
            return exc
        return self._unreachable_in_words(exc, typed=False) if server_unreachable(exc) else None

    def unreachable_text(self, *, typed: bool = False, opening: bool = False) -> str:
        """What Ketnoi says when the team database's server cannot be reached (the network,
        the server stopped): one sentence, no library's words. ``typed``: a form shows it,
        which keeps what was typed; ``opening``: a command could not open its window."""
        where = server_address(self.engine.url)
        if typed:
            text = self.tr(
                "Cannot reach the database server %1. Nothing was saved, and what you typed is "
                "still here: try again when the network is back."
            )
        elif opening:
            text = self.tr(
                "Cannot reach the database server %1, so this cannot be opened now. Try again when the network is back."
            )
        else:
            text = self.tr("Cannot reach the database server %1. Try again when the network is back.")
        return text.replace("%1", where)

    def _unreachable_in_words(self, exc: BaseException, *, typed: bool) -> Unreachable:
        out = Unreachable(self.unreachable_text(typed=typed))
        out.__cause__ = exc
        return out

    def _refused_in_words(self, exc: BaseException) -> Refused:
        """The database's refusal (SQLSTATE 42501, or a disabled login) as one sentence in the
        person's language, without the server's own words."""
        who = self.identity
        login = who.login if who is not None else getattr(exc, "login", "")
        if who is not None and not who.role:  # disabled: whatever was refused, say that
            text = self.disabled_text(login)
        elif isinstance(exc, NotPermitted) and exc.row_security:
            text = self.tr(
                "Not saved: the change would leave a confidential record you may not see. Its "
                "owner, the staff on it or a manager can make it."
            )
        elif isinstance(exc, NotPermitted):
            text = self.tr(
                "Not saved: your login %1 may not change anything in this database (your role may "
                "have just been changed). Ask a manager if you need to edit."
            ).replace("%1", login)
        elif team.login_refused(exc):  # the server turned the login away: disabled meanwhile
            text = self.disabled_text(login)
        else:  # a read refused (SQLSTATE 42501: a GRANT it lacks) while the login still has a role
            text = self.tr(
                "Not allowed: your login %1 may not read or change this in the database (your role "
                "may have just been changed). Ask a manager if you need it."
            ).replace("%1", login)
        out = Refused(text, login=login, row_security=getattr(exc, "row_security", False))
        out.__cause__ = exc
        return out

    def disabled_text(self, login: str = "") -> str:
        """What a window whose login was disabled while it was open says (and does not show the
        server's errors instead)."""
        if not login:
            who = self.identity
            login = who.login if who is not None else ""
        return self.tr(
            "Your login %1 was disabled: this window can no longer read or save. Close Ketnoi; ask "
            "an administrator if you still need it."
        ).replace("%1", login)

    def publish(self, changes: Changes, *, elsewhere: bool = False) -> None:
        """Tell every view what changed (on the UI thread); ``elsewhere``: another window's or
        program's write (:attr:`from_elsewhere` while the views hear it)."""
        self.from_elsewhere = elsewhere
        if changes.everything or {"setting", "staff"} & set(changes.kinds):
            self._chosen = None  # (a restore, another window's "I am", a staff member renamed)
        try:
            self.changes.emit(changes)
            kinds = sorted(changes.kinds)
            entity = kinds[0] if len(kinds) == 1 and not changes.everything else ""
            self._publishing = True
            try:
                self.changed.emit(entity, sorted(changes.ids.get(entity, ())) if entity else [])
            finally:
                self._publishing = False
        finally:
            self.from_elsewhere = False

    def records_changed(
        self,
        kinds: dict[str, list[int]],
        *,
        fields: dict[str, list[str]] | None = None,
        membership: bool = True,
    ) -> None:
        """Records changed outside this window's writes (another process, a notification):
        kind → ids, and if known kind → field names; ``membership`` when records may have
        been created or deleted. The entry point for live updates."""
        self.publish(Changes.of(kinds, fields=fields, membership=membership), elsewhere=True)

    def _coarse_change(self, entity: str, ids: list[int]) -> None:
        if not self._publishing:  # announced the old way: known by kind at most
            self.changes.emit(Changes.unknown(entity, ids))
        self.refresh_undo()

    def lang(self) -> str:
        """The language of the interface, for sentences the services write ("en" or "vi")."""
        return interface_language()

    def remember(self, *groups: str) -> None:
        """This window wrote the history groups ``groups``: its own steps, which Ctrl+Z undoes
        (a colleague's, another window's or the command line's are not)."""
        for group in groups:
            if group:
                self.own_groups.pop(group, None)
                self.own_groups[group] = None
        while len(self.own_groups) > OWN_GROUPS:
            del self.own_groups[next(iter(self.own_groups))]

    def latest_own(self) -> str:
        """The latest history group this window wrote ("" when none)."""
        return next(reversed(self.own_groups), "")

    def refresh_undo(self) -> None:
        """Read this window's latest undoable operation in the background; announce it."""
        engine, staff_id, lang, day = self.engine, self.staff_id, self.lang(), self.settings.py_date_format()
        self._undo_reads += 1
        token = self._undo_reads
        groups, opened_at = frozenset(self.own_groups), self.opened_at

        def work(_task: Task) -> _Offer:
            with read_session(engine) as s:
                actor = recorded_name(s, staff_id)
                opened = change_log.mark(s) if opened_at is None else opened_at  # (the first read)
                own = undo.Own(groups, opened)
                found = undo.last_undoable(s, actor=actor, lang=lang, own=own)
                above = undo_history.import_on_top(
                    s, actor=actor, above=found.group_id if found else None, own=own
                )
                mark = undo.restore_mark(s) if found is None and above is None else None
            if above is not None:  # the import is the newest: nothing older is offered before it
                return None, above, "", opened, None
            blocked = undo.restore_words(mark, "nothing", lang, day) if mark is not None else ""
            earlier = found.at if found is not None and found.group_id not in groups else None
            return ((found.description, found.group_id) if found else None), None, blocked, opened, earlier

        def done(result: _Offer) -> None:
            if token == self._undo_reads:  # (not a read from before a restore: restored())
                self.undo_offer, self.import_on_top, self.undo_blocked, opened, self.undo_offer_earlier = (
                    result
                )
                if self.undo_offer is not None and self.undo_offer[1] in self._undoing:
                    self.undo_offer = None  # being undone: the read came before its undo was written
                if self.opened_at is None:
                    self.opened_at = opened
                self.undo_changed.emit(self.undo_offer[0] if self.undo_offer else "")
                if self.redo_stack and self.latest_own() != self._redo_mark:  # something new since the undo
                    self.clear_redo()

        self.tasks.run(work, on_done=done, on_error=lambda _exc: None)

    def push_undo(self, label: str, group_id: str) -> None:
        """An operation just wrote ``group_id``: offer it at once, then read the database's word."""
        if group_id:
            self.remember(group_id)
            self.undo_offer = (label, group_id)
            self.undo_offer_earlier = None
            self.import_on_top = None  # newer than any import
            self.undo_changed.emit(label)
            if self.redo_stack:
                self.clear_redo()
        self.refresh_undo()

    def undone(self, label: str, undo_group: str) -> None:
        """An undo was just done here (``undo_group``, its history group): Edit → Redo offers
        ``label`` back ("" when it cannot be redone: the Redo offer is withdrawn)."""
        if not label:
            self.clear_redo()
            return
        self.redo_stack.append((label, undo_group))
        self._redo_mark = undo_group
        self.redo_changed.emit(label)

    def pop_redo(self) -> tuple[str, str] | None:
        """Take the offered redo (it is being done); :meth:`redone` says when it is."""
        item = self.redo_stack.pop() if self.redo_stack else None  # (its undo stays the latest)
        self.redo_changed.emit("")
        return item

    def redone(self, redo_group: str) -> None:
        """A redo wrote ``redo_group``: the undo done before it, if any, is offered next."""
        self._redo_mark = redo_group
        self.redo_changed.emit(self.redo_stack[-1][0] if self.redo_stack else "")

    def clear_redo(self) -> None:
        """A new change: nothing is offered to redo any more."""
        self.redo_stack.clear()
        self._redo_mark = ""
        self.redo_changed.emit("")

    def restored(self) -> None:
        """The database was just restored from a backup: what was offered came before it and is
        not undone (nor redone) across it (app.undo.RestoreMark); the offer is read again."""
        self.undo_offer, self.import_on_top, self.undo_offer_earlier = None, None, None
        # the history was rewound: ids are given out again, and nothing before it is undone
        self.own_groups.clear()
        self.opened_at = None
        self.undo_changed.emit("")
        self.clear_redo()
        self.refresh_undo()

    def pop_undo(self) -> tuple[str, str] | None:
        """Take the offered operation (it is being undone, until :meth:`undo_ended`); the next
        offer follows the undo. Ctrl+Z pressed again meanwhile does not take the same one again
        (reviewer h95: three quick presses in Posts… undid the notes, then said in a box that
        root had already undone them)."""
        item, self.undo_offer = self.undo_offer, None
        self.undo_offer_earlier = None
        if item is not None:
            self._undoing.add(item[1])
            self._undo_reads += 1  # a read of the offer under way names it still: void
        self.undo_changed.emit("")
        return item

    def put_back_undo(self, item: tuple[str, str], earlier: dt.datetime | None) -> None:
        """An offer taken by :meth:`pop_undo` and not undone after all (the user said no)."""
        self._undoing.discard(item[1])
        self.undo_offer, self.undo_offer_earlier = item, earlier
        self.undo_changed.emit(item[0])

    def undo_ended(self, group_id: str) -> None:
        """The undo of ``group_id`` was written, or failed: offers are read as before."""
        self._undoing.discard(group_id)

    def fmt_number(self, n: int) -> str:
        """A count in the language of the interface (1,000 / 1.000)."""
        from ui.labels import number

        return number(n)

    def fmt_date(self, value: dt.date | None) -> str:
        return self.settings.fmt_date(value)

    def fmt_datetime(self, value: dt.datetime | None) -> str:
        return self.settings.fmt_datetime(value)
