"""A record opened before a restore, saved after it (reviewer: the restored file's ids and
versions are older, so a form still open — or ``ketnoi … edit --if-version`` — saved its
person's fields onto the other person the restored file has under the same id).

A restore moves every version above any the replaced database held, new records' too, so such
a save is refused as a conflict that names the restore, and nothing is overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import records, trash
from app.cli import main
from app.errors import ConflictError
from db import backup as backups
from db.engine import read_session, unit_of_work
from db.migrate import open_database, restore_database


def _new_contact(engine: Engine, name: str) -> int:
    with unit_of_work(engine) as s:
        return records.create(s, "contact", {"full_name": name})


def _get(engine: Engine, contact_id: int) -> dict:  # type: ignore[type-arg]
    with read_session(engine) as s:
        return dict(records.get(s, "contact", contact_id))


def test_a_form_opened_before_a_restore_cannot_save_onto_the_person_now_under_its_id(
    engine: Engine, db_path: Path, db_url: str
) -> None:
    _new_contact(engine, "Lê Văn Xuân")
    binh = _new_contact(engine, "Trần Thị Bình")
    backup = backups.take(db_path, "manual")  # Bình is in the backup
    assert backup is not None
    with unit_of_work(engine) as s:  # Bình deleted, the trash emptied: her id is free again
        records.delete(s, "contact", binh)
        trash.empty_trash(s)
    an = _new_contact(engine, "Nguyễn Văn An")
    assert an == binh  # SQLite gave An the id Bình had

    opened = _get(engine, an)  # a form opens An
    engine.dispose()
    restore_database(db_url, backup)  # another window puts the backup back: that id is Bình
    engine = open_database(db_url)
    try:
        with pytest.raises(ConflictError) as caught, unit_of_work(engine) as s:
            records.update(
                s,
                "contact",
                an,
                {"position": "Giám đốc", "full_name": "Nguyễn Văn An"},
                expected_version=opened["version"],
            )
        assert caught.value.restored is not None
        said = str(caught.value)
        assert "restored from" in said and backup.name in said and "Trần Thị Bình" in said
        assert "Nothing was overwritten" in said
        now = _get(engine, binh)
        assert now["full_name"] == "Trần Thị Bình" and not now["position"]
    finally:
        engine.dispose()


def test_a_record_made_after_the_restore_under_a_stale_forms_id_is_not_saved_over(
    engine: Engine, db_path: Path, db_url: str
) -> None:
    _new_contact(engine, "Lê Văn Xuân")
    backup = backups.take(db_path, "manual")
    assert backup is not None
    an = _new_contact(engine, "Nguyễn Văn An")  # not in the backup
    opened = _get(engine, an)
    engine.dispose()
    restore_database(db_url, backup)
    engine = open_database(db_url)
    try:
        chi = _new_contact(engine, "Phạm Minh Chí")  # made after the restore
        assert chi == an  # the id the open form's record had
        with pytest.raises(ConflictError, match="restored from"), unit_of_work(engine) as s:
            records.update(s, "contact", an, {"position": "Giám đốc"}, expected_version=opened["version"])
        assert _get(engine, chi)["position"] in (None, "")
        # his own form saves as ever
        with unit_of_work(engine) as s:
            records.update(
                s, "contact", chi, {"position": "Kế toán"}, expected_version=_get(engine, chi)["version"]
            )
        assert _get(engine, chi)["position"] == "Kế toán"
    finally:
        engine.dispose()


def test_an_if_version_edit_from_before_a_restore_is_refused(
    engine: Engine, db_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _new_contact(engine, "Lê Văn Xuân")
    binh = _new_contact(engine, "Trần Thị Bình")
    backup = backups.take(db_path, "manual")
    assert backup is not None
    with unit_of_work(engine) as s:
        records.delete(s, "contact", binh)
        trash.empty_trash(s)
    an = _new_contact(engine, "Nguyễn Văn An")
    assert an == binh
    seen = _get(engine, an)["version"]  # `ketnoi contact show` told the user this version
    engine.dispose()
    assert main(["restore", str(backup), "--db", str(db_path)]) == 0
    capsys.readouterr()
    code = main(
        [
            "contact",
            "edit",
            str(an),
            "--if-version",
            str(seen),
            "--position",
            "Giám đốc",
            "--db",
            str(db_path),
        ]
    )
    _, err = capsys.readouterr()
    assert code != 0
    assert "restored from" in err and "Trần Thị Bình" in err
    engine = open_database(db_url)
    try:
        assert not _get(engine, binh)["position"]
    finally:
        engine.dispose()


def test_a_table_the_upgrade_after_a_restore_makes_gives_its_records_versions_above_it_too(
    engine: Engine, db_path: Path, db_url: str
) -> None:
    """A backup of an older schema is upgraded after the restore; the letters table (migration
    0008) is made then, so the trigger that lifts new records' versions is made with it: a
    letter form open before the restore cannot save onto a letter written after it."""
    from alembic import command

    from app.letters import register
    from db.migrate import alembic_config

    _new_contact(engine, "Lê Văn Xuân")
    backup = backups.take(db_path, "manual")
    assert backup is not None
    command.downgrade(alembic_config(f"sqlite:///{backup}"), "0007")  # as an older Ketnoi wrote it
    with unit_of_work(engine) as s:
        old = register.add_letter(s, {"subject": "Công văn mời họp", "symbol": "NIC-HTQT"})
    with read_session(engine) as s:
        opened = records.get(s, "letter", old)
    engine.dispose()
    restore_database(db_url, backup)
    engine = open_database(db_url)
    try:
        with unit_of_work(engine) as s:
            new = register.add_letter(s, {"subject": "Thư cảm ơn", "symbol": "NIC-HTQT"})
        assert new == old
        with pytest.raises(ConflictError, match="restored from"), unit_of_work(engine) as s:
            records.update(s, "letter", old, {"subject": "Sửa lại"}, expected_version=opened["version"])
        with read_session(engine) as s:
            assert records.get(s, "letter", new)["subject"] == "Thư cảm ơn"
    finally:
        engine.dispose()


def test_a_copy_of_a_restored_database_says_an_ordinary_conflict_as_ever(
    engine: Engine, db_path: Path, db_url: str, tmp_path: Path
) -> None:
    """``ketnoi copy-db`` carries the restore's setting but not its triggers: the copy numbers
    its new records from 1, so a conflict there is no restore's."""
    _new_contact(engine, "Lê Văn Xuân")
    backup = backups.take(db_path, "manual")
    assert backup is not None
    engine.dispose()
    restore_database(db_url, backup)
    copy = tmp_path / "copy.db"
    assert main(["copy-db", "--from", str(db_path), "--to", str(copy)]) == 0
    other = open_database(f"sqlite:///{copy}")
    try:
        mai = _new_contact(other, "Hoàng Thị Mai")
        with unit_of_work(other) as s:
            records.update(
                s, "contact", mai, {"position": "Kế toán"}, expected_version=_get(other, mai)["version"]
            )
        with (
            pytest.raises(ConflictError, match="changed from another window or the command line") as caught,
            unit_of_work(other) as s,
        ):
            records.update(s, "contact", mai, {"position": "Thủ quỹ"}, expected_version=1)
        assert caught.value.restored is None
    finally:
        other.dispose()
