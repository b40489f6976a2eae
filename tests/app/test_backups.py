"""Backups: online copies that hold what the WAL holds, a bounded history, a checked restore,
taken by themselves before risky work; a 0-byte file is never made into a new database."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from db import backup as backups
from db import clock
from db.engine import unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import write_xlsx


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict | str, str]:  # type: ignore[type-arg]
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM organisation"))
    finally:
        con.close()


def _count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def test_backup_holds_what_is_still_in_the_wal_and_is_private(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keeper = sqlite3.connect(db_path)  # an open reader keeps the WAL from being checkpointed
    keeper.execute("SELECT 1").fetchall()
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Genetica"})
    assert Path(f"{db_path}-wal").stat().st_size > 0
    code, doc, _ = run(capsys, "backup", "--db", str(db_path), "--json")
    keeper.close()
    assert code == 0 and isinstance(doc, dict)
    copy = Path(doc["backup"])
    assert copy.parent == db_path.parent / "ketnoi-backups"
    assert _names(copy) == ["Genetica"]
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700

    code, doc, _ = run(capsys, "backups", "--db", str(db_path), "--json")
    assert code == 0 and isinstance(doc, dict)
    assert [(b["reason"], b["file"]) for b in doc["backups"]] == [("manual", str(copy))]


def test_an_import_and_a_merge_are_preceded_by_a_backup(
    engine: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with unit_of_work(engine) as s:
        a = records.create(s, "organisation", {"name": "Viettel"})
        b = records.create(s, "organisation", {"name": "Viettel Group", "acronym": "VTG"})
    sheet = write_xlsx(
        tmp_path / "guests.xlsx", {"Khách": [["Họ và tên", "Email"], ["Nguyễn An", "an@x.vn"]]}
    )
    assert main(["import", str(sheet), "--db", str(db_path)]) == 0
    assert main(["merge", "organisation", str(a), str(b), "--db", str(db_path)]) == 0
    capsys.readouterr()
    reasons = {x.reason: x.path for x in backups.listing(db_path)}
    assert set(reasons) == {"before-import", "before-merge"}
    assert _names(reasons["before-import"]) == ["Viettel", "Viettel Group"]
    assert _count(reasons["before-import"], "contact") == 0
    assert _count(reasons["before-merge"], "contact") == 1  # after the import, before the merge
    assert _count(reasons["before-merge"], "organisation WHERE deleted_at IS NULL") == 2


def test_restore_brings_back_every_record_of_a_damaged_database(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with unit_of_work(engine) as s:
        for n in range(300):
            records.create(s, "organisation", {"name": f"Viện nghiên cứu {n}", "notes": "x" * 500})
    engine.dispose()
    copy = backups.take(db_path, "manual")
    assert copy is not None
    with db_path.open("r+b") as fh:  # damage the middle of the file
        fh.seek(db_path.stat().st_size // 2)
        fh.write(b"\xff" * 8192)
    assert backups.check_file(db_path) is not None

    code, doc, err = run(capsys, "restore", str(copy), "--db", str(db_path), "--json")
    assert code == 0, err
    assert isinstance(doc, dict) and Path(doc["replaced_copy"]).exists()  # the damaged one is kept
    assert backups.check_file(db_path) is None
    assert len(_names(db_path)) == 300


def test_restore_replaces_a_database_whose_schema_pages_are_broken_and_keeps_its_bytes(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Viện Hàn lâm"})
    engine.dispose()
    copy = backups.take(db_path, "manual")
    assert copy is not None
    with db_path.open("r+b") as fh:  # the schema table's page: SQLite cannot even list tables
        fh.seek(100)
        fh.write(b"\xff" * 3000)
    damaged = db_path.read_bytes()
    with pytest.raises(backups.BackupError):
        backups.take(db_path, "manual")  # why a page-by-page copy cannot keep it aside

    code, doc, err = run(capsys, "restore", str(copy), "--db", str(db_path), "--json")
    assert code == 0, err
    assert isinstance(doc, dict) and Path(doc["replaced_copy"]).read_bytes() == damaged
    assert backups.check_file(db_path) is None
    assert _names(db_path) == ["Viện Hàn lâm"]


def test_restore_refuses_a_file_that_is_not_a_ketnoi_database(
    engine: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    code, _, err = run(capsys, "restore", str(other), "--db", str(db_path))
    assert code == 1 and "not a Ketnoi database" in err and len(err.strip().splitlines()) == 1
    newer = tmp_path / "newer.db"
    open_database(f"sqlite:///{newer}").dispose()
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    code, _, err = run(capsys, "restore", str(newer), "--db", str(db_path))
    assert code == 1 and "newer Ketnoi" in err


def test_a_zero_byte_file_is_not_made_into_a_new_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "ketnoi.db"
    empty.touch()
    code, _, err = run(capsys, "info", "--db", str(empty))
    assert code == 1 and "0 bytes" in err and len(err.strip().splitlines()) == 1
    assert empty.stat().st_size == 0


def test_the_history_is_bounded(db_path: Path, engine: Engine) -> None:
    start = dt.datetime(2026, 9, 1, 8, 0)
    for day in range(60):  # two months of daily copies, and two risky ones a day
        for hour, reason in ((8, "daily"), (10, "before-import"), (11, "before-merge")):
            with clock.frozen(start + dt.timedelta(days=day, hours=hour - 8), ticking=False):
                assert backups.take(db_path, reason) is not None
    with clock.frozen(dt.datetime(2026, 12, 8, 11, 0), ticking=False):
        kept = backups.listing(db_path)
    risky = [b.at for b in kept if b.reason.startswith("before-")]
    newest_risky = sorted(
        (start + dt.timedelta(days=d, hours=h) for d in range(60) for h in (2, 3)), reverse=True
    )[: backups.RISKY_KEEP]
    assert set(newest_risky) <= set(risky)
    days = {b.at.date() for b in kept}
    newest = start.date() + dt.timedelta(days=59)
    assert {newest - dt.timedelta(days=n) for n in range(backups.DAILY_KEEP)} <= days
    assert len({b.at.isocalendar()[:2] for b in kept}) >= backups.WEEKLY_KEEP
    assert len(kept) <= backups.RISKY_KEEP + backups.DAILY_KEEP + backups.WEEKLY_KEEP


def test_info_names_a_damaged_database_in_one_line(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with unit_of_work(engine) as s:
        for n in range(300):
            records.create(s, "organisation", {"name": f"Viện {n}", "notes": "y" * 500})
    engine.dispose()
    assert main(["info", "--db", str(db_path)]) == 0
    with db_path.open("r+b") as fh:
        fh.seek(db_path.stat().st_size // 2)
        fh.write(b"\xff" * 8192)
    capsys.readouterr()
    code = main(["info", "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 1 and "is damaged" in err and len(err.strip().splitlines()) == 1


@pytest.mark.postgres
def test_backup_of_a_team_database_is_a_pg_dump(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    import shutil
    import subprocess

    url = pg_url
    engine = open_database(url)
    try:
        with unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ"})
    finally:
        engine.dispose()
    target = tmp_path / "team.dump"
    code, doc, err = run(capsys, "backup", str(target), "--db", url, "--json")
    assert code == 0, err
    assert isinstance(doc, dict) and Path(doc["backup"]) == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    listing = subprocess.run(
        [shutil.which("pg_restore") or "pg_restore", "--list", str(target)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "TABLE DATA public organisation" in listing


def test_deleting_several_records_is_preceded_by_a_backup_one_is_not(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with unit_of_work(engine) as s:
        ids = [records.create(s, "organisation", {"name": f"Đơn vị {n}"}) for n in range(3)]
    assert main(["org", "delete", str(ids[0]), "--db", str(db_path)]) == 0
    assert backups.listing(db_path) == []
    assert main(["org", "delete", str(ids[1]), str(ids[2]), "--db", str(db_path)]) == 0
    capsys.readouterr()
    (copy,) = backups.listing(db_path)
    assert copy.reason == "before-bulk-delete"
    assert _count(copy.path, "organisation WHERE deleted_at IS NULL") == 2


def _damage_pages(path: Path) -> bytes:
    """Four pages from page 20 overwritten (as ``dd … bs=4096 seek=20 count=4 conv=notrunc``)."""
    import random

    with path.open("r+b") as fh:
        fh.seek(4096 * 20)
        fh.write(random.Random(7).randbytes(4096 * 4))
    assert backups.check_file(path) is not None
    return path.read_bytes()


def _filled(engine: Engine, db_path: Path) -> Path:
    with unit_of_work(engine) as s:
        for n in range(300):
            records.create(s, "organisation", {"name": f"Sở {n}", "notes": "y" * 500})
    engine.dispose()
    copy = backups.take(db_path, "manual")
    assert copy is not None
    return copy


def test_a_restore_sets_a_damaged_database_aside_as_it_was_marked_damaged(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _filled(engine, db_path)
    damaged = _damage_pages(db_path)  # SQLite can still copy it page by page: not "before-restore"

    code, doc, err = run(capsys, "restore", str(copy), "--db", str(db_path), "--json")
    assert code == 0, err
    kept = [b for b in backups.listing(db_path) if b.damaged]
    assert len(kept) == 1 and str(kept[0].path) == doc["replaced_copy"]  # type: ignore[index]
    assert kept[0].path.name.endswith("-damaged.db") and kept[0].path.read_bytes() == damaged
    assert not any(b.reason == "before-restore" for b in backups.listing(db_path))
    good = backups.latest_good(db_path)
    assert good is not None and good.path == copy  # the manual copy, not the damaged one

    code, doc, err = run(capsys, "backups", "--db", str(db_path), "--json")
    assert {b["reason"]: b["damaged"] for b in doc["backups"]} == {"damaged": True, "manual": False}  # type: ignore[index]
    code, out, err = run(capsys, "backups", "--db", str(db_path))
    assert "damaged, set aside (kept, not restorable)" in str(out)
    # Never restored: refused before anything is touched, whatever the file holds.
    with pytest.raises(backups.BackupError, match="set aside by a restore"):
        backups.restore(db_path, kept[0].path)
    code, _, err = run(capsys, "restore", str(kept[0].path), "--db", str(db_path))
    assert code == 1 and "damaged" in err
    assert kept[0].path.read_bytes() == damaged


def test_rotation_never_deletes_a_damaged_file_set_aside(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _filled(engine, db_path)
    damaged = _damage_pages(db_path)
    with clock.frozen(dt.datetime(2026, 9, 1, 8, 0), ticking=False):
        assert run(capsys, "restore", str(copy), "--db", str(db_path))[0] == 0
    copy.unlink()  # so that the manual copy does not stand in for anything below
    start = dt.datetime(2026, 9, 2, 8, 0)
    for day in range(60):  # two months of daily and risky copies after it
        for hour, reason in ((8, "daily"), (10, "before-import"), (11, "before-restore")):
            with clock.frozen(start + dt.timedelta(days=day, hours=hour - 8), ticking=False):
                assert backups.take(db_path, reason) is not None
    with clock.frozen(dt.datetime(2026, 12, 8, 11, 0), ticking=False):
        kept = backups.listing(db_path)
    aside = [b for b in kept if b.damaged]
    assert len(aside) == 1 and aside[0].path.read_bytes() == damaged
    assert aside[0].at == dt.datetime(2026, 9, 1, 8, 0)
    copies = [b for b in kept if not b.damaged]  # the policy still holds for the copies
    assert len(copies) <= backups.RISKY_KEEP + backups.DAILY_KEEP + backups.WEEKLY_KEEP
    newest = start.date() + dt.timedelta(days=59)
    assert {newest - dt.timedelta(days=n) for n in range(backups.DAILY_KEEP)} <= {b.at.date() for b in copies}


def test_a_damaged_file_set_aside_today_does_not_stand_for_todays_copy(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _filled(engine, db_path)
    _damage_pages(db_path)
    assert run(capsys, "restore", str(copy), "--db", str(db_path))[0] == 0
    copy.unlink()
    assert backups.daily(db_path) is not None  # the set-aside is no copy of today's database


def test_a_damaged_copy_named_by_an_older_ketnoi_is_not_rotated_away(db_path: Path, engine: Engine) -> None:
    _filled(engine, db_path)
    with clock.frozen(dt.datetime(2026, 9, 1, 8, 0), ticking=False):
        legacy = backups.take(db_path, "before-restore")  # what an older restore named it
    assert legacy is not None
    _damage_pages(legacy)
    for n in range(backups.RISKY_KEEP + 3):
        with clock.frozen(dt.datetime(2026, 9, 2 + n, 8, 0), ticking=False):  # no day's or week's slot left
            backups.take(db_path, "before-import")
    assert legacy.exists()


def test_a_copy_cut_short_is_never_listed_nor_readable_by_others(
    db_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviewer: a kill -9 during `ketnoi backup` left a 132 MB half-copy (with its -journal),
    mode 0644, listed as a backup and counted among those kept. The copy is written under a
    hidden name, private from the start, and renamed only when whole; stopped with Ctrl+C it is
    removed at once (reviewer h100: it stayed until the next backup); a part left by a killed
    process goes at a later backup."""
    real_copy = backups.copy
    modes: list[int] = []

    def stopped(src: Path, dst: Path, *, standalone: bool = True) -> None:
        dst.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4096)  # half written, then Ctrl+C
        modes.append(stat.S_IMODE(dst.stat().st_mode))
        raise KeyboardInterrupt

    monkeypatch.setattr(backups, "copy", stopped)
    with pytest.raises(KeyboardInterrupt):
        backups.take(engine)
    assert backups.listing(db_path) == []
    assert modes == [0o600]
    assert list(backups.folder_for(db_path).glob(".*")) == []  # no half-copy left behind
    monkeypatch.setattr(backups, "copy", real_copy)
    import os

    # what a process killed (kill -9, a power cut) leaves: its hidden part, two hours old
    part = backups.folder_for(db_path) / f".{db_path.stem}-20260101-000000-manual.db.part"
    part.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4096)
    two_hours_ago = clock.utcnow().timestamp() - 7200  # (an instant: now() is the office's wall clock)
    os.utime(part, (two_hours_ago, two_hours_ago))
    taken = backups.take(engine)
    assert taken is not None and [b.path for b in backups.listing(db_path)] == [taken]
    assert not part.exists()
    assert stat.S_IMODE(taken.stat().st_mode) == 0o600


