"""A database names people and what was said to them: its file, its folder, its backups and
the settings file are readable by their owner alone (POSIX)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.cli import main
from db.migrate import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_its_folder_and_wal_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "fresh-data-dir"
    monkeypatch.setenv("KETNOI_DATA_DIR", str(data))
    monkeypatch.delenv("KETNOI_DATABASE_URL", raising=False)
    os.umask(0o022)
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert mode(data) == 0o700
    db = data / "ketnoi-sample.db"  # (ketnoi demo's own file, beside the person's)
    assert mode(db) == 0o600
    for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        if extra.exists():
            assert mode(extra) & 0o077 == 0


def test_an_existing_world_readable_database_is_made_private_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    open_database(f"sqlite:///{db}").dispose()
    db.chmod(0o644)
    open_database(f"sqlite:///{db}").dispose()
    assert mode(db) == 0o600


def test_the_settings_file_is_private(qapp: object, tmp_path: Path) -> None:
    from ui.settings import Settings

    os.umask(0o022)
    settings = Settings(str(tmp_path / "ketnoi.ini"))
    settings.database_url = "postgresql://ketnoi@db.example.internal/ketnoi"
    assert mode(tmp_path / "ketnoi.ini") == 0o600


def test_a_server_password_goes_to_the_libpq_password_file_not_the_settings(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.engine import passfile_path
    from ui.settings import Settings

    monkeypatch.setenv("KETNOI_DATA_DIR", str(tmp_path / "data"))
    ini = tmp_path / "ketnoi.ini"
    settings = Settings(str(ini))
    settings.database_url = "postgresql://lan:s3cr:et@db.example.internal:5433/ketnoi"
    assert "s3cr" not in ini.read_text()
    assert settings.database_url == "postgresql://lan@db.example.internal:5433/ketnoi"
    assert passfile_path().read_text() == "db.example.internal:5433:ketnoi:lan:s3cr\\:et\n"
    assert mode(passfile_path()) == 0o600
    # a settings file written by an older Ketnoi, password inside: moved out on first read
    ini.write_text("[database]\nurl=postgresql://ketnoi:old-secret@127.0.0.1/ketnoi_test\n")
    again = Settings(str(ini))
    assert again.database_url == "postgresql://ketnoi@127.0.0.1/ketnoi_test"
    assert "old-secret" not in ini.read_text()
    assert "127.0.0.1:5432:ketnoi_test:ketnoi:old-secret" in passfile_path().read_text()


@pytest.mark.postgres
def test_a_connection_reads_the_password_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The server in CI trusts local logins, so this checks the file is handed to libpq."""
    url = os.environ.get("KETNOI_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must provide KETNOI_TEST_POSTGRES_URL")
        pytest.skip("KETNOI_TEST_POSTGRES_URL not set")
    from sqlalchemy import text

    from db.engine import make_engine, passfile_path, remember_password

    monkeypatch.setenv("KETNOI_DATA_DIR", str(tmp_path / "data"))
    bare = remember_password(url.replace("ketnoi@", "ketnoi:pw@"))
    assert ":pw@" not in bare
    engine = make_engine(bare)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
            dsn = conn.connection.dbapi_connection.info.dsn  # type: ignore[union-attr]
            assert f"passfile={passfile_path()}" in dsn
    finally:
        engine.dispose()
