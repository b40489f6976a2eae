"""Team mode in the window: who is signed in, the confidential mark, and sharing a confidential
record with named colleagues (the services are :mod:`app.team`; PostgreSQL enforces who sees
what, so the window shows what it is given)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import lists, records, team
from app.errors import UserError
from ui.context import AppContext
from ui.icons import icon

LOCK = "🔒"


def tr(text: str) -> str:
    return QCoreApplication.translate("Team", text)


def role_label(role: str) -> str:
    return {
        "admin": tr("administrator"),
        "manager": tr("manager"),
        "officer": tr("officer"),
        "reader": tr("reader (read only)"),
    }.get(role, tr("no Ketnoi role"))


def signed_in_text(who: team.Identity) -> str:
    """ "Trần Thị Lan — login lan, officer"."""
    return (
        tr("%1 — login %2, %3")
        .replace("%1", who.name)
        .replace("%2", who.login)
        .replace("%3", role_label(who.role))
    )


# --- a reader's window: every write disabled, saying why ---------------------------------------

# The window's commands that write (their QAction object names): disabled for a reader.
WRITE_ACTIONS = (
    "act_new",
    "act_log_meeting",
    "act_log_email",
    "act_new_action",
    "act_edit",
    "act_delete",
    "act_undo",
    "act_redo",
    "act_done",
    "act_reschedule",
    "act_note",
    "act_import",
    "act_import_ics",
    "act_org_meeting",
    "act_draft_letter",
    "act_reorganisation",
    "act_assign_holder",
)


def is_reader(ctx: AppContext) -> bool:
    """The signed-in login may only read (a reader on a team database), or no longer even that
    (disabled while the window was open: no Ketnoi role left). The role is read at sign-in
    (:func:`app.team.identity`) and followed while the window is open (``ctx.role_seen``, from
    the live listener's ping); SQLite and a PostgreSQL database not set up for a team are never
    read-only here — unless the SQLite file was opened read-only (:func:`read_only_file`)."""
    if read_only_file(ctx) is not None:
        return True
    who = ctx.identity
    return who is not None and who.role in ("reader", "")


def read_only_file(ctx: AppContext) -> str | None:
    """Why the window's SQLite file was opened read-only (a read-only folder, file or medium:
    db.read_only), in the person's language; None when it was not."""
    from db.engine import read_only_reason, sqlite_path

    if read_only_reason(ctx.engine) is None:
        return None
    path = sqlite_path(str(ctx.engine.url))
    return tr("%1 is open read-only: Ketnoi may not write to it where it is.").replace(
        "%1", str(path) if path is not None else ""
    )


def read_only_tip(ctx: AppContext | None = None) -> str:
    why = read_only_file(ctx) if ctx is not None else None
    if why is not None:  # a file opened read-only, not a role
        return (
            why
            + " "
            + tr(
                "You can look, search, print briefs and export, but not change anything. To change "
                "it, copy the file to a folder you can write and open the copy."
            )
        )
    who = ctx.identity if ctx is not None else None
    if ctx is not None and who is not None and not who.role:
        return ctx.disabled_text(who.login)
    return tr(
        "Your role is reader: you can look, search, print briefs and export, but not change "
        "anything. Ask a manager for write access."
    )


def not_undoable_here(ctx: AppContext) -> str | None:
    """What the undo and import histories say, instead of "Can be undone", of an operation this
    window may not undo (its buttons are off, :func:`hold_read_only`): the file is open
    read-only, or the role only reads. None when this window may undo."""
    if not is_reader(ctx):
        return None
    if read_only_file(ctx) is not None:
        return tr("Cannot be undone here (read-only file)")
    return tr("Cannot be undone here (your role only reads)")


def read_only_status(ctx: AppContext) -> str:
    """The short form of :func:`read_only_tip` for the status bar, which a hovered command
    fills and its permanent labels cut short: the tooltip says the rest."""
    if read_only_file(ctx) is not None:
        return tr("Read-only file: changing it is off.")
    who = ctx.identity
    if who is not None and not who.role:
        return ctx.disabled_text(who.login)
    return tr("Your role is reader: editing is off.")


def role_change_text(ctx: AppContext, who: team.Identity) -> str:
    """What the status bar says when an administrator changed the signed-in login's role."""
    if not who.role:
        return ctx.disabled_text(who.login)
    if who.role == "reader":
        return tr("Your role is now reader: editing is off.")
    return tr("Your role is now %1: you can edit.").replace("%1", role_label(who.role))