def test_a_copy_asked_for_never_pushes_out_the_days_automatic_copy(db_path: Path, engine: Engine) -> None:
    """Reviewer: the Backups dialog listed 05/12/2026 14:12 "Daily copy"; after one click on
    "Back up now" only the 14:15 copy was left (it had taken the day's one place)."""
    with clock.frozen(dt.datetime(2026, 12, 5, 14, 12), ticking=False):
        daily = backups.daily(db_path)
    with clock.frozen(dt.datetime(2026, 12, 5, 14, 15), ticking=False):
        manual = backups.take(db_path, "manual")
    assert daily is not None and manual is not None
    with clock.frozen(dt.datetime(2026, 12, 5, 14, 16), ticking=False):  # (a copy named ahead of
        listed = backups.listing(db_path)  # now is placed apart: test_backups_clock_ahead.py)
    assert [(b.at, b.reason) for b in listed] == [
        (dt.datetime(2026, 12, 5, 14, 15), "manual"),
        (dt.datetime(2026, 12, 5, 14, 12), "daily"),
    ]
    for day in range(1, 4):  # the days after: a daily copy each, and a copy asked for each
        for hour, reason in ((8, "daily"), (9, "manual"), (10, "manual")):
            with clock.frozen(dt.datetime(2026, 12, 5 + day, hour, 0), ticking=False):
                assert backups.take(db_path, reason) is not None
    with clock.frozen(dt.datetime(2026, 12, 8, 11, 0), ticking=False):
        kept = backups.listing(db_path)
    assert daily.exists() and manual.exists()
    assert sum(b.reason == "daily" for b in kept) == 4 and sum(b.reason == "manual" for b in kept) == 7


