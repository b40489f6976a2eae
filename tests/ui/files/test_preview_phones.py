"""The import preview shows phones as people write them ("024 3825 1234"), as the contact's page
and the lists do, not as Ketnoi stores them ("+842438251234"); what is written stays E.164."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy.engine import Engine
from sqlmodel import select

from app import records
from app.importing import run_import
from db.engine import read_session, unit_of_work
from db.models import ContactMethod
from tests.app.importing.helpers import preview, write_xlsx
from ui.import_wizard.model import COL_DETAILS, PreviewModel


def _sheet(engine: Engine, tmp_path: Path) -> Any:
    with unit_of_work(engine) as s:
        an = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Văn An", "phones": ["024 3825 1234"], "emails": ["an@nic.gov.vn"]},
        )
    path = write_xlsx(
        tmp_path / "danh-ba.xlsx",
        {
            "Danh bạ": [
                ["Họ và tên", "Email", "Điện thoại"],
                ["Nguyễn Văn An", "an@nic.gov.vn", "024 3825 1234; 0912 345 678"],
                ["Mr Tan", "tan@x.sg", "+65 6123 4567"],
            ]
        },
    )
    return an, preview(engine, path)


def test_an_update_shows_the_phones_as_written(qapp: Any, engine: Engine, tmp_path: Path) -> None:
    an, pv = _sheet(engine, tmp_path)
    model = PreviewModel()
    model.set_rows(pv.rows, pv.kind)
    details = model.index(0, COL_DETAILS).data()
    assert details == f"updates #{an}: Phones: 024 3825 1234 → 024 3825 1234, 0912 345 678"
    assert "+84" not in model.index(0, COL_DETAILS).data(Qt.ItemDataRole.ToolTipRole)  # the tooltip too
    # what is stored is unchanged: E.164, in the row's changes and in the database after the import
    assert pv.rows[0].changes["phones"][1] == ["+842438251234", "+84912345678"]
    run_import(engine, pv)
    with read_session(engine) as s:
        stored = set(s.exec(select(ContactMethod.value).where(ContactMethod.kind == "phone")))
    assert {"+842438251234", "+84912345678", "+6561234567"} <= stored


def test_the_row_detail_words_phones_the_same_way(qapp: Any, engine: Engine, tmp_path: Path) -> None:
    from ui.import_wizard.messages import wording

    _an, pv = _sheet(engine, tmp_path)
    said = "\n".join(wording(m, where=True) for m in pv.rows[0].messages())
    assert "024 3825 1234 → 024 3825 1234, 0912 345 678" in said and "+84" not in said


def test_a_foreign_number_keeps_its_country_code(qapp: Any) -> None:
    from app.importing.messages import FieldChange
    from ui.import_wizard.messages import param

    shown = param(FieldChange("phones", "", "+6561234567, +842438251234"))
    assert shown == "Phones: ∅ → +65 6123 4567, 024 3825 1234"
    assert param(FieldChange("notes", "+842438251234", "")) == "Notes: +842438251234 → ∅"  # only phones
