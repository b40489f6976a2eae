"""The window's file dialogs list a folder without opening its files (ui.file_dialogs).

Reviewer: after Ctrl+O was cancelled in the database's folder the window no longer held its
lock on the file (Qt read the file's first bytes to name its type, and closing it dropped the
process's POSIX locks, SQLite's included); a ``ketnoi`` command run beside it then took itself
for the last user, deleted the WAL the window was writing to, and later saves were lost.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel
from sqlalchemy import text

from app import records
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from ui import file_dialogs

ROOT = Path(__file__).resolve().parents[2]

# Another program opening the file and closing it: as the last user it would checkpoint the WAL
# and delete it; while this process holds its lock it leaves both in place.
OTHER_PROGRAM = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
print(con.execute("SELECT count(*) FROM organisation").fetchone()[0])
con.close()
"""


def _other_program(db: Path) -> int:
    out = subprocess.run(
        [sys.executable, "-c", OTHER_PROGRAM, str(db)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def _listed(qtbot, dialog: QFileDialog, db: Path) -> None:
    """Show ``dialog`` and wait until its list has named the database file's type."""
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    qtbot.waitUntil(lambda: bool(model.type(model.index(str(db)))), timeout=10_000)
    qtbot.wait(200)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows locks belong to the handle, not the process")
def test_listing_the_databases_folder_keeps_its_lock_and_the_saves_after_it(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "ketnoi.db"
    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as session:  # the window's connection: open, in WAL mode
            session.execute(text("SELECT count(*) FROM organisation")).scalar_one()
        dialog = file_dialogs.make_dialog(None, "Open database", str(tmp_path), "Ketnoi (*.db)")
        qtbot.addWidget(dialog)
        _listed(qtbot, dialog, db)
        dialog.reject()

        assert _other_program(db) == 0
        assert Path(f"{db}-wal").exists(), "the other program deleted the WAL this window uses"
        with unit_of_work(engine) as session:
            records.create(session, "organisation", {"name": "Viện Hàn lâm Khoa học và Công nghệ Việt Nam"})
        assert _other_program(db) == 1  # the save after the dialog is in the file for everyone
    finally:
        engine.dispose()
    assert _other_program(db) == 1  # and stays there once the window has closed it


def test_the_type_column_names_files_by_their_names(qtbot, tmp_path: Path) -> None:
    (tmp_path / "danh-ba.xlsx").write_bytes(b"not really a workbook")
    (tmp_path / "ketnoi.db").write_bytes(b"SQLite format 3\x00" + bytes(100))
    provider = file_dialogs.provider()
    from PySide6.QtCore import QFileInfo, QMimeDatabase

    assert provider.type(QFileInfo(str(tmp_path / "ketnoi.db"))) == "DB File"
    # By its name, not its bytes (plain text): the workbook type's own wording, which the machine's
    # MIME database gives ("Excel 2007 spreadsheet", or "Microsoft Excel Worksheet" where
    # LibreOffice is installed).
    mimes = QMimeDatabase()
    workbook = mimes.mimeTypeForName("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    said = provider.type(QFileInfo(str(tmp_path / "danh-ba.xlsx")))
    assert said == workbook.comment() and said
    assert said != mimes.mimeTypeForName("text/plain").comment()
    assert not provider.icon(QFileInfo(str(tmp_path / "ketnoi.db"))).isNull()
    assert not provider.icon(QFileInfo(str(tmp_path))).isNull()


def test_every_file_dialog_of_the_window_comes_through_file_dialogs() -> None:
    """QFileDialog's static functions build a dialog with Qt's own icon provider: none is used."""
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if path.name != "file_dialogs.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "QFileDialog.get" in line or "QFileDialog(" in line
    ]
    assert offenders == []


def test_a_dialog_opens_where_the_last_file_was_chosen(qtbot, tmp_path: Path, monkeypatch) -> None:
    """Reviewer: attach, save attachment and log e-mail always opened in the home folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    monkeypatch.setattr(file_dialogs, "_last_folder", [])
    documents = tmp_path / "Tài liệu"
    documents.mkdir()
    (documents / "Công văn 01.pdf").write_bytes(b"%PDF-1.4")
    assert file_dialogs.start_in(str(home)) == str(home)  # nothing chosen yet: as asked

    real_make = file_dialogs.make_dialog
    made: list[QFileDialog] = []

    def make(*args, **kwargs):  # the real dialog; its modal loop answered as a person would
        dialog = real_make(*args, **kwargs)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)

        def exec_() -> int:
            dialog.selectFile(str(documents / "Công văn 01.pdf"))
            return int(QFileDialog.DialogCode.Accepted.value)

        dialog.exec = exec_  # type: ignore[method-assign]
        made.append(dialog)
        return dialog

    monkeypatch.setattr(file_dialogs, "make_dialog", make)
    chosen, _ = file_dialogs.get_open_file_name(None, "Attach files", str(documents))
    monkeypatch.setattr(file_dialogs, "make_dialog", real_make)
    assert made and Path(made[0].directory().absolutePath()) == documents
    assert chosen == str(documents / "Công văn 01.pdf")
    for asked in ("", str(home)):
        dialog = file_dialogs.make_dialog(None, "Attach files", asked)
        qtbot.addWidget(dialog)
        assert Path(dialog.directory().absolutePath()) == documents
    assert file_dialogs.start_in(str(home / "thu.docx")) == str(documents / "thu.docx")
    assert file_dialogs.start_in(str(tmp_path)) == str(tmp_path)  # a folder the caller chose stays
