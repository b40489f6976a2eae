"""Tell the user what is overdue and due today: a banner in the window and a tray message.

Shown at start-up and again whenever the day changes while Ketnoi runs (checked every few
minutes), so a laptop left open overnight still says so in the morning. The figures come
from the database each time, so nothing is missed because the app was closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QToolButton, QWidget

from app import dashboard, team
from db.engine import read_session
from ui.context import AppContext, Unreachable
from ui.fit import ElidedLabel
from ui.icons import icon
from ui.tasks import Task


class Banner(QFrame):
    """A non-blocking strip above the content; Show opens the overdue list."""

    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("due_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.icon = QLabel(self)
        self.icon.setPixmap(icon("bell").pixmap(18, 18))
        self.text = QLabel(self)
        font = QFont(self.text.font())
        font.setBold(True)
        self.text.setFont(font)
        self.detail = ElidedLabel("", self)  # titles can be long: cut, whole in the tooltip
        self.detail.setEnabled(False)
        self.button = QPushButton(self.tr("Show"), self)
        self.button.clicked.connect(self.show_requested)
        self.dismissed = False  # closed with × (until the next day's check): stays closed
        close = QToolButton(self)
        close.setObjectName("due_banner_close")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 6, 4)
        lay.addWidget(self.icon)
        lay.addWidget(self.text)
        lay.addWidget(self.detail, 1)
        lay.addWidget(self.button)
        lay.addWidget(close)
        self.hide()

    def dismiss(self) -> None:
        """× on the banner: closed for today; a change no longer brings it back (the next
        day's check does)."""
        self.dismissed = True
        self.hide()

    def show_summary(self, summary: dashboard.DueSummary) -> None:
        self.summary = summary  # what Show opens: the overdue actions, or the late letters alone
        parts = []
        if summary.overdue:
            parts.append(self.tr("%Ln overdue", "", summary.overdue))
        if summary.due_today:
            parts.append(self.tr("%Ln due today", "", summary.due_today))
        if summary.late_replies:
            parts.append(self.tr("%Ln letter(s) to answer, past the deadline", "", summary.late_replies))
        self.text.setText(" · ".join(parts))
        self.detail.setText("  " + " · ".join(_titles(summary, self.tr("(Confidential)"))))
        self.setVisible(summary.anything)


def _titles(summary: dashboard.DueSummary, mark: str | None) -> list[str]:
    """The first titles due, a confidential action's marked with ``mark`` — or, ``None``, left out
    (the tray's message: the system shows it over any window and keeps it in its notification
    list; reviewer h103: a confidential action's title showed unmarked in the banner)."""
    secret = summary.first_confidential or (False,) * len(summary.first_titles)
    if mark is None:
        return [t for t, c in zip(summary.first_titles, secret, strict=False) if not c]
    return [f"{t} {mark}" if c else t for t, c in zip(summary.first_titles, secret, strict=False)]


class DueNotifier(QObject):
    notified = Signal(object)  # DueSummary
    # the date moved on while the window is open (midnight passed, a laptop woken the next
    # morning): what counts from today is read again (the dashboard: reviewer h108 saw the
    # banner say "4 overdue" after midnight while the dashboard still said yesterday's "3")
    day_changed = Signal()

    def __init__(
        self, ctx: AppContext, banner: Banner, tray: QSystemTrayIcon | None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.ctx, self.banner, self.tray = ctx, banner, tray
        self._day = ""
        # the count the team server was out of reach for (what its answer was for): asked again
        # once the server is back
        self._missed: Callable[[dashboard.DueSummary], None] | None = None
        ctx.server_back.connect(self._server_back)
        self.timer = QTimer(self, interval=5 * 60 * 1000)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check(force=True)
        self.timer.start()

    def _summary(self, then: Callable[[dashboard.DueSummary], None]) -> None:
        """Count in the background (it grows with the actions), deliver on the UI thread."""
        engine, today = self.ctx.engine, self.ctx.today()

        def work(_task: Task) -> dashboard.DueSummary:
            with read_session(engine) as s:
                return dashboard.due_summary(s, today=today)

        def failed(exc: BaseException) -> None:
            # The team server out of reach: the banner keeps its figures (the list and the
            # record's page say the server is away) and counts again once it is back — every
            # change heard meanwhile put a box in front of the window. Any other error goes
            # where a task's error goes.
            if isinstance(exc, Unreachable):
                if self._missed is None or then == self._notify:  # (the day's notice is kept)
                    self._missed = then
                return
            handler = self.ctx.tasks.default_error
            if handler is None:
                raise exc
            handler(exc)

        self.ctx.tasks.run(work, on_done=then, on_error=failed, owner=self)

    def _server_back(self) -> None:
        then, self._missed = self._missed, None
        if then is not None:
            self._summary(then)

    def check(self, force: bool = False) -> None:
        today = self.ctx.today()
        if not force and today.isoformat() == self._day:
            return
        moved = bool(self._day) and today.isoformat() != self._day
        self._day = today.isoformat()
        self._summary(self._notify)
        if moved:
            self.day_changed.emit()

    def _notify(self, summary: dashboard.DueSummary) -> None:
        self.banner.dismissed = False  # a new day (or the start): said again, even if closed
        self.banner.show_summary(summary)
        if summary.anything and self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(
                "Ketnoi",
                self.banner.text.text() + "\n" + "\n".join(_titles(summary, None)),
                icon("bell"),
                10_000,
            )
        self.ctx.settings.last_notice_day = self._day
        self.notified.emit(summary)

    def refresh(self) -> None:
        """After a change: the banner's figures again, without a new tray message. It comes
        back when something is due again (an undone Mark done, an import, a date moved back),
        unless the person closed it with × today (reviewer: emptied by Ctrl+D, it never came
        back that day, F5 or not, while the dashboard said "1 overdue")."""

        def show(summary: dashboard.DueSummary) -> None:
            if not self.banner.dismissed:
                self.banner.show_summary(summary)

        self._summary(show)


WHO_HINT_MS = 30_000  # a sentence to read once, at start, while nothing else is said yet


def who_records_hint(ctx: AppContext) -> str:
    """What the window says once, at its first start with no one chosen under Settings → I am
    (and no team sign-in, whose name the database records): under which name its changes go
    into the history, and where to choose one's own. "" when there is nothing to say; the
    settings remember it was said, so it does not come back."""
    if ctx.settings.who_hint_shown or ctx.identity is not None or ctx.chosen_name():
        return ""
    ctx.settings.who_hint_shown = True
    login = team.login_name()
    if login:
        return QCoreApplication.translate(
            "WhoRecords",
            "Your changes are recorded in the history as “%1”. To record your own name, "
            "choose yourself under File → Settings → “I am”.",
        ).replace("%1", login)
    return QCoreApplication.translate(
        "WhoRecords",
        "Your changes are recorded without a name. To record your name, choose yourself "
        "under File → Settings → “I am”.",
    )
