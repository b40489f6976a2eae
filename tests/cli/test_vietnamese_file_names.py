"""A database file named in Vietnamese is shown by its name as written ("bản sao.db"), never
as SQLAlchemy renders it for connecting ("b%E1%BA%A3n sao.db"): `ketnoi info`, `copy-db`, in
both languages and in --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import records
from db.engine import unit_of_work
from db.migrate import open_database
from tests.cli.inproc import run_cli


@pytest.fixture
def ban_sao(tmp_path: Path) -> Path:
    db = tmp_path / "bản sao.db"
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Genetica"})
    engine.dispose()
    return db


@pytest.mark.parametrize("lang", ["en_GB.UTF-8", "vi_VN.UTF-8"])
def test_info_names_the_file_as_written(ban_sao: Path, lang: str) -> None:
    done = run_cli(ban_sao, "info", lang=lang)
    assert done.returncode == 0, done.stderr
    assert f"{ban_sao.parent}/bản sao.db" in done.stdout
    assert "%E1" not in done.stdout
    shown = json.loads(run_cli(ban_sao, "info", "--json").stdout)
    assert shown["database"].endswith("/bản sao.db")


def test_copy_db_names_both_files_as_written(ban_sao: Path) -> None:
    target = ban_sao.parent / "bản chính.db"
    done = run_cli(None, "copy-db", "--from", str(ban_sao), "--to", str(target))
    assert done.returncode == 0, done.stderr
    assert "/bản sao.db → " in done.stdout and done.stdout.count("/bản chính.db") >= 1
    assert "%E1" not in done.stdout + done.stderr
    # the URL used to connect is untouched: the copy is there, under its real name
    assert target.exists() and not list(ban_sao.parent.glob("*%*"))
