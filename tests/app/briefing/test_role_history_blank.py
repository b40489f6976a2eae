"""A contact's role history: a position or organisation filled where none was recorded (an import
filling a blank, an edit) says "(none recorded)" in its From column, not "—", which read as a
change of role on that day (reviewer h98: "Position: — → Giám đốc" on the day of an import).
Rendered and read back from the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.briefing import render
from app.briefing.gather import gather_contact
from db import clock
from db.engine import read_session, unit_of_work
from tests.app.briefing.pdfutil import pdf_text


@pytest.mark.parametrize(
    ("lang", "filled", "changed"),
    [
        ("en", "2 Mar 2026 Position (none recorded) Giám đốc", "9 Sep 2026 Position Giám đốc Phó Giám đốc"),
        ("vi", "02/03/2026 Chức vụ (chưa ghi nhận) Giám đốc", "09/09/2026 Chức vụ Giám đốc Phó Giám đốc"),
    ],
)
def test_a_blank_filled_is_said_not_recorded_before(
    engine: Engine, tmp_path: Path, lang: str, filled: str, changed: str
) -> None:
    with clock.frozen(dt.datetime(2026, 1, 5, 9)), unit_of_work(engine) as s:
        cid = records.create(s, "contact", {"full_name": "Đặng Văn Hòa"})
    for day, position in (
        (dt.datetime(2026, 3, 2, 9), "Giám đốc"),
        (dt.datetime(2026, 9, 9, 9), "Phó Giám đốc"),
    ):
        with clock.frozen(day), unit_of_work(engine) as s:
            records.update(s, "contact", cid, {"position": position}, expected_version=None)
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        brief = gather_contact(s, cid)
    path = tmp_path / f"hoa-{lang}.pdf"
    render.render_contact(brief, path, lang=lang)
    text = " ".join(" ".join(pdf_text(path)).split())
    assert filled in text and changed in text, text
