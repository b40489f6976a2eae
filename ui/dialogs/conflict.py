"""Someone saved the record after it was opened: show both versions, let the user choose.

After a restore (``ConflictError.restored``) the record under that id is the backup's, maybe
another person: the dialog says so and offers no "Save mine over theirs"."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError, LastSave
from db import clock
from ui import labels
from ui.context import AppContext


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def _when(ctx: AppContext, value: Any) -> str:
    """When the restore happened (a local ISO time), in the date format the user chose."""
    try:
        at = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value or "").replace("T", " ")[:16]
    return ctx.fmt_datetime(at.replace(tzinfo=None))


def saved_by(ctx: AppContext, saved: LastSave | None) -> str | None:
    """Who saved a record meanwhile (:attr:`ConflictError.saved`, :attr:`app.records.Edited.saved`)
    in the window's words: a colleague on a team database, "Nguyễn Văn A (login nva)"; "" when
    it was this person elsewhere — another window, the command line — as it always is on a file
    one person uses; None when the history does not say (then: someone else)."""
    if saved is None:
        return None
    me = ctx.identity
    if not saved.team or (me is not None and saved.login and saved.login == me.login):
        return ""
    if saved.actor and saved.login and saved.login != saved.actor:
        return tr("%1 (login %2)").replace("%2", saved.login).replace("%1", saved.actor)
    return saved.actor or saved.login or None


def merged_said(ctx: AppContext, name: str, saved: LastSave | None) -> str:
    """The status bar's sentence after a save merged with another made meanwhile (other fields:
    both kept), naming who made it as the conflict dialog does."""
    who = saved_by(ctx, saved)
    if who:
        said = tr(
            "“%1” was changed by %2 while you were editing it; their changes and yours were both saved."
        )
        said = said.replace("%2", who)
    elif who == "":
        said = tr(
            "“%1” was changed in another window or from the command line while you were editing "
            "it here; both changes were saved."
        )
    else:
        said = tr(
            "“%1” was changed by someone else while you were editing it; their changes and yours were both saved."
        )
    return said.replace("%1", name)


def _show(ctx: AppContext, entity: str, field: str, value: Any) -> str:
    """A value as the record's page and history show it (a status's word, a date the user's way)."""
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):  # (attendees)
        return ", ".join(str(v.get("full_name", v)) if isinstance(v, dict) else str(v) for v in value)
    return labels.field_value(ctx, entity, field, value)  # (phones as the page writes them)


def _tip(text: str) -> str:
    """A cell's text whole as its tooltip: rich text, so that Qt wraps a long line."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>" if text else ""


def _size(dialog: QDialog) -> tuple[int, int]:
    """Room for both versions of long text, within the screen (1280×720 too)."""
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    width, height = 760, 480
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 80)
    return width, height


class ConflictDialog(QDialog):
    def __init__(self, ctx: AppContext, exc: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = "edit"
        text = self._who_saved(ctx, exc)
        if exc.restored is not None:
            # The record under this id is now the backup's, maybe another person: saving yours
            # over it is not offered (only reopening, or finding the record you meant).
            self.setWindowTitle(self.tr("The database was restored from a backup"))
            text = (
                self.tr(
                    "The database was restored from a backup (%1, %2) after you opened this record. "
                    "Under its id it now holds “%3”, as the backup has it — maybe another record than "
                    "yours. Nothing has been overwritten: discard your changes and open the record again, "
                    "or find the one you meant."
                )
                .replace("%1", str(exc.restored.get("from") or ""))
                .replace("%2", _when(ctx, exc.restored.get("at")))
                .replace("%3", exc.label)
            )
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        # the fields both saves changed, when the save knew where its edit began (the others were
        # merged, never asked about); else every field of yours that differs from what is stored
        # After a restore: every field of yours that differs from the restored record (no one saved
        # "both": reviewer, an empty table and the note typed not listed)
        asked = exc.attempted if exc.clashing is None or exc.restored is not None else exc.clashing
        fields = [
            k
            for k in asked
            if _show(ctx, exc.entity, k, exc.attempted.get(k))
            != _show(ctx, exc.entity, k, exc.current.get(k))
        ]
        # Each side whole: a cell wraps and grows to its text's lines (minutes of many lines were
        # cut to "Quan notes: agreed NDA draft.…", the line added here not shown: reviewer h107),
        # the table scrolls by pixel through a tall one, and the tooltip holds the text too
        self.table = QTableWidget(len(fields), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Saved now"), self.tr("Yours")])
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, name in enumerate(fields):
            self.table.setItem(row, 0, QTableWidgetItem(labels.field_label(name)))
            for column, values in ((1, exc.current), (2, exc.attempted)):
                shown = _show(ctx, exc.entity, name, values.get(name))
                item = QTableWidgetItem(shown)
                item.setToolTip(_tip(shown))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(self)
        mine = QPushButton(self.tr("Save mine over theirs"), self)
        theirs = QPushButton(
            self.tr("Discard mine, keep theirs")
            if exc.restored is None
            else self.tr("Discard mine, keep the restored record"),  # (no "them" after a restore)
            self,
        )
        keep = QPushButton(self.tr("Keep editing"), self)
        if exc.restored is None:
            buttons.addButton(mine, QDialogButtonBox.ButtonRole.AcceptRole)
        else:
            mine.hide()
        buttons.addButton(theirs, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.RejectRole)
        mine.clicked.connect(lambda: self._choose("mine", accept=True))
        theirs.clicked.connect(lambda: self._choose("theirs", accept=False))
        keep.clicked.connect(lambda: self._choose("edit", accept=False))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(*_size(self))

    def _who_saved(self, ctx: AppContext, exc: ConflictError) -> str:
        """Who saved the record after it was opened, as its history says (``exc.saved``), and
        when, in the date format chosen: a colleague by name and login on a team database,
        yourself in another window, or another window or the command line on a file one person
        uses — "someone else" only when the history does not say. The title says it too."""
        saved, who = exc.saved, saved_by(ctx, exc.saved)
        if saved is None or who is None:
            return self.tr(
                "“%1” was saved by someone else after you opened it. Nothing has been overwritten. "
                "Compare the two versions and choose."
            ).replace("%1", exc.label)
        when = ctx.fmt_datetime(clock.local(saved.at))
        if who:
            self.setWindowTitle(self.tr("Changed by %1").replace("%1", saved.actor or saved.login))
            said = (
                self.tr("%1 saved “%2” at %3, after you opened it.")
                .replace("%3", when)
                .replace("%2", exc.label)
                .replace("%1", who)
            )
        else:
            if saved.team:  # the same login: this person, in another window
                self.setWindowTitle(self.tr("Changed in another of your windows"))
                text = self.tr(
                    "You saved “%1” at %2 in another window or from the command line, after you opened it here."
                )
            else:
                self.setWindowTitle(self.tr("Changed in another window"))
                text = self.tr(
                    "“%1” was saved at %2 from another window or the command line, after you opened it here."
                )
            said = text.replace("%2", when).replace("%1", exc.label)
        return said + " " + self.tr("Nothing has been overwritten. Compare the two versions and choose.")

    def _choose(self, choice: str, *, accept: bool) -> None:
        self.choice = choice
        if accept:
            self.accept()
        else:
            self.reject()
