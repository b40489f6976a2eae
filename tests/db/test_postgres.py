"""The same schema and services on PostgreSQL (a team's shared database).

Runs when KETNOI_TEST_POSTGRES_URL names a server (.ci/run starts one): a database per test
(tests/postgres.py).
"""

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import records
from app.errors import ConflictError
from app.search import search
from db.engine import read_session, unit_of_work
from db.migrate import alembic_config, open_database

PG_URL = os.environ.get("KETNOI_TEST_POSTGRES_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL and not os.environ.get("CI"), reason="KETNOI_TEST_POSTGRES_URL not set"),
]


@pytest.fixture
def pg(pg_url: str) -> Iterator[Engine]:
    engine = open_database(pg_url)
    yield engine
    engine.dispose()


def test_postgres_schema_has_no_drift_and_search_works(pg: Engine, pg_url: str) -> None:
    command.check(alembic_config(pg_url))
    with unit_of_work(pg) as s:
        org = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        cid = records.create(s, "contact", {"full_name": "Đặng Thị Hồng Nhung", "organisation_id": org})
        records.create(
            s, "meeting", {"title": "Làm việc tại Hòa Lạc", "starts_at": dt.datetime(2025, 11, 26, 9)}
        )
    with read_session(pg) as s:
        assert [(h.kind, h.id) for h in search(s, "dang nhung")] == [("contact", cid)]
        assert search(s, "hoa lac")[0].title == "Làm việc tại Hòa Lạc"
        assert search(s, "nic")[0].kind == "organisation"
        s.execute(text("SET LOCAL enable_seqscan = off"))  # tiny table: make the planner show the index
        plan = "\n".join(
            r[0]
            for r in s.execute(
                text(
                    "EXPLAIN SELECT id FROM contact WHERE to_tsvector('simple', search_text) "
                    "@@ to_tsquery('simple', 'dang:*')"
                )
            )
        )
        assert "ix_contact_search" in plan
    with unit_of_work(pg) as s:
        records.update(s, "contact", cid, {"position": "Giám đốc"}, expected_version=1)
    with unit_of_work(pg) as s, pytest.raises(ConflictError):
        records.update(s, "contact", cid, {"position": "Phó Giám đốc"}, expected_version=1)
    with read_session(pg) as s:
        got = records.get(s, "contact", cid)
        assert got["position"] == "Giám đốc"
        assert got["created_at"].tzinfo is not None


def test_postgres_sorts_names_like_python(pg: Engine) -> None:
    names = [
        "Trần Văn Bình",
        "Nguyễn Thị An",
        "Lê Văn An",
        "Đặng Hữu Đức",
        "Phạm Minh Dũng",
        "Ân Hà",
    ]
    with unit_of_work(pg) as s:
        for n in names:
            records.create(s, "contact", {"full_name": n})
    with read_session(pg) as s:
        collation = s.execute(
            text(
                "SELECT collation_name FROM information_schema.columns "
                "WHERE table_name = 'contact' AND column_name = 'sort_key'"
            )
        ).scalar_one()
        in_sql = [r[0] for r in s.execute(text("SELECT full_name FROM contact ORDER BY sort_key"))]
        keys = dict(s.execute(text("SELECT full_name, sort_key FROM contact")).all())
    assert collation == "C"
    assert in_sql == sorted(names, key=lambda n: keys[n])
    assert in_sql[:2] == ["Lê Văn An", "Nguyễn Thị An"]


def test_a_serialised_write_that_waits_in_vain_says_so_in_one_line(pg: Engine) -> None:
    """Two imports at once on a team database: the second waits for the first's write lock
    (write_lock's lock_timeout) and, past it, gets the same one sentence as a locked SQLite file
    rather than psycopg's LockNotAvailable; nothing is written."""
    from db.engine import _lock_key
    from db.errors import DatabaseBusy

    holder = pg.connect()
    try:
        holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _lock_key("import")})
        busy = pytest.raises(DatabaseBusy, match=r"^Not saved: .*waited 1 s\). Nothing was saved")
        with busy, unit_of_work(pg, lock="import", wait_s=1) as s:
            s.execute(text("SELECT 1"))
    finally:
        holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _lock_key("import")})
        holder.close()


def test_a_filled_database_goes_down_to_nothing_and_up_again(pg_empty_url: str) -> None:
    """Every migration's downgrade on PostgreSQL with rows in every table the demo fills
    (reorganisations and posts included): the tests ran it after each of them when each
    test's schema was taken down again; now each gets a copy made once."""
    from sqlalchemy import inspect

    from app import demo
    from db.engine import make_engine

    engine = open_database(pg_empty_url)
    demo.fill(engine)
    engine.dispose()
    command.downgrade(alembic_config(pg_empty_url), "base")
    bare = make_engine(pg_empty_url)
    try:
        assert set(inspect(bare).get_table_names()) <= {"alembic_version"}
        with bare.connect() as conn:  # no function, trigger or view of Ketnoi's is left behind
            left = conn.execute(
                text(
                    "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'public'"
                )
            ).scalar_one()
            views = conn.execute(
                text("SELECT count(*) FROM pg_views WHERE schemaname = 'public'")
            ).scalar_one()
        assert (left, views) == (0, 0)
    finally:
        bare.dispose()
    engine = open_database(pg_empty_url)
    try:
        with unit_of_work(engine) as s:
            assert records.create(s, "organisation", {"name": "Genetica"}) == 1  # the sequences anew
    finally:
        engine.dispose()
