"""A sound database in a folder Ketnoi may not write is said to be that, not damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from db.migrate import open_database
from tests.cli.inproc import file_read_only
from tests.read_only import demo_file, read_only


def _sound(folder: Path) -> Path:
    folder.mkdir()
    db = folder / "ketnoi.db"
    open_database(f"sqlite:///{db}").dispose()
    assert not Path(f"{db}-wal").exists()  # closed cleanly: SQLite must create -wal/-shm to read
    return db


@pytest.mark.parametrize("args", [["org", "add", "--name", "NIC"], ["contact", "delete", "1"]])
def test_a_write_to_a_read_only_folder_says_so_in_one_line(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _sound(tmp_path / "shared")
    before = db.read_bytes()
    with read_only(db.parent):
        assert main([*args, "--db", str(db)]) == 1
    captured = capsys.readouterr()
    err = captured.err
    assert err.count("\n") == 1 and err.startswith(f"ketnoi: Not changed: {db} is open read-only "), err
    assert f"(the folder {db.parent} is read-only for you)" in err
    assert "copy it to a folder you can write and open the copy" in err
    assert "damaged" not in err and "Restore" not in err and "backup" not in err
    assert captured.out == ""
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["ketnoi.db"]
    sqlite3.connect(db).close()


def test_read_commands_read_a_read_only_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ketnoi search, org list, contact list, due, info and brief read a file in a read-only folder
    (opened read-only: db.read_only); nothing is written beside it and its bytes stay."""
    import pypdf

    db = demo_file(tmp_path / "shared")
    before = db.read_bytes()
    pdf = tmp_path / "out" / "viettel.pdf"
    pdf.parent.mkdir()
    with read_only(db.parent):
        assert main(["search", "viettel", "--db", str(db)]) == 0
        found = capsys.readouterr()
        assert "Viettel" in found.out and found.err == ""
        assert main(["org", "list", "--db", str(db)]) == 0
        assert "Viettel" in capsys.readouterr().out
        assert main(["contact", "list", "--db", str(db)]) == 0
        assert len(capsys.readouterr().out.splitlines()) >= 5
        assert main(["due", "--db", str(db)]) == 0
        capsys.readouterr()
        assert main(["info", "--db", str(db)]) == 0
        info = capsys.readouterr().out
        assert f"Opened read-only: the folder {db.parent} is read-only for you" in info
        assert "Checked (SQLite quick_check): no damage found" in info
        assert main(["brief", "org", "Viettel", "--db", str(db), "-o", str(pdf)]) == 0
        capsys.readouterr()
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Viettel" in text
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["ketnoi.db"]


def test_a_read_only_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Simulated: as root a chmod 0444 file stays writable, so ``os.access`` is made to say
    what it says to an ordinary user for that file (the folder stays writable)."""
    db = _sound(tmp_path / "mine")
    with file_read_only(db):
        assert main(["search", "nguyen", "--db", str(db)]) == 0  # read: opened read-only
        assert main(["org", "add", "--name", "NIC", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"ketnoi: Not changed: {db} is open read-only (the file {db} is read-only for you). "
        "To change it, copy it to a folder you can write and open the copy\n"
    )
    assert sorted(p.name for p in db.parent.iterdir()) == ["ketnoi.db"]


def test_a_damaged_file_in_a_writable_folder_is_still_called_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _sound(tmp_path / "mine")
    with db.open("r+b") as fh:
        fh.seek(4096 + 100)
        fh.write(b"\xff" * 4096)
    assert main(["search", "nguyen", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "Restore its latest good backup" in err and "read-only" not in err


def test_a_damaged_file_without_its_schema_version_is_called_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page holding the schema version can be the broken one (seen once in a full run, where
    the damage above reached alembic_version): the file must be called damaged, not one with
    "Ketnoi tables but no schema version"."""
    import sqlite3

    db = _sound(tmp_path / "mine")
    con = sqlite3.connect(db)
    con.execute("DELETE FROM alembic_version")  # the version as a broken page reads: nothing
    con.commit()
    (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contact'").fetchone()
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with db.open("r+b") as fh:  # and a page of a table broken
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * size)
    assert main(["search", "nguyen", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "Restore its latest good backup" in err and "no schema version" not in err


def test_copy_db_copies_from_a_read_only_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the messages advise, from the command line: the file on a read-only share copied to
    a writable place (the source read read-only, the copy compared in full)."""
    db = demo_file(tmp_path / "shared")
    copy = tmp_path / "mine" / "ketnoi.db"
    copy.parent.mkdir()
    with read_only(db.parent):
        assert main(["copy-db", "--from", str(db), "--to", str(copy)]) == 0
    assert "the copy is identical to the source" in capsys.readouterr().out
    assert sorted(p.name for p in db.parent.iterdir()) == ["ketnoi.db"]
    assert main(["org", "add", "--name", "NIC2", "--db", str(copy)]) == 0  # the copy is writable


def test_an_older_schema_is_named_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _sound(tmp_path / "old")
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '0013'")
    con.commit()
    con.close()
    with read_only(db.parent):
        assert main(["search", "nguyen", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"ketnoi: Cannot open {db} read-only: it has schema version 0013, older than"), err


def test_backups_of_a_read_only_file_do_not_promise_what_cannot_happen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reviewer: `ketnoi backups` on a file in a read-only folder said where copies go and
    "Restore one with: ketnoi restore …", which is then refused; it says why neither can
    happen there, and how to copy."""
    from db import backup as backups

    db = demo_file(tmp_path / "shared")
    with read_only(db.parent):
        assert main(["backups", "--db", str(db)]) == 0
        out = capsys.readouterr().out
    assert "they go to" not in out
    assert f"No backups of {db}, and none can be taken beside it: the folder {db.parent} is read-only" in out
    assert f"ketnoi backup COPY.db --db {db} copies it where you choose" in out
    assert backups.take(db, "daily") is not None
    with read_only(db.parent):
        assert main(["backups", "--db", str(db)]) == 0
        out = capsys.readouterr().out
    assert "Restore one with" not in out
    assert f"None can be restored in place: the folder {db.parent} is read-only" in out


def test_copy_db_to_a_read_only_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Reviewer: copying into a folder Ketnoi may not write said SQLite's "unable to open
    database file" after the URL; it names the folder in words, and nothing is made."""
    db = demo_file(tmp_path / "mine")
    locked = tmp_path / "locked"
    locked.mkdir()
    with read_only(locked):
        assert main(["copy-db", "--from", str(db), "--to", str(locked / "cp.db")]) == 1
    err = capsys.readouterr().err
    assert f"the folder {locked} is read-only for you, so no database can be made there" in err, err
    assert "unable to open" not in err and err.count("\n") == 1
    assert list(locked.iterdir()) == []
