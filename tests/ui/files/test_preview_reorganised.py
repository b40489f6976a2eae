"""The import wizard's preview says, on a contacts sheet's row naming an organisation merged by
today, that the person is filed under its successor (app.importing.reorganised), like its other
warnings: in the row's details, in the warning colour, among the rows "With warnings"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy.engine import Engine

from tests.app.importing.helpers import preview, write_xlsx
from tests.app.importing.test_reorganised import HEADER, _setup
from ui.import_wizard.model import COL_DETAILS, WARNED, PreviewModel


def test_the_preview_shows_the_successor_of_a_contacts_organisation(
    qapp: Any, engine: Engine, tmp_path: Path
) -> None:
    _setup(engine)
    book = write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": [
        HEADER, ["Nguyễn Thị Hoa", "MPI", None], ["Đỗ Quang", "Genetica", None],
    ]})  # fmt: skip
    pv = preview(engine, book, kind="contact")
    model = PreviewModel()
    model.set_rows(pv.rows, pv.kind)
    assert model.index(0, COL_DETAILS).data() == (
        "Đơn vị (B): Bộ Kế hoạch và Đầu tư (MPI) became Bộ Tài chính on 01/03/2025: "
        "the contact is filed under Bộ Tài chính"
    )
    assert model.index(0, COL_DETAILS).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.warned() == 1
    model.set_statuses((WARNED,))
    assert model.rowCount() == 1
