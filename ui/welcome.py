"""The first-run welcome: shown once, when Ketnoi starts on an empty database.

It offers the three ways in: a sample database to look around (its own file, never mixed with
the person's records; opened in a new window), importing a spreadsheet (the import wizard), and
connecting to a team's database (Settings, with the server chosen). Whatever is chosen, the
welcome is remembered in the settings and does not come back; Help → Welcome… reopens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app import sample_data
from db.migrate import open_database
from ui.context import AppContext
from ui.icons import icon

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Windows opened on the sample database, kept alive here (the first window is held by ui/main.py).
_windows: list[Any] = []


class _Choice(QCommandLinkButton):
    """One way in: Tab and the arrows reach it, Enter or Space chooses it, and the focus shows as
    a tinted, framed box (a command link draws no focus of its own in Fusion or Windows styles:
    a reviewer could not tell which choice Tab had reached)."""

    def __init__(self, text: str, description: str, parent: QDialog) -> None:
        super().__init__(text, description, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.hasFocus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            highlight = self.palette().color(self.palette().ColorRole.Highlight)
            tint = QColor(highlight)
            tint.setAlpha(28)
            painter.setBrush(tint)
            painter.setPen(QPen(highlight, 2))
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)
            painter.end()
        super().paintEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down go round the choices, as in a list."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            dialog = self.parent()
            choices = dialog.findChildren(_Choice) if dialog is not None else []
            choices = [w for w in choices if w.isVisible() and w.isEnabled()]
            if self in choices:
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                choices[(choices.index(self) + step) % len(choices)].setFocus(Qt.FocusReason.TabFocusReason)
                return
        super().keyPressEvent(event)


class WelcomeDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("welcome_dialog")
        self.setWindowTitle(self.tr("Welcome to Ketnoi"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(480)
        self.setMaximumWidth(640)
        title = QLabel(self.tr("Welcome to Ketnoi"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Your database is empty. Keep your organisations, people, meetings and "
                "commitments here — start in one of these ways:"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.sample = self._choice(
            "welcome_sample",
            "dashboard",
            self.tr("Look around with sample data"),
            self.tr(
                "Opens a separate sample database (Vietnam's innovation scene, made-up people) "
                "in this window, in place of yours. Your own database stays empty: "
                "“Open my database” in the status bar brings it back."
            ),
        )
        self.sample.clicked.connect(self.open_sample)
        self.spreadsheet = self._choice(
            "welcome_import",
            "import",
            self.tr("Import a spreadsheet"),
            self.tr(
                "Bring in the contact or organisation lists you already keep in Excel or CSV; "
                "nothing is written before you have seen every row."
            ),
        )
        self.spreadsheet.clicked.connect(self.import_spreadsheet)
        self.team = self._choice(
            "welcome_team",
            "settings",
            self.tr("Connect to a team database"),
            self.tr("Your team keeps one shared PostgreSQL database: enter its address in Settings."),
        )
        self.team.clicked.connect(self.connect_team)
        self.status = QLabel("", self)
        self.status.setObjectName("welcome_status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        start = buttons.addButton(
            self.tr("Start with an empty database"), QDialogButtonBox.ButtonRole.RejectRole
        )
        start.setObjectName("welcome_empty")
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Help → Welcome… shows this again."), self)
        hint.setEnabled(False)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(intro)
        for button in (self.sample, self.spreadsheet, self.team):
            lay.addWidget(button)
        lay.addWidget(self.status)
        lay.addWidget(hint)
        lay.addWidget(buttons)

    def _choice(self, name: str, icon_name: str, text: str, description: str) -> QCommandLinkButton:
        button = _Choice(text, description, self)
        button.setObjectName(name)
        button.setIcon(icon(icon_name))
        return button

    # --- the three ways in -----------------------------------------------------------------------

    def open_sample(self) -> None:
        """Write the sample database (once; off the UI thread) and open it in place of this
        window (a new window at its place and size; this one closes), as its words say."""
        self.sample.setEnabled(False)
        self.status.setText(self.tr("Preparing the sample database…"))
        ctx = self.window_.ctx
        # the window's language (i18n.install made its locale the default): the sample's sectors
        lang = "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"
        ctx.tasks.run(
            lambda _task: sample_data.ensure_sample(lang=lang),
            on_done=self._sample_ready,
            on_error=self._sample_failed,
            owner=self,
        )

    def _sample_ready(self, url: str) -> None:
        self.accept()
        open_window(url, self.window_)

    def _sample_failed(self, exc: BaseException) -> None:
        self.sample.setEnabled(True)
        self.status.setText(self.tr("The sample database could not be written: %1").replace("%1", str(exc)))

    def import_spreadsheet(self) -> None:
        from ui.import_wizard import open_import_wizard

        self.accept()
        open_import_wizard(self.window_, self.window_.ctx)

    def connect_team(self) -> None:
        from ui.dialogs.settings import SettingsDialog

        self.accept()
        window, language = self.window_, self.window_.ctx.settings.language
        dialog = SettingsDialog(window.ctx, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: window.settings_saved(dialog, language))
        dialog.use_server.setChecked(True)
        dialog.server.setFocus()
        dialog.open()


def open_window(url: str, replacing: MainWindow) -> MainWindow | None:
    """A main window on the database at ``url`` (the sample), in place of ``replacing``."""
    from ui.main_window import MainWindow

    try:
        engine = open_database(url)
    except Exception as exc:  # a sample file that cannot be opened: say so, keep the window
        QMessageBox.warning(replacing, "Ketnoi", str(exc))
        return None
    ctx = AppContext(engine, replacing.ctx.settings)
    window = MainWindow(ctx)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: engine.dispose())
    _windows.append(window)
    window.destroyed.connect(lambda *_: _windows.remove(window) if window in _windows else None)
    window.setGeometry(replacing.geometry())
    window.show()
    window.status_line.announce(  # until another answer replaces it
        QCoreApplication.translate("WelcomeDialog", "Sample data: %1").replace(
            "%1", url.removeprefix("sqlite:///")
        ),
        0,
    )
    replacing.close()
    return window


def should_welcome(ctx: AppContext) -> bool:
    """Not welcomed before, and the database holds no records."""
    if ctx.settings.welcomed:
        return False
    with ctx.read() as session:
        return sample_data.is_empty(session)


def show_welcome(window: MainWindow) -> WelcomeDialog:
    """Show the welcome (window-modal, returns at once) and remember that it was shown."""
    window.ctx.settings.welcomed = True
    dialog = WelcomeDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def maybe_welcome(window: MainWindow) -> None:
    """At start-up: the welcome, once the window has painted, when :func:`should_welcome`."""
    if should_welcome(window.ctx):
        QTimer.singleShot(0, lambda: show_welcome(window) if window.isVisible() else None)


def is_sample(url: str) -> bool:
    """Whether ``url`` is the sample database (``ketnoi demo``'s and the welcome's file)."""
    from db.engine import sqlite_path
    from ui.copies import same_file

    path = sqlite_path(url)
    return path is not None and same_file(path, sample_data.sample_path())


def mark_sample(window: MainWindow) -> QPushButton | None:
    """A window on the sample database says so, in its title and in the status bar, with the
    way back to the person's own database (a reviewer tried the demo, then imported the real
    list into it: nothing told the two apart). Nothing on any other database."""
    if not is_sample(str(window.ctx.engine.url)):
        return None
    tr = QCoreApplication.translate
    window.setWindowTitle(tr("WelcomeDialog", "Sample data (made-up people) — Ketnoi"))
    leave = QPushButton(tr("WelcomeDialog", "Sample data · Open my database"), window)
    leave.setObjectName("leave_sample")
    leave.setFlat(False)  # (flat, it read as a note, not as a way out)
    leave.setToolTip(
        tr(
            "WelcomeDialog",
            "This window shows the sample database, not your own: nothing you do here reaches "
            "your records. Click to open your own database instead.",
        )
    )
    leave.clicked.connect(lambda: leave_sample(window))
    window.statusBar().insertPermanentWidget(0, leave)
    return leave


def own_url(window: MainWindow) -> str:
    """The person's own database: the one chosen in Settings, unless that is the sample; else
    the default file."""
    from db.paths import default_url, resolve_url

    chosen = window.settings.database_url
    if chosen and not is_sample(resolve_url(chosen)):
        return chosen
    return default_url()


def leave_sample(window: MainWindow) -> MainWindow | None:
    """Open the person's own database in place of the sample (as File → Open database… does)."""
    return window.open_database(own_url(window))