def wrapped(text: str) -> str:
    """``text`` as a tooltip Qt wraps at a readable width."""
    return f"<p>{escape(text)}</p>"


def set_own_tip(target: QAction | QWidget, tip: str) -> None:
    """``target``'s own tooltip (Mark done's, which follows the selection): shown now, or, while
    a read-only role holds it (its tooltip saying why), kept for when the role writes again."""
    hold = next((c for c in target.children() if isinstance(c, _Hold)), None)
    if hold is not None and hold.held:
        hold.tips = (tip, hold.tips[1])
    else:
        target.setToolTip(tip)


class _Hold(QObject):
    """One write action or button of a team database's window: off, its tooltip saying why,
    while the signed-in role only reads; as its own code last wanted it (and with its own
    tooltips) while the role writes. It follows a role changed while the window is open
    (``ctx.identity_changed``). A child of its target: it goes with it."""

    def __init__(self, ctx: AppContext, target: QAction | QWidget) -> None:
        super().__init__(target)
        self.ctx, self.target = ctx, target
        self.held = False
        self.wanted = target.isEnabled()  # what the target's own code asked for, while held
        self.tips = (target.toolTip(), target.statusTip())
        self._forcing = False
        # Its own code's setEnabled (a selection changed) is heard through this one: what it
        # wants is kept while held, and given back when the role writes again.
        self._own_set_enabled = target.setEnabled
        setattr(target, "setEnabled", self._set_enabled)  # noqa: B010  (an instance's method)
        if isinstance(target, QAction):
            target.changed.connect(self._action_changed)
        else:
            target.installEventFilter(self)
        ctx.identity_changed.connect(self.follow)
        self.follow()

    def follow(self, *_args: object) -> None:
        if is_reader(self.ctx):
            self._hold()
        else:
            self._release()

    def _set_enabled(self, on: bool) -> None:
        self.wanted = bool(on)
        self._forcing = True
        try:
            self._own_set_enabled(self.wanted and not self.held)
        finally:
            self._forcing = False

    def _set(self, tip: str, status_tip: str, enabled: bool) -> None:
        self._forcing = True
        try:
            self.target.setToolTip(tip)
            self.target.setStatusTip(status_tip)
            self._own_set_enabled(enabled)
        finally:
            self._forcing = False

    def _hold(self) -> None:
        if not self.held:
            self.tips = (self.target.toolTip(), self.target.statusTip())
            self.wanted = self.target.isEnabled()
            self.held = True
        tip = read_only_tip(self.ctx)
        # rich text: Qt wraps it instead of one 1,000 px line; the status bar gets the short form
        self._set(wrapped(tip), read_only_status(self.ctx), False)

    def _release(self) -> None:
        if self.held:
            self.held = False
            self._set(*self.tips, self.wanted)

    def _action_changed(self) -> None:
        """Something turned the action on without :meth:`_set_enabled` (Qt itself, another
        wrapper): off again while held."""
        if self.held and not self._forcing and self.target.isEnabled():
            self.wanted = True
            self._set(self.target.toolTip(), self.target.statusTip(), False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and self.held
            and not self._forcing
            and isinstance(watched, QWidget)
            and watched.isEnabled()
        ):
            self.wanted = True
            self._forcing = True
            try:
                self._own_set_enabled(False)
            finally:
                self._forcing = False
        return False


def hold_read_only(ctx: AppContext, *targets: QAction | QWidget | None) -> bool:
    """On a team database: each write action or button is off, its tooltip saying why, while
    the signed-in role only reads — now, and as an administrator changes the role while it is
    open. SQLite: nothing happens, unless the file was opened read-only (then they are off for
    good). True when the targets are held now."""
    if ctx.identity is None and read_only_file(ctx) is None:
        return False
    for target in targets:
        if target is not None:
            _Hold(ctx, target)
    return is_reader(ctx)


def if_enabled(button: Callable[[], QWidget], slot: Callable[[], object]) -> Callable[..., None]:
    """A double-click that does what ``button`` does, only while it is enabled."""

    def run(*_args: object) -> None:
        if button().isEnabled():
            slot()

    return run


