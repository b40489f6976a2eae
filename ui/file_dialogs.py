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
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QMimeDatabase
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
            return QCoreApplication.translate("QAbstractFileIconProvider", "%1 File").replace(
                "%1", info.suffix().upper()
            )
        return mime.comment()


@cache
def provider() -> NameOnlyIconProvider:
    """One provider for every dialog (made once a QApplication exists)."""
    return NameOnlyIconProvider()


_last_folder: list[Path] = []  # the folder of the file last chosen in a dialog (this run)


def start_in(folder: str) -> str:
    """Where a dialog opens: ``folder`` as given, unless it says nothing more than the home
    folder (or nothing): then the folder last used in this run, the file name kept (reviewer:
    attach, save attachment and log e-mail always opened in the home folder)."""
    if not _last_folder:
        return folder
    given = Path(folder) if folder else None
    home = Path.home()
    if given is None or given == home:
        return str(_last_folder[0])
    if given.parent == home and not given.is_dir():  # a suggested name in the home folder
        return str(_last_folder[0] / given.name)
    return folder


def _remember(chosen: str) -> None:
    if chosen:
        _last_folder[:] = [Path(chosen).parent]


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
    dialog = QFileDialog(parent, caption, start_in(folder), name_filter)
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
        files = dialog.selectedFiles()
        _remember(files[0] if files else "")
        return files, dialog.selectedNameFilter()
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
