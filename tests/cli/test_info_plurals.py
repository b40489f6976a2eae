"""`ketnoi info` counts in English as a person writes them: "1 meeting", "2 meetings" (a
reviewer read "1 meetings")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import records
from app.cli import main
from db.engine import unit_of_work
from db.migrate import open_database


def test_one_of_a_kind_is_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"})
        records.create(s, "contact", {"full_name": "Nguyễn Minh Hương", "organisation_id": org})
        records.create(s, "contact", {"full_name": "Đỗ Minh Thư", "organisation_id": org})
        records.create(s, "meeting", {"title": "Họp", "starts_at": dt.datetime(2026, 12, 1, 9)})
        records.create(s, "staff", {"name": "Lan"})
    engine.dispose()
    assert main(["info", "--db", str(db)]) == 0
    lines = [" ".join(x.split()) for x in capsys.readouterr().out.splitlines()]
    assert "1 organisation" in lines and "2 contacts" in lines and "1 meeting" in lines
    assert "0 actions" in lines and "1 staff member" in lines
    assert main(["info", "--db", str(db), "--json"]) == 0
    assert '"meetings": 1' in capsys.readouterr().out  # the JSON keys stay as they were
