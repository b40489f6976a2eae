"""Several Ketnoi processes opening one database at the same moment — two windows started at once,
a command while the app starts, a team's first run: one creates (or upgrades) the schema, the
others wait for it and then open the finished database; none of them gets an error, and the
migrations run once (reviewer: "table already exists", "not a Ketnoi database", and an older
file upgraded twice). Real processes (spawn), as on Windows, started together by a barrier."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from app import records
from db import migrate
from db.backup import folder_for
from db.engine import _lock_key, make_engine, unit_of_work
from db.migrate import (
    HEAD_REVISION,
    DatabaseError,
    alembic_config,
    open_database,
    quick_check,
    stored_revision,
)

OPENERS = 6
PG_URL = os.environ.get("KETNOI_TEST_POSTGRES_URL")


def _open_at_once(url: str, start: Any, results: Any, as_window: bool) -> None:
    """A child: everything imported first (so that the openings really meet), then, once every
    child is ready, one :func:`open_database` — as a command does, or ``as_window`` as the
    window does, after a damage check (ui.main.Opening). Says whether it ran the migrations."""
    import alembic.command

    import db.models  # noqa: F401  (what the migrations' env imports: not a head start for one)

    ran: list[str] = []
    upgrade = alembic.command.upgrade

    def counted(*args: Any, **kwargs: Any) -> None:
        ran.append("upgrade")
        time.sleep(1)  # as a big file's migrations take a while: the others open meanwhile
        upgrade(*args, **kwargs)

    alembic.command.upgrade = counted  # type: ignore[assignment]
    start.wait()
    try:
        damage = quick_check(url) if as_window else None
        if damage:
            raise DatabaseError(damage)
        engine = open_database(url)
        with engine.connect() as conn:
            versions = [
                str(v) for v in conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            ]
            orgs = conn.execute(text("SELECT count(*) FROM organisation")).scalar_one()
        engine.dispose()
        results.put(("ok", len(ran), versions, orgs))
    except BaseException as exc:  # reported to the test, which names it
        results.put(("error", len(ran), f"{type(exc).__name__}: {exc}", None))


def _run_openers(url: str) -> list[tuple[str, int, Any, Any]]:
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(OPENERS)
    results = ctx.Queue()
    children = [
        ctx.Process(target=_open_at_once, args=(url, start, results, i % 2 == 0)) for i in range(OPENERS)
    ]
    for child in children:
        child.start()
    got = [results.get(timeout=180) for _ in children]
    for child in children:
        child.join(timeout=60)
    return got


def _assert_one_migrated(got: list[tuple[str, int, Any, Any]], orgs: int) -> None:
    errors = [g[2] for g in got if g[0] != "ok"]
    assert errors == []
    assert sorted(g[1] for g in got) == [0] * (OPENERS - 1) + [1]  # the migrations ran once
    assert all(g[2] == [HEAD_REVISION] and g[3] == orgs for g in got)


def test_processes_opening_a_new_file_at_once_all_open_it_and_one_creates_it(tmp_path: Path) -> None:
    db = tmp_path / "ketnoi.db"
    _assert_one_migrated(_run_openers(f"sqlite:///{db}"), orgs=0)
    assert not Path(f"{db}-lock").exists()  # the lock file beside it is gone again


def _older_file(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = open_database(url)
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
    engine.dispose()
    command.downgrade(alembic_config(url), "0002")
    return url


def test_processes_opening_an_older_file_at_once_upgrade_it_once(tmp_path: Path) -> None:
    url = _older_file(tmp_path)
    _assert_one_migrated(_run_openers(url), orgs=1)
    kept = list(folder_for(tmp_path / "old.db").glob("*before-upgrade*"))
    assert len(kept) == 1  # one copy from before, by the one that upgraded


def _hold_lock(path: str, held: Any, release: Any) -> None:
    with migrate.opening_lock(Path(path)):
        held.set()
        release.wait(120)


def test_an_opener_waits_a_bounded_time_and_says_who_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ketnoi.db"
    ctx = mp.get_context("spawn")
    held, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(db), held, release))
    holder.start()
    try:
        assert held.wait(60)
        monkeypatch.setattr(migrate, "OPENING_WAIT_S", 0.5)
        began = time.monotonic()
        with pytest.raises(DatabaseError) as caught:
            open_database(f"sqlite:///{db}")
        assert time.monotonic() - began < 5
        said = str(caught.value)
        assert str(db) in said and "Another Ketnoi" in said and "creating or upgrading" in said
        assert not db.exists()  # nothing was made while another one held the file
    finally:
        release.set()
        holder.join(30)
    engine = open_database(f"sqlite:///{db}")  # the holder gone: it opens at once
    assert stored_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_a_lock_left_by_a_killed_process_does_not_block_the_next_opening(tmp_path: Path) -> None:
    """A process killed while creating the file (Task Manager, a power cut) leaves the lock file
    beside it; the operating system released its lock, and the next opening goes ahead."""
    db = tmp_path / "ketnoi.db"
    ctx = mp.get_context("spawn")
    held, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(db), held, release))
    holder.start()
    assert held.wait(60)
    holder.kill()
    holder.join(30)
    assert Path(f"{db}-lock").exists()  # stale, as a crash leaves it
    began = time.monotonic()
    engine = open_database(f"sqlite:///{db}")
    assert time.monotonic() - began < 5
    assert stored_revision(engine) == HEAD_REVISION
    engine.dispose()
    assert not Path(f"{db}-lock").exists()


def _die_while_creating(path: str) -> None:
    """A child killed halfway through making a new file (Task Manager, a power cut)."""
    from sqlalchemy import event

    made = migrate.make_engine
    statements = [0]

    def dying(url: str, **kwargs: Any) -> Any:
        engine = made(url, **kwargs)

        @event.listens_for(engine, "after_cursor_execute")
        def count(*_args: Any) -> None:
            statements[0] += 1
            if statements[0] == 40:  # some tables made, not all
                os._exit(3)

        return engine

    migrate.make_engine = dying  # type: ignore[assignment]
    open_database(f"sqlite:///{path}")


def test_a_new_file_whose_creator_was_killed_halfway_opens_next_time(tmp_path: Path) -> None:
    """Before, its first tables stayed without a schema version, and every start after said
    "This database has Ketnoi tables but no schema version; not opening it"."""
    db = tmp_path / "ketnoi.db"
    child = mp.get_context("spawn").Process(target=_die_while_creating, args=(str(db),))
    child.start()
    child.join(120)
    assert child.exitcode == 3 and db.exists()
    engine = open_database(f"sqlite:///{db}")
    assert stored_revision(engine) == HEAD_REVISION
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM organisation")).scalar_one() == 0
    engine.dispose()


def test_a_file_at_the_newest_schema_opens_without_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The everyday opening stays one query: no lock file is made beside the database."""
    url = f"sqlite:///{tmp_path / 'k.db'}"
    open_database(url).dispose()
    monkeypatch.setattr(migrate, "opening_lock", None)  # any use of it would fail
    engine = open_database(url)
    assert stored_revision(engine) == HEAD_REVISION
    engine.dispose()


