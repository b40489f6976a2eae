"""``ketnoi undo --last`` undoes the caller's own latest change (recorded under their name), as
the window's Ctrl+Z does: never a colleague's or a window's newer one, which is undone by its
ID only (``ketnoi undo`` lists every change with who made it, and which one --last undoes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app import records
from db.engine import read_session, unit_of_work
from tests.cli.inproc import run_cli

ME, LAN = "Trần Minh Anh", "Lê Thị Lan"


def _edit(engine: Engine, rid: int, city: str, actor: str) -> str:
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        records.update(
            s, "organisation", rid, {"city": city}, expected_version=None, actor=actor, group_id=group
        )
    return group


def _city(engine: Engine, rid: int) -> Any:
    with read_session(engine) as s:
        return records.snapshot(s, "organisation", rid)["city"]


def test_last_undoes_my_latest_not_a_colleagues_newer_one(engine: Engine, db_path: Path) -> None:
    with unit_of_work(engine) as s:
        mine_id = records.create(s, "organisation", {"name": "Viện Hàn lâm"})
        theirs_id = records.create(s, "organisation", {"name": "Genetica"})
    mine = _edit(engine, mine_id, "Hà Nội", ME)
    theirs = _edit(engine, theirs_id, "Huế", LAN)  # newer, by a colleague

    listed = run_cli(db_path, "undo", env={"KETNOI_ACTOR": ME})
    assert listed.returncode == 0 and theirs in listed.stdout and f"by {LAN}" in listed.stdout
    assert listed.stdout.splitlines()[-1] == f"ketnoi undo --last undoes your latest ({ME}): {mine}"

    done = run_cli(db_path, "undo", "--last", env={"KETNOI_ACTOR": ME})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == 'Undone: Edited organisation "Viện Hàn lâm".'
    assert _city(engine, mine_id) != "Hà Nội" and _city(engine, theirs_id) == "Huế"

    # nothing of mine left: refused, the way to undo the colleague's said
    done = run_cli(db_path, "undo", "--last", env={"KETNOI_ACTOR": ME}, lang="vi_VN.UTF-8")
    assert done.returncode == 1 and "Không có thay đổi nào của bạn (Trần Minh Anh)" in done.stderr
    assert "ketnoi undo MÃ" in done.stderr
    assert _city(engine, theirs_id) == "Huế"
    done = run_cli(db_path, "undo", theirs, env={"KETNOI_ACTOR": ME})  # named: undone
    assert done.returncode == 0 and _city(engine, theirs_id) != "Huế"
