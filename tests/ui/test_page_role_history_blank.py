"""The contact's page: a position filled where none was recorded (an import filling a blank) is
said as recorded, not as a change from "–" (reviewer h98: "Position: – → Giám đốc" read as a
post begun on the day of the import); a real change keeps its arrow."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from app import records
from db.engine import unit_of_work
from tests.ui.test_imported_values_on_page import _page_text


def test_a_blank_filled_is_no_change_of_role_on_the_page(qapp: Any, ctx: Any, engine: Engine) -> None:
    with unit_of_work(engine) as s:
        cid = records.create(s, "contact", {"full_name": "Đặng Văn Hòa"})
    for position in ("Giám đốc", "Phó Giám đốc"):
        with unit_of_work(engine) as s:
            records.update(s, "contact", cid, {"position": position}, expected_version=None)
    text = _page_text(ctx, "contact", cid)
    assert "Position: Giám đốc (none recorded before)" in text, text
    assert "Position: Giám đốc → Phó Giám đốc" in text, text
    assert "– →" not in text
