"""The last-contacted date an import stores can be set and read from the CLI like any field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlmodel import select

from app.cli import main
from db import models as m
from db.engine import read_session


def test_contact_add_with_last_contacted(engine: Any, db_path: Path, capsys: Any) -> None:
    assert (
        main(
            [
                "contact",
                "add",
                "--db",
                str(db_path),
                "--name",
                "Phạm Minh Châu",
                "--last-contacted",
                "12/10/2026",
            ]
        )
        == 0
    )
    with read_session(engine) as s:
        assert s.exec(select(m.Contact.last_contacted_on)).one() == dt.date(2026, 10, 12)
    assert (
        main(["contact", "add", "--db", str(db_path), "--name", "Vũ An", "--last-contacted", "31/02/2025"])
        == 1
    )
    assert "31/02/2025" in capsys.readouterr().err  # the form and the CLI stay strict