def test_restoring_a_copy_keeps_that_copy(db_path: Path, engine: Engine) -> None:
    """Reviewer: Backups listed "06/12/2026 21:56 Daily copy"; after Restore… it listed only
    "22:01 Before a restore" — the copy taken before the restore had taken the day's one place
    and the daily copy just restored was deleted."""
    with unit_of_work(engine) as session:
        records.create(session, "organisation", {"name": "Viện Hòa Lạc"})
    with clock.frozen(dt.datetime(2026, 12, 6, 21, 56, 1), ticking=False):
        daily = backups.daily(db_path)
    assert daily is not None
    with unit_of_work(engine) as session:
        records.create(session, "organisation", {"name": "Logged after the copy"})
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 1), ticking=False):
        saved = backups.restore(db_path, daily)
    assert saved is not None and daily.exists()
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 2), ticking=False):
        listed = backups.listing(db_path)
    assert [(b.at, b.reason) for b in listed] == [
        (dt.datetime(2026, 12, 6, 22, 1), "before-restore"),
        (dt.datetime(2026, 12, 6, 21, 56, 1), "daily"),
    ]
    assert _names(db_path) == ["Viện Hòa Lạc"] and "Logged after the copy" in _names(saved)
    # Restored from again later the same day, twice more: still there, and so is each copy of
    # what a restore replaced.
    for minute in (5, 9):
        with clock.frozen(dt.datetime(2026, 12, 6, 22, minute), ticking=False):
            backups.restore(db_path, daily)
    assert daily.exists()
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 10), ticking=False):
        listed = backups.listing(db_path)
    assert [b.reason for b in listed] == ["before-restore"] * 3 + ["daily"]


