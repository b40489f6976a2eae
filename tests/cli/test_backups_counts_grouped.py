"""``ketnoi backups`` writes what each copy holds as the window's Backups dialog does, its counts
grouped in the CLI's language (reviewer: "100020 contacts, 10008 meetings")."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert

from db.engine import unit_of_work
from db.migrate import open_database
from db.models import Contact
from tests.cli.inproc import run_cli


def test_backups_group_the_counts_of_each_copy(tmp_path: Path) -> None:
    db = tmp_path / "văn phòng.db"
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        s.execute(insert(Contact), [{"full_name": f"Người thứ {i}", "version": 1} for i in range(1_234)])
    engine.dispose()
    assert run_cli(db, "backup").returncode == 0
    english = run_cli(db, "backups")
    assert english.returncode == 0, english.stderr
    assert "1,234 contacts, 0 meetings, 0 actions, 0 organisations" in english.stdout
    vietnamese = run_cli(db, "backups", lang="vi_VN.UTF-8")
    assert "1.234 người liên hệ, 0 cuộc họp, 0 việc, 0 tổ chức" in vietnamese.stdout
