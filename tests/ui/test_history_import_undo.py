"""A record's History (Ctrl+H) tells an import's undo from the import (reviewer: both rows read
"Sectors (import of field-contacts.xlsx)"): the undo's rows say "undo of import #N from …",
with the undo's icon. A real workbook imported and undone on the window's SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.importing import undo_import
from db.engine import unit_of_work
from tests.app.importing.helpers import do_import, write_xlsx
from tests.ui.test_history import _open, _rows


def test_history_says_which_rows_undid_an_import(
    qtbot: Any, window: Any, ids: dict[str, Any], engine: Any, tmp_path: Path
) -> None:
    book = write_xlsx(tmp_path / "field-contacts.xlsx", {"Tổ chức": [
        ["Tên đơn vị", "Viết tắt", "Lĩnh vực", "Website"], ["NIC", None, "Quantum", "nic.gov.vn"],
    ]})  # fmt: skip
    _pv, result = do_import(engine, book)
    assert result.batch_id is not None
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    dialog = _open(qtbot, window, "organisation", ids["nic"])
    said = [row[2] for row in _rows(dialog)]
    undo_of = f"(undo of import #{result.batch_id} from field-contacts.xlsx)"
    assert f"Sectors {undo_of}" in said and f"Website {undo_of}" in said, said
    assert "Sectors (import of field-contacts.xlsx)" in said, said
    dialog.close()
