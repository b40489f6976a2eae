"""An import that changes a contact's country names the countries, in the reader's language:
the preview said 'Country: "VN" → "JP"' (the stored codes) in both the window and the CLI.
A real workbook written with openpyxl, read back and previewed against a real SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app import records
from app.importing import inspect_workbook, preview_import
from app.importing.messages import text
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import write_xlsx


def test_a_country_changed_by_an_import_is_named_not_coded(qapp: Any, engine: Engine, tmp_path: Path) -> None:
    from ui import i18n
    from ui.import_wizard.messages import wording

    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Lê Quang Minh", "emails": ["minh.lq@example.de"]})
    book = write_xlsx(
        tmp_path / "chuyên gia.xlsx",
        {
            "Danh bạ": [
                ["Họ và tên", "Email", "Quốc gia"],
                ["Lê Quang Minh", "minh.lq@example.de", "Nhật Bản"],
            ]
        },
    )
    with read_session(engine) as s:
        (layout,) = inspect_workbook(book, session=s)
        assert not isinstance(layout, Exception)
        pv = preview_import(book, layout, session=s, parallel=False, on_match="overwrite")
    (row,) = pv.rows
    assert row.status == "update" and row.changes == {"country": ("VN", "JP")}
    (updates,) = [r for r in row.reasons if r.code == "updates"]
    assert text(updates, "en") == f'updates #{row.match_id}: Country: "Viet Nam" → "Japan"'
    assert text(updates, "vi") == f'cập nhật #{row.match_id}: Quốc gia: "Việt Nam" → "Nhật Bản"'
    assert wording(updates) == f'updates #{row.match_id}: Country: "Viet Nam" → "Japan"'
    assert i18n.install(qapp, "vi") == "vi"
    try:
        assert wording(updates) == f'cập nhật #{row.match_id}: Quốc gia: "Việt Nam" → "Nhật Bản"'
    finally:
        i18n.install(qapp, "en")
