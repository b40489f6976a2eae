"""Two imports of one sheet at the same moment give the records of one import, on SQLite and
on PostgreSQL. Each import runs on its own thread with its own engine (as two windows or two
officers would); the matching is slowed so that, without the write lock, both would match
against a database holding neither's rows and write everything twice."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app.importing import commit as commit_module
from app.importing import inspect_sheet, preview_import, run_import
from db.engine import read_session
from db.migrate import open_database
from db.models import Contact, Organisation
from tests.app.importing.helpers import write_xlsx

PG_URL = os.environ.get("KETNOI_TEST_POSTGRES_URL")

ROWS = [["Họ và tên", "Đơn vị", "Email"]] + [
    [f"Nguyễn Văn {n}", f"Công ty {n % 5}", f"nv{n}@example.vn"] for n in range(40)
]


def _import_twice_at_once(url: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    real_match = commit_module.match_rows

    def slow_match(*args: Any, **kwargs: Any) -> Any:
        result = real_match(*args, **kwargs)
        time.sleep(0.5)  # the other import reaches its matching meanwhile
        return result

    monkeypatch.setattr(commit_module, "match_rows", slow_match)
    open_database(url).dispose()  # the schema first: the two imports must not race to create it
    layout = inspect_sheet(path)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def one_import() -> None:
        engine = open_database(url)
        try:
            with read_session(engine) as s:
                preview = preview_import(path, layout, session=s)
            start.wait()
            run_import(engine, preview)
        except BaseException as exc:
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=one_import) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return errors


def _counts(engine: Engine) -> tuple[int, int]:
    with read_session(engine) as s:
        contacts = s.execute(select(func.count()).select_from(Contact)).scalar_one()
        orgs = s.execute(select(func.count()).select_from(Organisation)).scalar_one()
    return contacts, orgs


def test_two_imports_at_once_on_sqlite_give_the_records_of_one(
    engine: Engine, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "guests.xlsx", {"Khách mời": ROWS})
    errors = _import_twice_at_once(db_url, path, monkeypatch)
    assert errors == []
    assert _counts(engine) == (40, 5)


@pytest.mark.postgres
def test_two_imports_at_once_on_postgres_give_the_records_of_one(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "guests.xlsx", {"Khách mời": ROWS})
    errors = _import_twice_at_once(pg_url, path, monkeypatch)
    assert errors == []
    engine = open_database(pg_url)
    try:
        assert _counts(engine) == (40, 5)
    finally:
        engine.dispose()
