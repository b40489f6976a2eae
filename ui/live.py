"""Live updates in the window: colleagues' saves appear without F5 (issue 13 item 4).

:class:`LiveUpdates` starts :func:`app.live.start` for the window's database; what other
windows changed arrives on a background thread and is handed to the UI thread by a queued
signal, then to ``ctx.publish`` — the same change propagation a window's own saves use, so a
list marks the touched rows stale and reads them again, and re-runs its query only when rows
may come or go. A small label in the status bar says how the link stands: *Live*, *Offline*
(retrying), *Reconnecting…*, *Signed out* (the login was disabled); on SQLite (several windows
on one file) it says nothing.

On a team database the listener also asks the login's role at each ping (``app.live.start``'s
``on_role``); what it hears goes to ``ctx.role_seen``, which makes the window follow a role an
administrator changed while it is open (``ui.team``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app import live
from app.changes import Changes
from ui.context import AppContext


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveUpdates", text)


def _texts() -> dict[str, tuple[str, str]]:
    return {
        "connecting": (tr("Connecting…"), tr("Connecting to the team database for live updates")),
        "connected": (
            tr("Live"),
            tr("Colleagues' changes appear here as they save them"),
        ),
        "offline": (
            tr("Offline"),
            tr("The team database cannot be reached; trying again…"),
        ),
        "reconnecting": (tr("Reconnecting…"), tr("Trying to reach the team database again")),
        "refused": (
            tr("Signed out"),
            tr("The team database no longer lets your login in: it was disabled by an administrator"),
        ),
        "stopped": ("", ""),
    }


class LiveStatus(QLabel):
    """The status-bar indicator: connected / offline / reconnecting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("live_status")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.state = ""
        self.hide()

    def show_state(self, state: str) -> None:
        self.state = state
        text, tip = _texts().get(state, ("", ""))
        self.setText(("● " if state == "connected" else "○ ") + text if text else "")
        self.setToolTip(tip)
        colour = {"connected": "#2e7d32", "offline": "#c62828", "refused": "#c62828"}.get(state, "")
        self.setStyleSheet(f"color: {colour};" if colour else "")
        self.setVisible(bool(text))


class LiveUpdates(QObject):
    """Hears other windows' writes and publishes them in this window."""

    arrived = Signal(object)  # Changes, from the listener's thread
    state_changed = Signal(str)
    role_heard = Signal(str)  # the login's role as the database says it now (team mode)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.feed: Any = None
        self.label: LiveStatus | None = None
        self.arrived.connect(self._publish, Qt.ConnectionType.QueuedConnection)
        self.role_heard.connect(self._role, Qt.ConnectionType.QueuedConnection)
        self.state_changed.connect(self._state, Qt.ConnectionType.QueuedConnection)

    def start(self, label: LiveStatus | None = None, **kwargs: Any) -> None:
        """Start listening; ``label`` shows the state (on a team server only)."""
        if self.feed is not None:
            return
        if label is not None and self.ctx.engine.dialect.name == "postgresql":
            self.label = label
            self.state_changed.connect(label.show_state, Qt.ConnectionType.QueuedConnection)
        if self.ctx.identity is not None:  # a team database: roles may change while it is open
            kwargs.setdefault("on_role", self.role_heard.emit)
        self.feed = live.start(self.ctx.engine, self.arrived.emit, self.state_changed.emit, **kwargs)

    def check_role_now(self) -> None:
        """Ask the login's role at once: on the listener's connection when it listens, else by a
        read of its own (nothing on SQLite)."""
        if self.feed is not None and self.feed.state == "connected":
            self.feed.check_now()
        else:
            self.ctx.check_role()

    def stop(self) -> None:
        if self.feed is not None:
            feed, self.feed = self.feed, None
            feed.stop()

    def _publish(self, changes: Changes) -> None:
        who = self.ctx.identity
        if self.feed is not None and not (who is not None and not who.role):
            self.ctx.publish(changes, elsewhere=True)  # (not once disabled: every read would be refused)

    def _role(self, role: str) -> None:
        if self.feed is not None:
            self.ctx.role_seen(role)
            if self.label is not None:  # disabled: colleagues' saves no longer appear here
                if role:
                    self.label.show_state(self.label.state)
                else:
                    self.label.hide()

    def _state(self, state: str) -> None:
        if state == "connected":  # (a list that could not reach the server reads again)
            self.ctx.server_back.emit()
        if state == "offline":  # (the record page finds out whether it is still current)
            self.ctx.server_away.emit()
        if state == "refused" and self.feed is not None:  # the server no longer lets it in
            self.ctx.role_seen("")
