"""A date of a column read month first that its field refuses is kept in the notes as typed
(reviewer h109: "12.13.2026", a last contact after today, was noted as "13/12/2026" under a
warning saying "kept in the notes as typed")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import select

from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import do_import, write_xlsx


def test_a_month_first_date_refused_is_noted_as_typed(engine: Engine, tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Email", "Ngày liên hệ"],
        ["Lê Văn An", "an@x.example.vn", "12.13.2026"],  # 13 December: after today (23/11/2026)
        ["Lê Văn Bình", "binh@x.example.vn", "05.03.2026"],
        ["Lê Văn Cường", "cuong@x.example.vn", "10.15.2026"],  # 15 October: a date
    ]
    pv, _ = do_import(engine, write_xlsx(tmp_path / "abroad.xlsx", {"DS": rows}))
    said = {w.row: w for r in pv.rows for w in r.warnings}
    assert said[2].code == "last_contact_ahead_kept"
    assert "kept in the notes as typed" in text(said[2], "en")
    with read_session(engine) as s:
        got = {c.full_name: (c.notes, c.last_contacted_on) for c in s.exec(select(m.Contact)).all()}
    assert got["Lê Văn An"] == ("Ngày liên hệ: 12.13.2026", None)  # (not "13/12/2026")
    assert got["Lê Văn Bình"] == ("", dt.date(2026, 5, 3))
    assert got["Lê Văn Cường"] == ("", dt.date(2026, 10, 15))
