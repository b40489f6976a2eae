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
from db import clock
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


# --- two windows: both preview, then one imports, then the other ---------------------------


def _preview_twice_then_import_twice(url: str, path: Path) -> tuple[Any, Any]:
    """Officer A's window and officer B's, each with its own engine on one database: both
    preview ``path`` (every row new to both), A imports, then B."""
    from tests.app.importing.helpers import preview

    a, b = open_database(url), open_database(url)
    try:
        seen_by_a, seen_by_b = preview(a, path), preview(b, path)
        assert seen_by_a.counts()["new"] == seen_by_b.counts()["new"] == 40
        first = run_import(a, seen_by_a, actor="Lê Thị Lan")
        assert first.batch_id is not None and first.counts["new"] == 40
        return first, run_import(b, seen_by_b, actor="Trần Minh")
    finally:
        a.dispose()
        b.dispose()


def _check_second(first: Any, second: Any, path: Path) -> None:
    from app.importing.messages import text

    assert second.batch_id is None  # nothing left to write: no empty import in the history
    assert second.counts["new"] == 0 and second.counts.get("organisations_created", 0) == 0
    assert second.rematched == []  # not forty "matched #12" lines: one sentence
    at = f"{clock.local(first.made_at):%d/%m/%Y %H:%M}"
    assert [text(m, "en", where=True) for m in second.imported_since] == [
        f'sheet "Khách mời": "{path.name}" was imported by Lê Thị Lan at {at} (import #{first.batch_id}) '
        "after this preview was made; rows that now match the records it wrote were not created a "
        "second time: 40"
    ]
    assert [text(m, "vi", where=True) for m in second.imported_since] == [
        f'trang "Khách mời": "{path.name}" đã được Lê Thị Lan nhập lúc {at} (lần nhập #{first.batch_id}) '
        "sau khi bản xem trước này được tạo; các dòng nay khớp với bản ghi do lần nhập đó ghi nên "
        "không được tạo lần thứ hai: 40"
    ]


def test_two_windows_previewing_one_sheet_then_importing_it_in_turn_write_it_once_on_sqlite(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "danh-ba.xlsx", {"Khách mời": ROWS})
    first, second = _preview_twice_then_import_twice(db_url, path)
    assert _counts(engine) == (40, 5)
    _check_second(first, second, path)


@pytest.mark.postgres
def test_two_windows_previewing_one_sheet_then_importing_it_in_turn_write_it_once_on_postgres(
    pg_url: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "danh-ba.xlsx", {"Khách mời": ROWS})
    first, second = _preview_twice_then_import_twice(pg_url, path)
    engine = open_database(pg_url)
    try:
        assert _counts(engine) == (40, 5)
    finally:
        engine.dispose()
    _check_second(first, second, path)


def test_a_row_added_since_by_hand_is_still_said_row_by_row(engine: Engine, tmp_path: Path) -> None:
    """Only an import's records are summed up as that import: a contact typed in a window
    meanwhile is still named at its row."""
    from app import records
    from app.importing.messages import text
    from db.engine import unit_of_work
    from tests.app.importing.helpers import preview

    path = write_xlsx(tmp_path / "danh-ba.xlsx", {"Khách mời": ROWS[:3]})
    seen = preview(engine, path)
    with unit_of_work(engine) as s:
        typed = records.create(s, "contact", {"full_name": "Nguyễn Văn 1", "emails": ["nv1@example.vn"]})
    result = run_import(engine, seen)
    assert result.imported_since == []
    assert [text(m, "en", where=True) for m in result.rematched] == [
        f'sheet "Khách mời", row 3: new in the preview; #{typed} was added since, and it matched #{typed}'
    ]
