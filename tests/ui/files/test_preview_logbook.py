"""The import wizard's preview shows Log meeting's two rules on a meetings sheet's rows
(app.importing.logbook) like its other warnings: in the row's details, in the warning colour,
among the rows "With warnings" (their Vietnamese: test_import_folds's table tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy.engine import Engine

from tests.app.importing.helpers import preview, write_xlsx
from tests.app.importing.test_logbook import DAY, HEADER, LAN, _setup
from ui.import_wizard.model import COL_DETAILS, WARNED, PreviewModel


def test_the_preview_shows_a_meeting_logged_and_a_successor_as_warnings(
    qapp: Any, engine: Engine, tmp_path: Path
) -> None:
    ids = _setup(engine)
    book = write_xlsx(tmp_path / "hop.xlsx", {"Cuộc họp": [
        HEADER,
        ["Làm việc với Genetica", DAY.replace(hour=9, minute=30), None, None, "Genetica", None, "Biên bản"],
        ["Họp MPI", dt.datetime(2026, 12, 10, 10), None, None, "MPI", None, None],
        ["Gặp MOST", DAY.replace(hour=9, minute=30), None, None, "MOST", None, None],
    ]})  # fmt: skip
    pv = preview(engine, book)
    model = PreviewModel()
    model.set_rows(pv.rows, pv.kind)
    logged, merged = model.index(0, COL_DETAILS).data(), model.index(1, COL_DETAILS).data()
    assert f'updates #{ids["logged"]}: Minutes: ∅ → "Biên bản"' in logged
    assert f"{LAN} already logged “Lam viec voi Genetica ve sandbox” with Genetica at 09:33" in logged
    assert merged == (
        "Đơn vị (E): Bộ Kế hoạch và Đầu tư (MPI) became Bộ Tài chính on 01/03/2025: "
        "the meeting is filed under Bộ Tài chính"
    )
    assert model.index(1, COL_DETAILS).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.warned() == 2
    model.set_statuses((WARNED,))
    assert model.rowCount() == 2