def test_a_copy_taken_before_a_risky_step_is_restorable_after_more_than_the_risky_count(
    db_path: Path, engine: Engine
) -> None:
    """The copy a restore puts back is kept even when the copy of what it replaces pushes it
    out of the risky copies' count: the user may want it again."""
    first = None
    for n in range(backups.RISKY_KEEP):
        with clock.frozen(dt.datetime(2026, 12, 1, 9, n), ticking=False):
            taken = backups.take(db_path, "before-import")
        first = first or taken
    assert first is not None and first.exists()
    with clock.frozen(dt.datetime(2026, 12, 1, 10, 0), ticking=False):
        backups.restore(db_path, first)
    assert first.exists()
    risky = [b for b in backups.listing(db_path) if b.reason.startswith("before-")]
    assert len(risky) == backups.RISKY_KEEP + 1  # (the one restored from, kept on top of the count)


def test_a_day_with_only_a_risky_copy_keeps_it_as_its_copy(db_path: Path, engine: Engine) -> None:
    """A day whose first copy was taken before an import has no daily copy (that one stood
    for the day): it stays that day's copy after many more risky copies on later days."""
    with clock.frozen(dt.datetime(2026, 12, 1, 9, 0), ticking=False):
        only = backups.take(db_path, "before-import")
        assert backups.daily(db_path) is None  # (the day has its copy)
    for n in range(backups.RISKY_KEEP + 2):
        with clock.frozen(dt.datetime(2026, 12, 2, 9, n), ticking=False):
            backups.take(db_path, "before-merge")
    assert only is not None and only.exists()


