"""Opening a SQLite file read-only (db.read_only): it reads what is there — also what a write-ahead
log beside it holds — writes nothing beside it, refuses every write in one sentence, and refuses
what it cannot read correctly (a log without its -shm, an older schema) by saying so."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from db.engine import read_only_reason, read_session, unit_of_work
from db.errors import ReadOnlyFile
from db.migrate import DatabaseError, NewerDatabaseError, open_database, read_only_problem
from db.read_only import OlderSchemaError, UnsavedChangesError, has_committed_log, how, open_read_only
from tests.read_only import demo_file, file_digest, read_only


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _count(engine: object, table: str = "organisation") -> int:
    with read_session(engine) as s:  # type: ignore[arg-type]
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


@pytest.fixture
def in_use(tmp_path: Path) -> Iterator[Path]:
    """A Ketnoi file with a colleague's committed change still in its write-ahead log (no
    checkpoint yet: organisation 1 renamed "Colleague's name", a table colleague_note of 3 rows),
    copied with its -wal and -shm, as a copy taken while Ketnoi runs is."""
    db = demo_file(tmp_path / "live")
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE colleague_note (x)")  # a table only the log knows
    writer.executemany("INSERT INTO colleague_note VALUES (?)", [(1,), (2,), (3,)])
    writer.execute("UPDATE organisation SET name = 'Colleague''s name' WHERE id = 1")
    writer.commit()
    copy = tmp_path / "copy"
    copy.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{db}{suffix}", copy / f"ketnoi.db{suffix}")
    writer.close()
    yield copy / "ketnoi.db"


def _name_1(engine: object) -> str:
    with read_session(engine) as s:  # type: ignore[arg-type]
        return str(s.execute(text("SELECT name FROM organisation WHERE id = 1")).scalar_one())


def test_a_file_in_a_read_only_folder_is_read_and_nothing_is_written_beside_it(tmp_path: Path) -> None:
    db = demo_file(tmp_path / "share")
    digest, mtime = file_digest(db), db.stat().st_mtime_ns
    with read_only(db.parent):
        reason = read_only_problem(db)
        assert reason is not None and reason.folder
        engine = open_read_only(f"sqlite:///{db}", reason)
        assert how(db) == "mode=ro&immutable=1"  # no -wal/-shm can be made there: the file alone
        try:
            orgs = _count(engine)
            assert orgs > 0 and _count(engine, "contact") > 0
            why = read_only_reason(engine)
            assert why == f"the folder {db.parent} is read-only for you"
            with pytest.raises(ReadOnlyFile) as refused, unit_of_work(engine):
                pass
            assert str(refused.value) == (
                f"Not changed: {db} is open read-only (the folder {db.parent} is read-only for you). "
                "To change it, copy it to a folder you can write and open the copy"
            )
        finally:
            engine.dispose()
    assert _names(db.parent) == ["ketnoi.db"]
    assert file_digest(db) == digest and db.stat().st_mtime_ns == mtime


def test_a_session_of_reads_leaves_the_file_and_its_folder_as_they_were(tmp_path: Path) -> None:
    """Without any permission trick (a writable folder: a backup kept in Documents): nothing is
    created beside the file, its bytes do not change, and SQLite itself refuses a write that
    goes around unit_of_work."""
    db = demo_file(tmp_path / "backups")
    digest, mtime = file_digest(db), db.stat().st_mtime_ns
    engine = open_read_only(f"sqlite:///{db}")
    try:
        from app.search import search

        with read_session(engine) as s:
            assert search(s, "viettel", limit=5)
        assert _count(engine, "meeting") > 0
        with (
            engine.connect() as conn,
            pytest.raises(OperationalError, match=r"readonly|read-only|query_only"),
        ):
            conn.exec_driver_sql("DELETE FROM organisation")
        assert read_only_reason(engine) == "it was opened read-only"
    finally:
        engine.dispose()
    assert _names(db.parent) == ["ketnoi.db"]
    assert file_digest(db) == digest and db.stat().st_mtime_ns == mtime


def test_a_log_with_its_shm_is_read_through_sqlites_locks(in_use: Path) -> None:
    db = in_use
    assert has_committed_log(db) and how(db) == "mode=ro"
    files = {n: file_digest(db.parent / n) for n in ("ketnoi.db", "ketnoi.db-wal")}
    with read_only(db.parent):
        engine = open_read_only(f"sqlite:///{db}", read_only_problem(db))
        try:
            assert _name_1(engine) == "Colleague's name"  # the change in the log is seen
            assert _count(engine, "colleague_note") == 3
        finally:
            engine.dispose()
    assert {n: file_digest(db.parent / n) for n in files} == files


def test_a_log_without_its_shm_is_refused_not_read_wrongly(in_use: Path) -> None:
    db = in_use
    Path(f"{db}-shm").unlink()
    # what immutable=1 would have shown: the file without the log's change
    con = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    assert con.execute("SELECT name FROM organisation WHERE id = 1").fetchone()[0] != "Colleague's name"
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        con.execute("SELECT * FROM colleague_note")
    con.close()
    with read_only(db.parent):
        problem = read_only_problem(db)
        assert problem is not None and problem.folder and problem.blocked == db.parent  # not "the
        # file ketnoi.db-wal is read-only" (reviewer): on a read-only mount the folder is what to name
        with pytest.raises(UnsavedChangesError) as refused:
            open_read_only(f"sqlite:///{db}", problem)
    message = str(refused.value)
    assert message.startswith(f"Cannot open {db} read-only: ketnoi.db-wal beside it holds changes")
    assert "Copy ketnoi.db together with ketnoi.db-wal to a folder you can write" in message
    assert _names(db.parent) == ["ketnoi.db", "ketnoi.db-wal"]


def test_a_log_holding_no_committed_change_is_no_reason_to_refuse(in_use: Path) -> None:
    db = in_use
    Path(f"{db}-shm").unlink()
    wal = Path(f"{db}-wal")
    data = bytearray(wal.read_bytes())
    data[16:20] = (int.from_bytes(data[16:20], "big") + 1).to_bytes(4, "big")  # a later log's salt
    wal.write_bytes(bytes(data))  # its frames belong to an earlier, checkpointed log: SQLite ignores them
    assert not has_committed_log(db) and how(db) == "mode=ro&immutable=1"
    wal.write_bytes(b"")
    assert not has_committed_log(db)
    engine = open_read_only(f"sqlite:///{db}")
    try:
        assert _name_1(engine) != "Colleague's name"  # the file as it is: the log held nothing valid
    finally:
        engine.dispose()


def test_a_colleague_who_starts_writing_is_read_through_the_log(tmp_path: Path) -> None:
    """Each connection looks at the files anew: once a writer has a log beside the file, the
    read-only engine reads through SQLite's locks and sees the change."""
    db = demo_file(tmp_path / "share")
    reader = open_read_only(f"sqlite:///{db}")
    writer = open_database(f"sqlite:///{db}")
    try:
        orgs = _count(reader)
        with writer.begin() as conn:
            conn.exec_driver_sql("UPDATE organisation SET name = 'Renamed' WHERE id = 1")
        assert how(db) == "mode=ro"
        with read_session(reader) as s:
            assert s.execute(text("SELECT name FROM organisation WHERE id = 1")).scalar_one() == "Renamed"
        assert _count(reader) == orgs
    finally:
        reader.dispose()
        writer.dispose()


