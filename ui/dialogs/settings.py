"""Settings: where the database is, who the user is, how dates are written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import lists, records, team
from db.paths import default_url, resolve_url
from ui import file_dialogs, i18n, labels
from ui import team as team_ui
from ui.alt_letters import give_button_letters
from ui.context import AppContext


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        s = ctx.settings
        s.reload()  # (another window may have saved one since this one read them)
        url = s.database_url
        self.use_file = QRadioButton(self.tr("A file on this computer (SQLite)"), self)
        self.use_server = QRadioButton(self.tr("A team server (PostgreSQL URL)"), self)
        group = QButtonGroup(self)
        group.addButton(self.use_file)
        group.addButton(self.use_server)
        self.file = QLineEdit(self)
        self.file.setPlaceholderText(self.tr("Default: ketnoi.db in your data folder"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.server = QLineEdit(self)
        self.server.setPlaceholderText("postgresql://user:password@host/ketnoi")
        if url.startswith("postgres"):
            self.use_server.setChecked(True)
            self.server.setText(url)
        else:
            self.use_file.setChecked(True)
            self.file.setText(url.removeprefix("sqlite:///"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        where = labels.database_location(str(ctx.engine.url))  # a file's path; a server's name, no password
        current = QLabel(self.tr("Now open: %1").replace("%1", where), self)
        current.setObjectName("settings_now_open")
        current.setEnabled(False)
        current.setWordWrap(True)
        note = QLabel(self.tr("A new database location is opened on OK, in place of the one open now."), self)
        note.setEnabled(False)
        note.setWordWrap(True)
        # Started with --db: the choice above is the saved one, not what is open; say which is which
        # (showing the --db one as the choice would save it for good on OK).
        by_command_line = QLabel(self)
        by_command_line.setObjectName("settings_command_line_database")
        by_command_line.setWordWrap(True)
        by_command_line.hide()
        given = s.command_line_url
        saved = labels.database_location(resolve_url(url or default_url()))
        if given and labels.database_location(given) == where and saved != where:
            by_command_line.setText(
                self.tr(
                    "This database was given on the command line (--db or KETNOI_DATABASE_URL) "
                    "and is open for this session only. The choice above is the saved one (%1): "
                    "Ketnoi opens it when started without --db."
                ).replace("%1", saved)
            )
            by_command_line.show()
        self.command_line_note = by_command_line

        self.staff = QComboBox(self)
        self.staff.setObjectName("settings_staff")
        self.staff.addItem(self.tr("— not chosen —"), 0)
        with ctx.read() as session:
            for sid, name in lists.staff_list(session):
                self.staff.addItem(name, sid)
        self.staff.setCurrentIndex(max(0, self.staff.findData(ctx.staff_id or 0)))
        self.date_format = QComboBox(self)
        self.date_format.setObjectName("settings_date_format")
        for key, text in (
            ("dmy", self.tr("Day first: 23/11/2026")),
            ("ymd", self.tr("ISO: 2026-11-23")),
            ("mdy", self.tr("Month first: 11/23/2026")),
        ):
            self.date_format.addItem(text, key)
        self.date_format.setCurrentIndex(max(0, self.date_format.findData(s.date_format)))
        self.language = QComboBox(self)
        self.language.setObjectName("settings_language")
        for key, text in (
            ("system", self.tr("As the system")),
            ("en", "English"),
            ("vi", "Tiếng Việt"),
        ):
            self.language.addItem(text, key)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        # What this dialog showed: OK saves only what was changed in it, not the rest as it was
        # read (reviewer: OK in one window, untouched, put back "I am: not chosen" over the choice
        # just made in the other window, and the language with it).
        self.shown = self._choices()
        language_note = QLabel(self.tr("The whole window changes language when you press OK."), self)
        language_note.setEnabled(False)
        language_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Database"), self.use_file)
        form.addRow("", file_row)
        form.addRow("", self.use_server)
        form.addRow("", self.server)
        form.addRow("", current)
        form.addRow("", by_command_line)
        form.addRow("", note)
        add_staff = QPushButton(self.tr("New staff member…"), self)
        add_staff.setObjectName("settings_add_staff")
        add_staff.setAutoDefault(False)  # Enter is OK, not this button again (reviewer h143)
        add_staff.clicked.connect(self._add_staff)
        team_ui.hold_read_only(ctx, add_staff)  # a file opened read-only: adding writes (reviewer)
        self.add_staff = add_staff
        staff_row = QHBoxLayout()
        staff_row.addWidget(self.staff, 1)
        staff_row.addWidget(add_staff)
        who = ctx.identity
        if who is None:
            form.addRow(self.tr("I am"), staff_row)
        else:  # a team database: you are who you signed in as (the database's word, not a choice)
            self.staff.hide()
            add_staff.hide()
            signed_in = QLabel(team_ui.signed_in_text(who), self)
            signed_in.setObjectName("settings_signed_in")
            signed_in.setWordWrap(True)
            form.addRow(self.tr("Signed in as"), signed_in)
            self.signed_in = signed_in
            ctx.identity_changed.connect(self._identity_changed)  # an administrator changed the role
        form.addRow(self.tr("Dates"), self.date_format)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", language_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        give_button_letters(self)  # (an Alt letter on each of its buttons: ui.alt_letters)

    def _identity_changed(self, _old: object, new: team.Identity) -> None:
        self.signed_in.setText(team_ui.signed_in_text(new))

    def _add_staff(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New staff member"), self.tr("Full name"))
        self.staff.setFocus()  # back on the list "I am" (the new member, once added): Enter is OK
        if ok and name.strip():
            self.create_staff(name.strip())

    def create_staff(self, name: str) -> None:
        """Add a staff member (one unit of work) and select them."""

        def done(staff_id: int) -> None:
            self.staff.addItem(name, staff_id)
            self.staff.setCurrentIndex(self.staff.count() - 1)

        self.ctx.write(lambda s: records.create(s, "staff", {"name": name}), entity="staff", on_done=done)

    def _browse(self) -> None:
        path, _f = file_dialogs.get_save_file_name(
            self,
            self.tr("Database file"),
            self.file.text(),
            self.tr("Ketnoi database (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.file.setText(path)

    def database_url(self) -> str:
        if self.use_server.isChecked():
            return self.server.text().strip()
        path = self.file.text().strip()
        return f"sqlite:///{path}" if path else ""

    def _choices(self) -> dict[str, Any]:
        return {
            "url": self.database_url(),
            "staff": int(self.staff.currentData() or 0),
            "date_format": str(self.date_format.currentData()),
            "language": str(self.language.currentData()),
        }

    def apply(self) -> None:
        s = self.ctx.settings
        chosen_now = self._choices()
        changed = {key for key, value in chosen_now.items() if value != self.shown[key]}
        self.location_before = s.database_url
        if "url" in changed:
            s.database_url = self.database_url()
        # A location changed here and not the one open: the window opens it on OK (the reviewer
        # connected to the team server from the welcome and stayed on the file, told only in grey
        # that it would apply at the next start).
        chosen = resolve_url(self.database_url() or default_url())
        self.moved_to: str | None = None
        if s.database_url != self.location_before and labels.database_location(
            chosen
        ) != labels.database_location(str(self.ctx.engine.url)):
            self.moved_to = chosen
        if self.ctx.identity is None and "staff" in changed:
            s.staff_id = int(self.staff.currentData() or 0) or None
            self.ctx.remember_identity(s.staff_id)
        if "date_format" in changed:
            s.date_format = str(self.date_format.currentData())
        if "language" in changed:
            s.language = str(self.language.currentData())
            app = QCoreApplication.instance()
            if app is not None:  # dialogs opened from now on speak it; the window is rebuilt in it
                i18n.install(app, s.language)
        self.accept()
