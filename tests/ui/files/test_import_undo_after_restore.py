"""The wizard's "Undo this import" after the database was restored from a backup taken before
the import (reviewer h32, finding 6, g28.png: it said "No import batch with id 1." and, once a
new import took id #1 again, offered to undo that other import). An import is named by its id
and when it was made: gone, or another import under its id, is said plainly and nothing is undone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from app.importing import run_import
from db import backup as backups
from db.engine import read_session, sqlite_path
from db.models import ImportBatch
from tests.app.importing.helpers import preview, write_xlsx
from tests.ui.files.test_import_wizard import open_wizard, to_preview
from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard.wizard import PAGE_COMMIT

TIMEOUT = 30_000
OTHER = [["Họ và tên", "Đơn vị"], ["Lê Văn Khác", "Viện Khác"]]


def test_undo_after_a_restore_names_it_and_never_undoes_another_import(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    db_file = sqlite_path(str(engine.url))
    assert db_file is not None
    before = backups.take(db_file, "manual")  # before the wizard's import
    assert before is not None
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    to_preview(qtbot, w)
    w.next()
    assert w.currentId() == PAGE_COMMIT
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    mine = w.commit_result.batch_id
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)

    backups.restore(db_file, before)  # window B restores; the import is gone
    cp.undo.click()
    qtbot.waitUntil(lambda: "no longer" in cp.message.text(), timeout=TIMEOUT)
    assert not asked  # no question about an import that is not there
    said = cp.message.text()
    assert f"import #{mine} is no longer in this database" in said.lower()
    assert "restored from a backup" in said and "Nothing was changed" in said

    other = run_import(engine, preview(engine, write_xlsx(tmp_path / "khac.xlsx", {"Danh bạ": OTHER})))
    assert other.batch_id == mine  # the next import takes its id again
    cp.undo.setEnabled(True)
    cp.undo.click()
    qtbot.waitUntil(lambda: "another import" in cp.message.text(), timeout=TIMEOUT)
    assert not asked  # not offered: it is another import
    said = cp.message.text()
    assert f"#{mine} is now another import (khac.xlsx" in said and "Nothing was changed" in said
    with read_session(engine) as s:
        assert s.get(ImportBatch, mine).undone_at is None  # type: ignore[union-attr]
