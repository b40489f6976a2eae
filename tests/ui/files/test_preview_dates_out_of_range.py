"""The import wizard's preview of a meetings sheet with a meeting at 31/12/9999 23:30 showed
only "OverflowError: date value out of range" (no file, sheet, row or column) and none of the
sheet's valid rows could be imported (reviewer h118, shots/54.png). Now that row is an error
that says where and why, and the other rows are ready to import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from tests.app.importing.helpers import preview, write_xlsx
from tests.app.importing.test_logbook import HEADER, _setup
from ui.import_wizard.model import COL_DETAILS, PreviewModel


def test_the_preview_shows_a_meeting_in_9999_as_an_error_of_its_row(
    qapp: Any, engine: Engine, tmp_path: Path
) -> None:
    _setup(engine)
    book = write_xlsx(tmp_path / "hop.xlsx", {"Cuộc họp": [
        HEADER,
        ["Họp năm 9999", dt.datetime(9999, 12, 31, 23, 30), None, None, "MOST", None, None],
        ["Họp năm 1", "01/01/0001 09:00", None, None, "MOST", None, None],
        ["Họp thật", dt.datetime(2026, 12, 10, 10), None, None, "MOST", None, None],
    ]})  # fmt: skip
    pv = preview(engine, book)
    assert [r.status for r in pv.rows] == ["error", "error", "new"]
    model = PreviewModel()
    model.set_rows(pv.rows, pv.kind)
    assert model.index(0, COL_DETAILS).data() == (
        'Bắt đầu (B): "31/12/9999" is outside the dates Ketnoi keeps (01/03/1900 to 31/12/2200)'
    )
    assert model.index(1, COL_DETAILS).data() == (
        'Bắt đầu (B): "01/01/0001 09:00" is outside the dates Ketnoi keeps (01/03/1900 to 31/12/2200)'
    )
