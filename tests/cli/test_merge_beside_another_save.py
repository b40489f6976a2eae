"""``ketnoi merge contact KEPT OTHER`` while another program saves the kept contact between the
merge's read and its write (PostgreSQL, a writer without Ketnoi's lock; injected here in the
merge's own transaction). The merge wrote the position it had read over theirs; it is now
refused naming the field with their value, in English and Vietnamese, and nothing is merged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import records
from db import backup as backups
from db.engine import read_session, unit_of_work
from tests.cli.inproc import run_cli


def test_a_position_saved_between_the_read_and_the_write_refuses_the_merge(
    db_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with unit_of_work(engine) as s:
        kept = records.create(s, "contact", {"full_name": "Nguyễn Văn Hùng", "position": "Giám đốc"})
        other = records.create(s, "contact", {"full_name": "Nguyen Van Hung", "position": "Engineer"})
    real = backups.before

    def before(session: Any, *args: Any, **kwargs: Any) -> Any:
        done = real(session, *args, **kwargs)
        session.execute(
            text("UPDATE contact SET position = 'Phó Giám đốc', version = version + 1 WHERE id = :i"),
            {"i": kept},
        )
        return done

    monkeypatch.setattr(backups, "before", before)
    for lang, said in (
        ("en_GB.UTF-8", "meanwhile: Position is now Phó Giám đốc (yours: Giám đốc). Nothing was overwritten"),
        ("vi_VN.UTF-8", ": Chức vụ nay là Phó Giám đốc (của bạn: Giám đốc). Không có gì bị ghi đè"),
    ):
        done = run_cli(db_path, "merge", "contact", str(kept), str(other), "--keep", "position", lang=lang)
        assert done.returncode == 1, done.stdout
        assert said in done.stderr
    with read_session(engine) as s:
        assert records.get(s, "contact", other)["position"] == "Engineer"  # not merged away
        assert records.get(s, "contact", kept)["position"] == "Giám đốc"  # theirs rolled back with it