pg = pytest.mark.skipif(not PG_URL and not os.environ.get("CI"), reason="KETNOI_TEST_POSTGRES_URL not set")


@pytest.mark.postgres
@pg
def test_processes_opening_a_new_team_database_at_once_create_it_once(pg_empty_url: str) -> None:
    _assert_one_migrated(_run_openers(pg_empty_url), orgs=0)


@pytest.mark.postgres
@pg
def test_processes_opening_an_older_team_database_at_once_upgrade_it_once(pg_empty_url: str) -> None:
    engine = open_database(pg_empty_url)
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
    engine.dispose()
    command.downgrade(alembic_config(pg_empty_url), "0002")
    check = make_engine(pg_empty_url)
    assert stored_revision(check) == "0002"
    check.dispose()
    _assert_one_migrated(_run_openers(pg_empty_url), orgs=1)


@pytest.mark.postgres
@pg
def test_an_opener_of_a_team_database_another_is_upgrading_waits_a_bounded_time(
    pg_empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(pg_empty_url).dispose()
    command.downgrade(alembic_config(pg_empty_url), "0014")
    other = make_engine(pg_empty_url)  # another Ketnoi, in the middle of the upgrade
    with other.connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _lock_key(migrate.SCHEMA_LOCK)})
        monkeypatch.setattr(migrate, "OPENING_WAIT_S", 0.5)
        with pytest.raises(DatabaseError) as caught:
            open_database(pg_empty_url)
        said = str(caught.value)
        assert "Another Ketnoi" in said and "creating or upgrading the team database" in said
        holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _lock_key(migrate.SCHEMA_LOCK)})
        holder.commit()
    other.dispose()
    engine = open_database(pg_empty_url)
    assert stored_revision(engine) == HEAD_REVISION
    engine.dispose()
