"""File → Backups…: the database's copies, a copy now, and a restore that keeps what it replaces.

Copies are taken by themselves before imports, merges, bulk deletes, restores and upgrades, and
once a day at start (db/backup.py); this dialog lists them, takes one on request and puts one
back. A team's PostgreSQL database is backed up on the server: the dialog says so and offers a
pg_dump file.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import team
from db import backup as backups
from db import clock
from db.engine import sqlite_path
from db.errors import ReadOnlyFile, UserError
from db.migrate import restore_database
from ui import file_dialogs
from ui.context import AppContext
from ui.copies import choose_new_file
from ui.focus import select_on_focus
from ui.not_written import error_text
from ui.tasks import Task
from ui.team import hold_read_only, read_only_file, read_only_tip, role_label


class BackupsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backups_dialog")
        self.setWindowTitle(self.tr("Backups"))
        # wide enough for what each copy holds (1,000 px fits a 1280×720 screen and its frame)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(1000, screen.width() - 80) if screen is not None else 1000, 440)
        self.db_file = sqlite_path(str(ctx.engine.url))
        self.note = QLabel(self)
        self.note.setObjectName("backup_note")
        self.note.setWordWrap(True)
        # at the top, where it is read first: centred in the room a hidden list leaves, it sat
        # under an empty band (reviewer, a team database)
        self.note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QTreeWidget(self)
        self.list.setObjectName("backup_list")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Taken"), self.tr("Kind of copy"), self.tr("What it holds"), self.tr("Size")]
        )
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.header().setStretchLastSection(False)  # what it holds gets the room, not the size
        self.list.itemSelectionChanged.connect(self._selection_changed)
        select_on_focus(self.list)  # tabbed into: a copy selected, Restore… on
        self.take_button = QPushButton(self.tr("&Back up now"), self)
        self.take_button.setObjectName("backup_now")
        self.take_button.clicked.connect(self.take)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.setObjectName("backup_restore")
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(self.tr("&Open folder"), self)
        self.folder_button.clicked.connect(self._open_folder)
        # a file opened read-only (ui.team.read_only_file): what its refusals advise, a copy in a
        # folder the person can write, made here (db.backup reads it without writing beside it)
        self.save_copy_button = QPushButton(self.tr("Save a &copy…"), self)
        self.save_copy_button.setObjectName("backup_save_copy")
        self.save_copy_button.setToolTip(
            self.tr(
                "Copy this file, as it is, to a folder you can write. Open the copy to change it "
                "(an older copy is upgraded when it is opened)."
            )
        )
        self.save_copy_button.clicked.connect(self.save_copy)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()  # one row of buttons, Close at its end (as Undo history's)
        for b in (self.take_button, self.save_copy_button, self.restore_button, self.folder_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        lay = self.outer = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        self.busy = False
        self.partial = False  # a team login that does not see every record (its copy is partial)
        # a file opened read-only: a restore would replace it, and a copy needs a backups
        # folder beside it that may be made (a read-only folder: not; the CLI's
        # `ketnoi backup FILE` writes one elsewhere). A team reader's pg_dump only reads: not held.
        self.held: tuple[QPushButton, ...] = ()
        if read_only_file(ctx) is not None and self.db_file is not None:
            no_copy = not backups.folder_writable(self.db_file)
            held = (self.restore_button, self.take_button) if no_copy else (self.restore_button,)
            if hold_read_only(ctx, *held):
                self.held = held
        self.save_copy_button.setVisible(read_only_file(ctx) is not None and self.db_file is not None)
        if self.db_file is None:
            self.note.setText(
                self.tr(
                    "This is a team database on a PostgreSQL server: it is backed up on the server. "
                    "Back up now saves a copy made with pg_dump, which pg_restore puts back."
                )
            )
            # an officer's or a reader's pg_dump holds what row-level security lets the login
            # read (reviewer: lan's copy had 2 of the team's 3 meetings and the dialog said nothing)
            who = ctx.identity
            self.partial = who is not None and who.role not in team.FULL_SIGHT
            if who is not None and self.partial:
                self.note.setText(
                    self.note.text()
                    + "\n\n"
                    + self.tr(
                        "Your login (%1, %2) does not see every record, so the copy holds only what "
                        "it may see: colleagues' confidential records it may not see are left out. "
                        "The complete backup is the database owner's (the server's backups, or "
                        "pg_dump as the owner)."
                    )
                    .replace("%1", who.login)
                    .replace("%2", role_label(who.role))
                )
            self.list.hide()
            self.restore_button.hide()
            self.folder_button.hide()
            self._fit_to_note()
        else:
            self.note.setText(
                self.tr(
                    "Ketnoi copies the database before every import, merge, bulk delete and restore, "
                    "and once a day. Copies are kept in %1."
                ).replace("%1", str(backups.folder_for(self.db_file)))
            )
            if ctx.daily_backup_failed is not None:  # today's copy could not be made: said here
                when, exc = ctx.daily_backup_failed
                said = error_text(exc) if isinstance(exc, UserError) else str(exc)
                self.note.setText(
                    self.note.text()
                    + "\n\n"
                    + self.tr("⚠ Today's automatic copy could not be made (%1): %2")
                    .replace("%1", ctx.fmt_datetime(when))
                    .replace("%2", said)
                )
            if self.take_button in self.held:  # read-only, and no backups folder can be made
                self.folder_button.setVisible(backups.folder_for(self.db_file).is_dir())
                self.note.setText(
                    self.tr(
                        "This file is open read-only, and Ketnoi may not make copies beside it (%1). "
                        "Save a copy… writes it, as it is, to a folder you can write."
                    ).replace("%1", str(backups.folder_for(self.db_file)))
                )
            self.refresh()
        self._selection_changed()
        self._first_focus()

    def _first_focus(self) -> None:
        """The dialog opens on Back up now, its default: Space or Enter takes a copy. It opened
        on the list of copies, where Space only selected a row (reviewer h149); the list is a Tab
        away. A file that may not be copied beside (read-only) opens on Save a copy… instead."""
        first = next(
            (b for b in (self.take_button, self.save_copy_button) if b.isEnabled() and not b.isHidden()),
            None,
        )
        if first is None:
            return
        first.setDefault(True)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_to_note(self) -> None:
        """Without a list (a team database) the dialog is its note and its buttons: as wide as a
        message's text reads well and as tall as they need, not the list's 1,000×440 with the
        note alone in it; a taller one keeps the note at the top and the buttons at the bottom."""
        self.outer.insertSpacing(1, self.fontMetrics().lineSpacing())  # a line between it and the buttons
        self.outer.insertStretch(2, 1)  # (the room a taller dialog has goes under the note)
        width = min(self.width(), 720)
        self.resize(width, self.heightForWidth(width))

    def reason(self, reason: str) -> str:
        labels = {
            "daily": self.tr("Daily copy"),
            "manual": self.tr("Copy you asked for"),
            "before-import": self.tr("Before an import"),
            "before-merge": self.tr("Before a merge"),
            "before-bulk-delete": self.tr("Before deleting several records"),
            "before-restore": self.tr("Before a restore"),
            "before-empty-trash": self.tr("Before emptying the trash"),
            "before-undo-import": self.tr("Before undoing an import"),
        }
        if reason.startswith("before-upgrade"):
            return self.tr("Before an upgrade of Ketnoi")
        return labels.get(reason, reason)

    def refresh(self) -> None:
        if self.db_file is None:
            return
        self.list.clear()
        for b in backups.listing(self.db_file):
            when = self.ctx.fmt_datetime(b.at)
            # When it was set aside is in the first column.
            what = (
                self.tr("Damaged file set aside — kept, not restorable")
                if b.damaged
                else self.reason(b.reason)
            )
            item = QTreeWidgetItem([when, what, "" if b.damaged else "…", f"{b.size / 1e6:.1f} MB"])
            item.setData(0, Qt.ItemDataRole.UserRole, str(b.path))
            item.setData(1, Qt.ItemDataRole.UserRole, b.damaged)
            item.setToolTip(0, str(b.path))
            if b.ahead:
                item.setText(0, when + " " + self.tr("(clock was ahead)"))
                item.setToolTip(
                    0,
                    self.tr(
                        "Named with a time still to come: this copy was taken while the computer's "
                        "clock was ahead. It is listed by when its file was written, always kept, "
                        "and never counted among the copies kept."
                    )
                    + "\n"
                    + str(b.path),
                )
            if b.damaged:
                item.setToolTip(
                    1,
                    self.tr(
                        "The damaged database a restore replaced, kept as it was so that IT or support "
                        "can try to recover records from it. Ketnoi never restores or deletes it."
                    ),
                )
                for column in range(4):
                    item.setForeground(column, self.palette().placeholderText())
            self.list.addTopLevelItem(item)
        self._read_contents()

    def _read_contents(self) -> None:
        """Fill "What it holds" off the UI thread (each copy opened and counted: a second or two
        for twenty copies of a million-contact file), so that copies can be told apart (reviewer:
        four rows "Before a restore", and the wrong one restored)."""
        items = self._items()
        paths = [
            Path(str(item.data(0, Qt.ItemDataRole.UserRole))) for item in items if not self._is_damaged(item)
        ]

        def done(found: dict[str, backups.Contents | None]) -> None:
            for item in self._items():
                path = str(item.data(0, Qt.ItemDataRole.UserRole))
                if path in found:
                    item.setText(2, self.holds(found[path]))
                    item.setToolTip(2, item.text(2))  # (whole, where the column cuts it)

        self.ctx.tasks.run(
            lambda _task: {str(p): backups.contents(p) for p in paths}, on_done=done, owner=self
        )

    def _items(self) -> list[QTreeWidgetItem]:
        return [
            item
            for i in range(self.list.topLevelItemCount())
            if (item := self.list.topLevelItem(i)) is not None
        ]

    def holds(self, found: backups.Contents | None) -> str:
        """ "19 organisations, 21 contacts, 8 meetings, 12 actions · last change 06/12/2026 22:01 by Hà" """
        if found is None:
            return self.tr("cannot be read")
        # the last change first: it tells apart copies of one day, whose counts often agree
        counts = ", ".join(
            (
                self.tr("%Ln contact(s)", "", found.contacts),
                self.tr("%Ln meeting(s)", "", found.meetings),
                self.tr("%Ln action(s)", "", found.actions),
                self.tr("%Ln organisation(s)", "", found.organisations),
            )
        )
        if found.last_change_at is None:
            return counts
        when = self.ctx.fmt_datetime(clock.local(found.last_change_at))
        if found.last_change_by:
            last = self.tr("last change %1 by %2").replace("%1", when).replace("%2", found.last_change_by)
        else:
            last = self.tr("last change %1").replace("%1", when)
        return f"{last} · {counts}"

    @staticmethod
    def _is_damaged(item: QTreeWidgetItem) -> bool:
        return bool(item.data(1, Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        items = self.list.selectedItems()
        damaged = bool(items) and self._is_damaged(items[0])
        self.restore_button.setEnabled(not self.busy and bool(items) and not damaged)
        if self.restore_button not in self.held:  # a held button's tooltip says why it is off
            self.restore_button.setToolTip(
                self.tr("A damaged file set aside is kept for recovery; it cannot be restored.")
                if damaged
                else ""
            )
        self.take_button.setEnabled(not self.busy)
        self.save_copy_button.setEnabled(not self.busy)

    def _open_folder(self) -> None:
        if self.db_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups.folder_for(self.db_file))))

    def _run(
        self, work: Callable[[Task], Any], done: Callable[[Any], None], message: str, not_done: str
    ) -> None:
        """``work`` on a worker (``message`` in the status bar meanwhile); on failure the status
        bar says ``not_done`` instead, and a box says it with the reason."""
        self.busy = True
        self._selection_changed()
        self.ctx.status_message.emit(message)

        def finished(result: object) -> None:
            self.busy = False
            self._selection_changed()
            self.refresh()
            done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._selection_changed()
            self.refresh()  # a restore may have set a copy aside before it failed
            self.ctx.status_message.emit(not_done)  # not "Backing up…" for good
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Backups"), not_done, parent=self)
            box.setObjectName("backup_failed")
            box.setInformativeText(self.reason_for(exc))
            box.exec()

        self.ctx.tasks.run(work, on_done=finished, on_error=failed, write=True, owner=self)

    def reason_for(self, exc: BaseException) -> str:
        """Why a copy or restore failed, as the person should read it: a file opened read-only
        in their language (ui.team), a team database's refusal likewise (ctx.in_words), an
        OS error without Python's "[Errno 30]", anything else as db.backup words it."""
        if isinstance(exc, ReadOnlyFile) and read_only_file(self.ctx) is not None:
            return read_only_tip(self.ctx)
        cause = exc if isinstance(exc, OSError) else exc.__cause__  # db.backup keeps the OS's error
        if isinstance(cause, OSError) and cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return self.tr("Ketnoi may not write to %1 (it is read-only for you).").replace(
                "%1", str(cause.filename or "")
            )
        if isinstance(exc, OSError):
            return f"{exc.strerror or exc} ({exc.filename})" if exc.filename else str(exc.strerror or exc)
        said = self.ctx.in_words(exc)
        return error_text(said) if isinstance(said, UserError) else str(said)  # a full disk: its Vietnamese

    def take(self) -> None:
        url = str(self.ctx.engine.url.render_as_string(hide_password=False))
        if self.db_file is None:
            name = f"ketnoi-{clock.now():%Y%m%d-%H%M}.dump"
            path, _ = file_dialogs.get_save_file_name(self, self.tr("Save a copy of the team database"), name)
            if not path:
                return

            def dump(_task: Task) -> Path:
                return backups.pg_dump(url, Path(path))

            self._run(
                dump,
                self._taken,
                self.tr("Saving a copy of the team database…"),
                self.tr("No copy was saved."),
            )
            return
        db_file = self.db_file

        def copy(_task: Task) -> Path | None:
            return backups.take(db_file, "manual")

        self._run(copy, self._taken, self.tr("Backing up…"), self.tr("The backup was not taken."))

    def save_copy(self) -> None:
        """A copy of the read-only file, as it is, where the person chooses (db.backup reads it
        without writing beside it): always a new file (ui.copies: replacing one lost another
        database's changes in its -wal)."""
        if self.db_file is None:
            return
        db_file = self.db_file
        start = Path.home() / f"{db_file.stem}-{clock.now():%Y%m%d}.db"
        to = choose_new_file(self, self.tr("Save a copy of the database"), start, db_file)
        if to is None:
            return

        def copy(_task: Task) -> Path | None:
            return backups.take(db_file, "manual", to=to)

        self._run(copy, self._taken, self.tr("Saving a copy…"), self.tr("No copy was saved."))

    def _taken(self, path: object) -> None:
        if self.partial:
            said = self.tr("Saved to %1: only what your login may see, not the whole team database.")
        else:
            said = self.tr("Backed up to %1")
        # with Open and Show in folder beside it (reviewer h102: the long sentence was cut at
        # 1366 px and gone after ten seconds, with no way to the file)
        from ui import answers

        answers.file_written(self.ctx, said.replace("%1", str(path)), str(path))

    def restore_question(self, item: QTreeWidgetItem) -> QMessageBox:
        """ "Restore this backup?": which database file is replaced by which backup (when it was
        taken), that a copy of the database as it is now is taken first (db.backup.restore
        does so; a damaged one is set aside whole instead), and Cancel the default."""
        assert self.db_file is not None
        source = Path(str(item.data(0, Qt.ItemDataRole.UserRole)))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"), "", parent=self)
        box.setObjectName("restore_question")
        box.setText(
            self.tr("Replace the database %1 with the backup taken %2?")
            .replace("%1", self.db_file.name)
            .replace("%2", item.text(0))
        )
        box.setInformativeText(
            self.tr(
                "Everything recorded in %1 since that backup will be gone from it. A copy of the "
                "database as it is now is taken first, in %2, so this can be undone by restoring "
                "that copy."
            )
            .replace("%1", self.db_file.name)
            .replace("%2", str(backups.folder_for(self.db_file)))
        )
        box.setDetailedText(
            self.tr("Database: %1\nBackup: %2").replace("%1", str(self.db_file)).replace("%2", str(source))
        )
        replace = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.DestructiveRole)
        replace.setObjectName("restore_confirm")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box

    def confirm_restore(self, item: QTreeWidgetItem) -> bool:
        box = self.restore_question(item)
        box.exec()
        return box.clickedButton() is box.findChild(QPushButton, "restore_confirm")

    def restore_selected(self) -> None:
        items = self.list.selectedItems()
        if not items or self.db_file is None or self._is_damaged(items[0]):
            return
        source = Path(str(items[0].data(0, Qt.ItemDataRole.UserRole)))
        if not self.confirm_restore(items[0]):
            return
        engine = self.ctx.engine
        url = engine.url.render_as_string(hide_password=False)

        def restore(_task: Task) -> object:
            engine.dispose()  # no pooled connection keeps the old pages
            return restore_database(url, source)

        self._run(restore, self._restored, self.tr("Restoring…"), self.tr("The database was not restored."))

    def _restored(self, saved: object) -> None:
        self.ctx.restored()  # nothing from before the restore is offered as Undo
        self.ctx.changed.emit("", [])  # every view shows the restored records
        if saved:
            self.ctx.status_message.emit(
                self.tr("The database was restored. What it held before is kept in %1.").replace(
                    "%1", Path(str(saved)).name
                )
            )
        else:
            self.ctx.status_message.emit(self.tr("The database was restored."))
