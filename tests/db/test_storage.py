import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from db.engine import make_engine, resolve_url
from db.migrate import (
    HEAD_REVISION,
    NewerDatabaseError,
    alembic_config,
    current_revision,
    head_revision,
    open_database,
    stored_revision,
)


def test_head_revision_constant_is_the_scripts_single_head() -> None:
    # Opening a database compares alembic_version with HEAD_REVISION without importing
    # Alembic: a new migration must move the constant, or databases would not be upgraded.
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [HEAD_REVISION]
    assert head_revision() == HEAD_REVISION


def test_an_older_database_is_still_upgraded_past_the_fast_path(db_url: str) -> None:
    open_database(db_url).dispose()
    command.downgrade(alembic_config(db_url), "0012")
    engine = make_engine(db_url)
    assert stored_revision(engine) == "0012"
    engine.dispose()
    engine = open_database(db_url)
    assert stored_revision(engine) == HEAD_REVISION == current_revision(engine)
    engine.dispose()


def test_migrations_create_the_schema_from_empty(db_url: str) -> None:
    engine = open_database(db_url)
    names = set(inspect(engine).get_table_names())
    assert {"organisation", "contact", "meeting", "action", "staff", "change", "import_batch"} <= names
    assert {"fts_contact", "fts_organisation", "fts_meeting", "fts_action"} <= names
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_models_and_migrations_do_not_drift(db_url: str) -> None:
    open_database(db_url).dispose()
    command.check(alembic_config(db_url))  # raises if autogenerate would emit anything


def test_downgrade_and_upgrade_again(db_url: str) -> None:
    open_database(db_url).dispose()
    cfg = alembic_config(db_url)
    command.downgrade(cfg, "base")
    engine = make_engine(db_url)
    assert "contact" not in inspect(engine).get_table_names()
    engine.dispose()
    open_database(db_url).dispose()


def test_sqlite_runs_with_foreign_keys_wal_and_busy_timeout(db_url: str) -> None:
    engine = open_database(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() >= 5000
    engine.dispose()


def test_database_from_a_newer_version_is_refused(db_path: Path, db_url: str) -> None:
    open_database(db_url).dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(NewerDatabaseError, match="newer version of Ketnoi"):
        open_database(db_url)


def test_resolve_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KETNOI_DATA_DIR", str(tmp_path / "data"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'ketnoi.db'}"
    monkeypatch.setenv("KETNOI_DATABASE_URL", "postgresql://u:p@localhost/k")
    assert resolve_url(None) == "postgresql+psycopg://u:p@localhost/k"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("sqlite:///y.db") == "sqlite:///y.db"


def test_older_database_is_backed_up_then_upgraded(db_path: Path, db_url: str) -> None:
    command.upgrade(alembic_config(db_url), "0001")
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO organisation (created_at, updated_at, version, name, name_en, acronym, aliases, kind, "
        "country, city, address, website, notes, sort_key, search_text) VALUES "
        "('2025-01-01', '2025-01-01', 1, 'Genetica', '', '', '[]', 'startup', 'VN', '', '', '', '', 'g', 'genetica')"
    )
    con.commit()
    con.close()
    engine = open_database(db_url)
    assert current_revision(engine) == head_revision()
    assert "ix_contact_position" in {ix["name"] for ix in inspect(engine).get_indexes("contact")}
    engine.dispose()
    backups = list((db_path.parent / "ketnoi-backups").glob("ketnoi-*-before-upgrade-0001.db"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT name FROM organisation").fetchall() == [("Genetica",)]
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    con.close()


def test_up_to_date_database_is_not_backed_up(db_path: Path, db_url: str) -> None:
    open_database(db_url).dispose()
    open_database(db_url).dispose()
    assert not (db_path.parent / "ketnoi-backups").exists()
