"""A window that died while it was writing an import (reviewer h32, finding 7, g15.png): the
next start says the import did not finish and that nothing of it was written — and says nothing
of an import still running in another window, or of one that was written after all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app import import_underway as underway
from app.importing import run_import
from db.engine import read_session, sqlite_path
from tests.app.importing.helpers import preview, write_xlsx

ROOT = Path(__file__).resolve().parents[3]
ROWS = [["Họ và tên", "Đơn vị"], ["Lê Văn Chín", "Viện Công nghệ Sinh học"]]


def _dead_window_began(db_file: Path, file_name: str) -> None:
    """An import begun by a process that then died (its lock goes with it)."""
    code = (
        "import os, sys; from pathlib import Path; from app import import_underway as underway; "
        f"underway.begin(Path({str(db_file)!r}), {file_name!r}); os._exit(9)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=os.environ.copy(), check=False)
    assert done.returncode == 9


def test_the_next_start_says_a_killed_import_wrote_nothing(qtbot: Any, window: Any, engine: Any) -> None:
    from ui.main import say_stopped_imports

    db_file = sqlite_path(str(engine.url))
    assert db_file is not None
    _dead_window_began(db_file, "field-contacts.xlsx")
    running = underway.begin(db_file, "running.xlsx")  # another window's, under way
    try:
        say_stopped_imports(window)
        said = window.statusBar().currentMessage()
        assert said == (
            "The import of field-contacts.xlsx did not finish: Ketnoi was closed or stopped while "
            "it was writing. Nothing from it was written; import the file again."
        )
        with read_session(engine) as s:
            assert underway.stopped(s, db_file) == []  # said once; the running one is not stopped
    finally:
        assert running is not None
        running.end()


def test_an_import_written_before_the_window_died_is_not_called_unwritten(
    engine: Any, tmp_path: Path
) -> None:
    db_file = sqlite_path(str(engine.url))
    assert db_file is not None
    book = write_xlsx(tmp_path / "done.xlsx", {"Danh bạ": ROWS})
    began = underway.begin(db_file, "done.xlsx")
    assert began is not None
    run_import(engine, preview(engine, book))
    began._fh.close()  # died after the commit, before the marker went (its lock goes with it)
    other_db = tmp_path / "other.db"
    _dead_window_began(other_db, "elsewhere.xlsx")
    with read_session(engine) as s:
        assert underway.stopped(s, db_file) == []
        assert [x.file_name for x in underway.stopped(s, other_db)] == ["elsewhere.xlsx"]


def test_the_wizard_marks_its_import_while_it_writes_and_not_after(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from tests.ui.files.test_import_wizard import open_wizard, to_preview
    from tests.ui.files.workbooks import contacts_workbook
    from ui.import_wizard.wizard import PAGE_COMMIT

    begun: list[Any] = []
    real = underway.begin
    monkeypatch.setattr(underway, "begin", lambda *a: begun.append(real(*a)) or begun[-1])
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    to_preview(qtbot, w)
    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=30_000)
    [marker] = begun
    assert marker is not None and not marker.path.exists()  # made, and gone once written