def guard_window(window: Any) -> None:
    """A team database's main window: the commands that write are disabled with the reason as
    their tooltip while the role only reads, and the status bar says "Read only"; both follow a
    role an administrator changes while it is open. Called once per window build (also after a
    language switch), once its actions exist. Nothing on SQLite."""
    ctx = window.ctx
    if ctx.identity is None and read_only_file(ctx) is None:
        return
    found = {a.objectName(): a for a in window.findChildren(QAction)}
    hold_read_only(ctx, *(found.get(name) for name in WRITE_ACTIONS))
    _WindowGuard(window)
    if read_only_file(ctx) is not None:  # the title bar says it too: the file, not a role
        from db.engine import sqlite_path

        path = sqlite_path(str(ctx.engine.url))
        window.setWindowTitle(tr("%1 (read-only) — Ketnoi").replace("%1", path.name if path else ""))


class _WindowGuard(QObject):
    """The rest of the window that follows the role: the "Read only" label, dragging on the
    map, the commands enabled by the selection, and one sentence in the status bar."""

    # what stays usable in a window whose login was disabled: everything else would only read
    # and be refused (the write commands are held anyway)
    KEEP_SIGNED_OUT = frozenset({"act_settings", "act_quit", *WRITE_ACTIONS})

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("role_guard")
        self.window = window
        self.label: QLabel | None = None
        self.put_away: list[QAction] = []  # the reading commands turned off while signed out
        self.signed_out = False
        self.box: QMessageBox | None = None  # the whole sentence of a disabled login
        self._show_label()
        window.ctx.identity_changed.connect(self.follow)  # after the holds: they follow first

    def _show_label(self) -> None:
        ctx = self.window.ctx
        if not is_reader(ctx):
            if self.label is not None:
                self.label.hide()
            return
        if self.label is None:
            self.label = QLabel(self.window)
            self.label.setObjectName("read_only_status")
            self.window.statusBar().addPermanentWidget(self.label)
        signed_out = ctx.identity is not None and not ctx.identity.role
        self.label.setText(tr("Login disabled") if signed_out else tr("Read only"))
        if read_only_file(ctx) is not None:
            self.label.setText(tr("Read-only file"))
        self.label.setStyleSheet("color: #c62828;" if signed_out else "")
        self.label.setToolTip(wrapped(read_only_tip(ctx)))
        self.label.show()

    def _sign_out(self, out: bool) -> None:
        """A disabled login's window reads nothing more: its pages and every command that would
        read are off (what is on screen stays to look at), its day's check of what is due
        stops; all back if the administrator gives the login a role again."""
        if out == self.signed_out:
            return
        self.signed_out = out
        window = self.window
        central = window.centralWidget()
        notifier = getattr(window, "notifier", None)
        if out:
            self.put_away = [
                a
                for a in window.findChildren(QAction)
                if a.isEnabled()
                and (a.objectName().startswith("act_") or a in getattr(window, "view_actions", ()))
                and a.objectName() not in self.KEEP_SIGNED_OUT
            ]
            for a in self.put_away:
                a.setEnabled(False)
            if central is not None:
                central.setEnabled(False)
            if notifier is not None:
                notifier.timer.stop()
        else:
            for a in self.put_away:
                a.setEnabled(True)
            self.put_away = []
            if central is not None:
                central.setEnabled(True)
            if notifier is not None:
                notifier.timer.start()

    def follow(self, _old: team.Identity, new: team.Identity) -> None:
        window, ctx = self.window, self.window.ctx
        turned = self.signed_out != (not new.role)
        self._sign_out(not new.role)
        self._show_label()
        map_view = getattr(window, "map_view", None)
        if map_view is not None:
            map_view.canvas.editable = not is_reader(ctx)
        if not is_reader(ctx):
            window._update_enabled()  # what the selection allows, now that the role writes
        said = role_change_text(ctx, new)
        if new.role:
            ctx.status_message.emit(said)
        else:  # stays up: the window can do nothing more
            window.status_line.announce(said, 0)
        if turned:  # (said once: closed with OK, it stays closed)
            self._say_signed_out(said if not new.role else "")

    def _say_signed_out(self, said: str) -> None:
        """The disabled login's sentence whole, in a box over the window (not modal: what is on
        screen stays to look at): the status bar, which its permanent labels share, cut what to
        do at 1280 px ("Close Ketnoi; ask an a…", reviewer h130). Closed when the role is back."""
        if not said:
            if self.box is not None:
                self.box.close()
                self.box.deleteLater()
                self.box = None
            return
        if self.box is None:
            self.box = QMessageBox(QMessageBox.Icon.Warning, tr("Login disabled"), said, parent=self.window)
            self.box.setObjectName("login_disabled_box")
            self.box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self.box.setWindowModality(Qt.WindowModality.NonModal)
        self.box.setText(said)
        self.box.show()


