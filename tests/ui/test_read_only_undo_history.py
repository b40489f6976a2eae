"""A window on a file opened read-only: Edit → Undo history… and File → Import history… do not
say "Can be undone" of what this window may not undo (reviewer: they did, beside an Undo button
that was off). The row says the file is open read-only, the detail line says what to do, and the
Undo buttons stay off, on the row selected too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import records
from app.importing import run_import
from db.engine import unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import preview, write_xlsx

NOT_HERE = "Cannot be undone here (read-only file)"


@pytest.fixture
def ro_ctx(qapp: Any, tmp_path: Path, settings: Any) -> Iterator[Any]:
    """A file with one edit and one import, both undoable where it can be written, then opened
    read-only."""
    from db.read_only import open_read_only
    from ui.context import AppContext

    db = tmp_path / "office" / "ketnoi.db"
    db.parent.mkdir()
    engine = open_database(f"sqlite:///{db}")
    book = write_xlsx(
        tmp_path / "a.xlsx", {"Tổ chức": [["Tên đơn vị", "Viết tắt"], ["Viện Công nghệ", "VCN"]]}
    )
    run_import(engine, preview(engine, book))
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"}, actor="Lan")
    with unit_of_work(engine) as s:
        records.update(s, "organisation", org, {"name": "Genetica JSC"}, expected_version=None, actor="Lan",
                       group_id=records.new_group_id())  # fmt: skip
    engine.dispose()
    ro = open_read_only(f"sqlite:///{db}")
    ctx = AppContext(ro, settings)
    yield ctx
    ctx.tasks.cancel_all()
    ctx.tasks.wait()
    ro.dispose()


def test_undo_history_says_the_file_is_read_only_not_can_be_undone(qtbot: Any, ro_ctx: Any) -> None:
    from ui.dialogs.undo_history import COL_STATUS, UndoHistoryDialog

    dialog = UndoHistoryDialog(ro_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loads >= 1, timeout=10_000)
    model = dialog.model
    assert model.rowCount() >= 2  # the import, the edit
    states = [model.index(r, COL_STATUS).data() for r in range(model.rowCount())]
    assert "Can be undone" not in states
    assert NOT_HERE in states
    for row in range(model.rowCount()):
        dialog.view.selectRow(row)
        assert not dialog.undo_button.isEnabled()
    dialog.view.selectRow(states.index(NOT_HERE))
    detail = dialog.detail.text()
    assert NOT_HERE in detail and "is open read-only" in detail and "copy the file" in detail


def test_import_history_says_the_file_is_read_only_not_can_be_undone(qtbot: Any, ro_ctx: Any) -> None:
    from ui.import_wizard.history_dialog import COL_STATE, ImportHistoryDialog

    dialog = ImportHistoryDialog(ro_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    dialog.view.selectRow(0)
    state = dialog.model.index(0, COL_STATE)
    assert state.data() == NOT_HERE
    from PySide6.QtCore import Qt

    assert "is open read-only" in state.data(Qt.ItemDataRole.ToolTipRole)
    assert not dialog.undo_button.isEnabled()