def test_ketnoi_backups_says_what_each_copy_holds(
    db_path: Path, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the window's Backups list does (reviewer: four "before-restore" copies alike)."""
    with clock.frozen(dt.datetime(2026, 12, 6, 21, 56), ticking=False):
        first = backups.take(db_path, "daily")
    with unit_of_work(engine) as session:
        records.create(session, "organisation", {"name": "Viện Hòa Lạc"}, actor="Hà")
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 1), ticking=False):
        second = backups.take(db_path, "before-import")
    code, doc, _err = run(capsys, "backups", "--db", str(db_path), "--json")
    assert code == 0 and isinstance(doc, dict)
    holds = {b["file"]: b["holds"] for b in doc["backups"]}
    assert holds[str(second)]["organisations"] == holds[str(first)]["organisations"] + 1
    assert holds[str(second)]["last_change_by"] == "Hà"
    code, text, _err = run(capsys, "backups", "--db", str(db_path))

    assert code == 0 and isinstance(text, str)
    assert re.search(
        r"last change \d{4}-\d\d-\d\d \d\d:\d\d by Hà · 0 contacts, 0 meetings, 0 actions, 1 organisation$",
        text,
        re.M,
    )


def test_copies_of_one_state_take_one_place_among_the_risky_copies(db_path: Path, engine: Engine) -> None:
    """Reviewer: copy 1, a meeting logged, copy 2, another meeting, copy 1 restored (its
    before-restore copy the only one holding the second meeting), then copy 1 restored ten times
    more: ten identical before-restore copies, and the one with the meeting rotated away."""
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 51, 24), ticking=False):
        first = backups.take(db_path, "manual")
    with unit_of_work(engine) as session:
        records.create(session, "meeting", {"title": "Họp A", "starts_at": dt.datetime(2026, 12, 6, 9)})
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 51, 30), ticking=False):
        backups.take(db_path, "manual")
    with unit_of_work(engine) as session:
        records.create(session, "meeting", {"title": "Họp B", "starts_at": dt.datetime(2026, 12, 6, 10)})
    assert first is not None
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 51, 36), ticking=False):
        only_b = backups.restore(db_path, first)
    assert only_b is not None
    for n in range(backups.RISKY_KEEP + 1):
        with clock.frozen(dt.datetime(2026, 12, 6, 22, 52, n), ticking=False):
            backups.restore(db_path, first)
    assert only_b.exists()
    titles = sqlite3.connect(only_b).execute("SELECT title FROM meeting ORDER BY id").fetchall()
    assert [t for (t,) in titles][-2:] == ["Họp A", "Họp B"]