def confidential_tip() -> str:
    return tr(
        "Seen only by its owner, the staff on it, colleagues it is shared with and managers "
        "(on a shared database; the database itself enforces it)."
    )


def confidential_box(parent: QWidget) -> QCheckBox:
    box = QCheckBox(tr("Confidential"), parent)
    box.setObjectName("field_confidential")
    box.setToolTip(confidential_tip())
    return box


def lock_icon() -> QIcon:
    return icon("lock")


class ShareDialog(QDialog):
    """Tick the colleagues who may see a confidential record; Save shares and unshares in one
    unit of work (the database refuses it to anyone but the owner or a manager)."""

    def __init__(self, ctx: AppContext, kind: str, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.record_id = ctx, kind, record_id
        self.setObjectName("share_dialog")
        self.setWindowTitle(tr("Share with colleagues"))
        with ctx.read() as s:
            staff = lists.staff_list(s)
            self._before = {i for i, _n in team.shares_of(s, kind, record_id)}
        me = ctx.staff_id
        self.people = QListWidget(self)
        self.people.setObjectName("share_people")
        for sid, name in staff:
            if sid == me:
                continue
            item = QListWidgetItem(name, self.people)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if sid in self._before else Qt.CheckState.Unchecked)
        note = QLabel(confidential_tip(), self)
        note.setWordWrap(True)
        note.setEnabled(False)
        self.error = QLabel(self)
        self.error.setObjectName("share_error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("Who else may see it:"), self))
        lay.addWidget(self.people, 1)
        lay.addWidget(note)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(420, 360)

    def chosen(self) -> set[int]:
        out = set()
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def save(self) -> None:
        add, remove = sorted(self.chosen() - self._before), sorted(self._before - self.chosen())
        if not add and not remove:
            self.accept()
            return
        kind, record_id, by, actor = self.kind, self.record_id, self.ctx.staff_id, self.ctx.actor()
        group = records.new_group_id()  # one step for Undo: who was given it and who lost it

        def work(s: Any) -> int:
            team.share(s, kind, record_id, add, by=by, actor=actor, group_id=group)
            team.unshare(s, kind, record_id, remove, actor=actor, group_id=group)
            return record_id

        def done(_r: Any) -> None:
            self.ctx.push_undo(tr("Share with colleagues"), group)
            self.accept()

        self.buttons.setEnabled(False)
        self.ctx.write(work, entity=kind, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, team.ShareRefused):
            said = (
                tr(
                    "Not shared: only its owner (%1) or a manager can share it with colleagues. Ask them to."
                ).replace("%1", exc.owner)
                if exc.owner
                else tr("Not shared: only its owner or a manager can share it with colleagues.")
            )
            self.error.setText(said)
        else:
            self.error.setText(str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}")
        self.error.show()


class ConfidentialBar(QWidget):
    """Above a record's page: "Confidential", who besides the owner may see it, and Share… for
    its owner or a manager on a team database. Hidden for a record that is not confidential."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind, self.record_id = "", 0
        self.setObjectName("confidential_bar")
        self.lock = QLabel(self)
        self.lock.setPixmap(lock_icon().pixmap(16, 16))
        self.text = QLabel(self)
        self.text.setObjectName("confidential_text")
        self.text.setWordWrap(True)
        self.text.setToolTip(confidential_tip())
        self.share = QPushButton(tr("Share…"), self)
        self.share.setObjectName("confidential_share")
        self.share.clicked.connect(self.open_share)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 6, 14, 6)
        lay.addWidget(self.lock)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.share)
        self.hide()

    def set_record(self, kind: str, record_id: int) -> None:
        self.kind, self.record_id = kind, record_id
        if kind not in team.CONFIDENTIAL_KINDS or not record_id:
            self.hide()
            return
        try:
            with self.ctx.read() as s:
                values = records.get(s, kind, record_id)
                shared = (
                    [n for _i, n in team.shares_of(s, kind, record_id)] if values.get("confidential") else []
                )
        except UserError:
            self.hide()
            return
        if not values.get("confidential"):
            self.hide()
            return
        text = tr("Confidential")
        if shared:
            text += " · " + tr("also shared with %1").replace("%1", ", ".join(shared))
        self.text.setText(text)
        who = self.ctx.identity
        mine = who is not None and (
            values.get("owner_id") == who.staff_id or who.role in ("manager", "admin")
        )
        self.share.setVisible(mine)
        self.show()

    def open_share(self) -> None:
        dialog = ShareDialog(self.ctx, self.kind, self.record_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_record(self.kind, self.record_id)