def test_a_connection_is_kept_while_the_files_stay_and_dropped_when_they_change(tmp_path: Path) -> None:
    """SQLite keeps an immutable connection's pages whatever happens to the file: the engine
    reuses a connection only while the file and its log are as they were when it was made. A
    newer copy put in the file's place (a colleague's copy replaced on the share) is read anew."""
    from sqlalchemy import event

    db = demo_file(tmp_path / "share")
    newer = demo_file(tmp_path / "newer")
    con = sqlite3.connect(newer)
    con.execute("UPDATE organisation SET name = 'Newer name' WHERE id = 1")
    con.commit()
    con.close()
    engine = open_read_only(f"sqlite:///{db}")
    made: list[object] = []
    event.listen(engine, "connect", lambda c, r: made.append(c))
    try:
        first = _name_1(engine)
        for _ in range(5):
            assert _name_1(engine) == first
        assert made == []  # the connection the opening made, reused
        newer.replace(db)
        assert _name_1(engine) == "Newer name"
        assert len(made) == 1
    finally:
        engine.dispose()


def test_an_older_schema_is_named_not_upgraded(tmp_path: Path) -> None:
    db = demo_file(tmp_path / "old")
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '0013'")
    con.commit()
    con.close()
    digest = file_digest(db)
    with read_only(db.parent), pytest.raises(OlderSchemaError) as refused:
        open_read_only(f"sqlite:///{db}", read_only_problem(db))
    message = str(refused.value)
    assert message.startswith(f"Cannot open {db} read-only: it has schema version 0013, older than")
    assert "upgrading it would change the file" in message and "open the copy" in message
    assert file_digest(db) == digest and _names(db.parent) == ["ketnoi.db"]


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = demo_file(tmp_path / "new")
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(NewerDatabaseError, match="newer version of Ketnoi \\(schema 9999\\)"):
        open_read_only(f"sqlite:///{db}")


def test_a_damaged_file_is_called_damaged(tmp_path: Path) -> None:
    db = demo_file(tmp_path / "broken")
    con = sqlite3.connect(db)
    (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contact'").fetchone()
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with db.open("r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * size)
    digest = file_digest(db)
    with read_only(db.parent), pytest.raises(DatabaseError, match="is damaged") as refused:
        open_read_only(f"sqlite:///{db}", read_only_problem(db))
    assert "left it as it is" in str(refused.value)
    assert file_digest(db) == digest and _names(db.parent) == ["ketnoi.db"]


def test_a_file_gone_meanwhile_is_not_made_again(tmp_path: Path) -> None:
    """A connection made after the file went (moved away on the share) fails; it does not leave
    a new, empty database in its place (SQLite's immutable=1 alone would)."""
    from db.read_only import connect

    db = demo_file(tmp_path / "share")
    engine = open_read_only(f"sqlite:///{db}")
    try:
        db.unlink()
        with pytest.raises(OperationalError, match="unable to open"):
            _count(engine)
    finally:
        engine.dispose()
    with pytest.raises(sqlite3.OperationalError):
        connect(db)
    assert not db.exists()


def test_not_a_ketnoi_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"not a database" * 100)
    with pytest.raises(DatabaseError, match="not a Ketnoi database"):
        open_read_only(f"sqlite:///{notes}")
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(DatabaseError, match="no Ketnoi schema version"):
        open_read_only(f"sqlite:///{plain}")