def test_two_copies_of_one_second_are_listed_newest_first(db_path: Path, engine: Engine) -> None:
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 51, 58), ticking=False):
        older = backups.take(db_path, "manual")
        newer = backups.take(db_path, "manual")
    assert older is not None and newer is not None and newer.name.endswith("-2-manual.db")
    assert [b.path for b in backups.listing(db_path)] == [newer, older]


def test_ketnoi_restore_refuses_a_copy_of_another_database_unless_told(
    db_path: Path, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reviewer: ``ketnoi --db c.db restore e.db`` (another, almost empty database) replaced c.db's
    19 organisations and 20 contacts with nothing, no question asked."""
    with unit_of_work(engine) as session:
        records.create(session, "organisation", {"name": "Viện Hòa Lạc"})
    other = tmp_path / "e.db"
    open_database(f"sqlite:///{other}").dispose()
    code, _text, err = run(capsys, "restore", str(other), "--db", str(db_path))
    assert code != 0 and "is a copy of another database" in err and "--other-database" in err
    assert _names(db_path) == ["Viện Hòa Lạc"]
    code, _text, _err = run(capsys, "restore", str(other), "--db", str(db_path), "--other-database")
    assert code == 0 and _names(db_path) == []
    # a copy of this database itself is restored as before, without the option
    mine = backups.take(db_path, "manual")
    assert mine is not None
    code, _text, _err = run(capsys, "restore", str(mine), "--db", str(db_path))
    assert code == 0


def test_info_on_a_damaged_file_says_it_in_the_command_lines_language(engine: Engine, db_path: Path) -> None:
    """Reviewer h118: under a Vietnamese locale ``ketnoi info`` on a damaged file said it all in
    English ("…/tb.db is damaged (…); restore its latest good backup: …")."""
    from tests.cli.inproc import run_cli

    _filled(engine, db_path)
    _damage_pages(db_path)
    en = run_cli(db_path, "info")
    vi = run_cli(db_path, "info", lang="vi_VN.UTF-8")
    assert (en.returncode, vi.returncode) == (1, 1)
    assert en.stderr.startswith(f"ketnoi: {db_path} is damaged (")
    assert "restore its latest good backup: ketnoi backups --db …, then ketnoi restore" in en.stderr
    assert vi.stderr.startswith(f"ketnoi: {db_path} bị hỏng (")
    assert vi.stderr.rstrip().endswith(
        "hãy khôi phục bản sao lưu tốt gần nhất: ketnoi backups --db …, rồi ketnoi restore"
    )
