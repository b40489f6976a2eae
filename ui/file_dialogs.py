"""File dialogs that never open the files they list.

Qt's own file dialog (the one Linux and this app's tests use; Windows and macOS show their
native ones) asks :class:`QFileIconProvider` for each listed file's icon and type, and that
provider reads the first bytes of a file whose name says nothing (``ketnoi.db``) to guess its
type. Opening and closing the database file in this process drops every POSIX lock the process
holds on it — SQLite's too (fcntl locks belong to the process and file, not to the descriptor).
A reviewer saw exactly that: after Ctrl+O was cancelled in the database's folder the window held
no lock, a ``ketnoi`` command run beside it took itself for the file's last user, checkpointed
and deleted the WAL the window was still writing to, and the window's later saves were lost.

So every file dialog of the window is made here, with :class:`NameOnlyIconProvider`: types and
icons from the file name alone (``MatchExtension``), never from the contents. Functions named
and called like QFileDialog's static ones (``tests/ui/test_file_dialogs.py`` holds a live
database's lock through a listing of its folder; ``test_no_static_file_dialogs`` keeps every
dialog coming through here).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name, never from reading it."""

    def __init__(self) -> None:
        super().__init__()
        self._mimes = QMimeDatabase()

    def icon(self, what: object) -> QIcon:
        if not isinstance(what, QFileInfo):
            return super().icon(what)  # type: ignore[call-overload]
        if what.isDir():
            return super().icon(QAbstractFileIconProvider.IconType.Folder)
        fallback = super().icon(QAbstractFileIconProvider.IconType.File)
        mime = self._mimes.mimeTypeForFile(what, QMimeDatabase.MatchMode.MatchExtension)
        return QIcon.fromTheme(mime.iconName(), fallback)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return super().type(info)
        mime = self._mimes.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)
        if mime.isDefault() and info.suffix():  # (no name matched: "DB File", as Qt names it)
            return f"{info.suffix().upper()} File"
        return mime.comment()


@cache
def provider() -> NameOnlyIconProvider:
    """One provider for every dialog (made once a QApplication exists)."""
    return NameOnlyIconProvider()


def make_dialog(
    parent: QWidget | None,
    caption: str = "",
    folder: str = "",
    name_filter: str = "",
    options: QFileDialog.Option | None = None,
    *,
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
    save: bool = False,
) -> QFileDialog:
    """A file dialog set up as QFileDialog's static functions set theirs, listing by name only."""
    dialog = QFileDialog(parent, caption, folder, name_filter)
    dialog.setIconProvider(provider())
    if options is not None:
        dialog.setOptions(options)
    dialog.setFileMode(mode)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dialog


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        return dialog.selectedFiles(), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def get_open_file_name(
    parent: QWidget | None = None,
    caption: str = "",
    folder: str = "",
    name_filter: str = "",
    options: QFileDialog.Option | None = None,
) -> tuple[str, str]:
    files, chosen = _run(make_dialog(parent, caption, folder, name_filter, options))
    return (files[0], chosen) if files else ("", "")


def get_open_file_names(
    parent: QWidget | None = None,
    caption: str = "",
    folder: str = "",
    name_filter: str = "",
    options: QFileDialog.Option | None = None,
) -> tuple[list[str], str]:
    mode = QFileDialog.FileMode.ExistingFiles
    return _run(make_dialog(parent, caption, folder, name_filter, options, mode=mode))


def get_save_file_name(
    parent: QWidget | None = None,
    caption: str = "",
    folder: str = "",
    name_filter: str = "",
    options: QFileDialog.Option | None = None,
) -> tuple[str, str]:
    mode = QFileDialog.FileMode.AnyFile
    files, chosen = _run(make_dialog(parent, caption, folder, name_filter, options, mode=mode, save=True))
    return (files[0], chosen) if files else ("", "")
