"""Choosing where a copy of a database goes: always a new file, in a folder that exists and that
Ketnoi may write.

Used by "Save a copy and open it…" (a read-only file of an older schema, ui.main) and by
Backups → "Save a copy…" (a file opened read-only). Neither replaces a file: the one chosen may be
another Ketnoi database whose ``-wal`` holds changes not yet in it, and replacing it (the save
dialog's own "Do you want to replace it?") lost them. A refused choice says why and the dialog
opens again in the folder chosen; Cancel gives None.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.paths import writable_folder
from ui import file_dialogs


def tr(text: str) -> str:
    return QCoreApplication.translate("Copies", text)


def database_files() -> str:
    """The file dialogs' filter."""
    return tr("Ketnoi databases (*.db *.sqlite *.sqlite3);;All files (*)")


def refusal(target: Path, source: Path | None) -> str | None:
    """Why ``target`` cannot take a new copy of ``source`` (None: it can)."""
    if target.exists() or same_file(target, source):
        return tr("%1 exists already. The copy needs a new file name: choose another one.").replace(
            "%1", str(target)
        )
    if not target.parent.is_dir():
        return tr("There is no folder %1: choose another one.").replace("%1", str(target.parent))
    if not writable_folder(target.parent):
        return tr("Ketnoi may not write to the folder %1: choose another one.").replace(
            "%1", str(target.parent)
        )
    return None


def choose_new_file(
    parent: QWidget | None, title: str, start: Path, source: Path | None = None
) -> Path | None:
    """A new file for a copy of ``source``, asked until one is acceptable or the person cancels.
    ``start``: the name proposed, in the folder the dialog opens in. A name without a suffix
    gets ``.db``."""
    while True:
        chosen, _ = file_dialogs.get_save_file_name(
            parent, title, str(start), database_files(), options=QFileDialog.Option.DontConfirmOverwrite
        )
        if not chosen:
            return None
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".db")
        why = refusal(target, source)
        if why is None:
            return target
        box = QMessageBox(QMessageBox.Icon.Information, "Ketnoi", why, parent=parent)
        box.setObjectName("copy_refused")
        box.exec()
        box.deleteLater()
        folder = target.parent if target.parent.is_dir() else start.parent
        start = folder / start.name


def same_file(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    with contextlib.suppress(OSError):
        return a.resolve() == b.resolve()
    return False
