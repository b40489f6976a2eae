"""What Ketnoi asks when a database cannot be opened as it is: a damaged file (its latest good
backup, another file or a new database in its place), a read-only file, a copy an older Ketnoi
made, a team server that turned the login away or needs a password.

Each question is a box in the person's language (the "Main" context, as when these were in
ui/main.py) and returns what was chosen; ui.main's :class:`~ui.main.Opening` acts on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget

from db.paths import resolve_url
from ui import file_dialogs, labels
from ui.copies import database_files, same_file
from ui.settings import Settings

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
    from db.paths import leftovers
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
