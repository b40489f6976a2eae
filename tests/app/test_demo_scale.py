"""``ketnoi demo --scale N`` (app.demo_scale): streamed in bounded steps, validated in worker
processes from POOL_MIN contacts, and the same seed gives the same rows either way."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from app import demo, demo_scale
from db.engine import unit_of_work
from db.migrate import open_database

TABLES = ("organisation", "contact", "contact_method", "meeting", "meeting_attendee", "action")
VOLATILE = ("created_at", "updated_at")


def _build(path: Path, n: int) -> dict[str, list[tuple[object, ...]]]:
    engine = open_database(f"sqlite:///{path}")
    demo.fill(engine)
    with unit_of_work(engine) as s:
        counts = demo_scale.fill_scale(s, n, random.Random(7), dt.date(2026, 11, 23), None)
    assert counts["contacts"] == n
    out = {}
    with engine.connect() as conn:
        for table in TABLES:
            cols = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
            sql = f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols[:3])}"
            out[table] = [tuple(r) for r in conn.exec_driver_sql(sql)]
        fts = conn.exec_driver_sql(
            "SELECT count(*) FROM fts_contact WHERE fts_contact MATCH 'nguyen*'"
        ).scalar()
        direct = conn.exec_driver_sql(
            "SELECT count(*) FROM contact WHERE ' ' || search_text LIKE '% nguyen%' AND deleted_at IS NULL"
        ).scalar()
        assert fts == direct  # the full-text index holds every streamed row
    engine.dispose()
    return out


def test_streamed_in_worker_processes_gives_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_scale, "STREAM", 700)
    monkeypatch.setattr(demo_scale, "POOL_MIN", 10**9)
    alone = _build(tmp_path / "alone.db", 3000)
    monkeypatch.setattr(demo_scale, "POOL_MIN", 1)
    pooled = _build(tmp_path / "pooled.db", 3000)
    assert len(alone["contact"]) > 3000  # the demo's own contacts and the generated ones
    for table in TABLES:
        assert pooled[table] == alone[table], table
