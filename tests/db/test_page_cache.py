"""A big import's page cache is the import's alone: the pooled connection gets SQLite's
default back (and gives the memory back) when the import's unit of work ends."""

from __future__ import annotations

from pathlib import Path

from app.importing import inspect_sheet, preview_import, run_import
from db.engine import Engine, large_page_cache, read_session, unit_of_work
from tests.app.importing.helpers import write_xlsx


def _cache_size_and_connection(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        return int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one()), id(raw)


def test_the_large_cache_lasts_as_long_as_the_unit_of_work(engine: Engine) -> None:
    before, first = _cache_size_and_connection(engine)
    assert before == -2000
    with unit_of_work(engine) as session:
        large_page_cache(session, 128)
        inside = session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()
        used = id(session.connection().connection.dbapi_connection)
    after, again = _cache_size_and_connection(engine)
    assert inside == -131072
    assert used == first == again  # the same pooled connection, checked out again
    assert after == -2000


def test_an_import_leaves_the_pooled_connection_with_the_default_cache(
    engine: Engine, tmp_path: Path
) -> None:
    book = tmp_path / "contacts.xlsx"
    write_xlsx(
        book,
        {
            "Danh bạ": [
                ["Họ và tên", "Email"],
                ["Nguyễn Văn An", "an@nic.vn"],
                ["Lê Thị Bình", "binh@fpt.com"],
            ]
        },
    )
    with read_session(engine) as session:
        layout = inspect_sheet(book, session=session)
        preview = preview_import(book, layout, session=session)
    result = run_import(engine, preview)
    assert result.counts["new"] == 2
    assert _cache_size_and_connection(engine)[0] == -2000
