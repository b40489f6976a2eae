"""db.paths: where the database is, said without SQLAlchemy (the window's frame names it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from db import engine, paths


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("sqlite:////home/lan/ketnoi.db", "ketnoi.db"),
        ("sqlite:////tmp/văn phòng.db?mode=ro", "văn phòng.db"),
        ("sqlite+pysqlite:////srv/k.db", "k.db"),
        ("postgresql+psycopg://lan:s3cret@db.office.vn:5432/ketnoi", "ketnoi (db.office.vn)"),
        ("postgresql+psycopg://lan:s3cret@db.office.vn", "db.office.vn"),
    ],
)
def test_short_name_is_the_file_or_the_server_and_never_a_password(url: str, name: str) -> None:
    assert paths.short_name(url) == name
    assert "s3cret" not in paths.short_name(url)


def test_db_engine_still_offers_what_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETNOI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    assert engine.resolve_url is paths.resolve_url and engine.data_dir is paths.data_dir
    assert engine.default_url() == f"sqlite:///{tmp_path / 'data' / 'ketnoi.db'}"
    assert engine.resolve_url("k.db") == f"sqlite:///{Path('k.db').resolve()}"


def test_db_paths_loads_no_sqlalchemy() -> None:
    code = "import sys, db.paths; print(*sorted(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "db.paths" in done.stdout.split()
    assert not [m for m in done.stdout.split() if m.startswith(("sqlalchemy", "sqlmodel"))]
