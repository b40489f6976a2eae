"""Undoing a big import reports its progress in records (a real count, not a busy bar) and can be
cancelled: the caller's transaction rolls back and the import is as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import col

from app.importing import ImportCancelled, run_import, undo_import
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import preview, write_xlsx

ROWS = 2_000  # three chunks of 900 ids


def _imported(engine: Engine, tmp_path: Path) -> int:
    rows = [["Họ và tên", "Email", "Đơn vị"]]
    rows += [[f"Người Thứ {i}", f"nguoi{i}@vidu.vn", f"Viện {i % 3}"] for i in range(ROWS)]
    batch = run_import(engine, preview(engine, write_xlsx(tmp_path / "lon.xlsx", {"Danh bạ": rows}))).batch_id
    assert batch is not None
    return batch


def _live(engine: Engine) -> int:
    with read_session(engine) as s:
        return int(s.execute(select(func.count()).where(col(m.Contact.deleted_at).is_(None))).scalar_one())


def test_progress_counts_the_records_up_to_all_of_them(engine: Engine, tmp_path: Path) -> None:
    batch = _imported(engine, tmp_path)
    seen: list[tuple[int, int]] = []
    with unit_of_work(engine) as s:
        result = undo_import(batch, session=s, progress=lambda done, total: seen.append((done, total)))
    total = ROWS + 3  # the contacts and the three organisations made for them
    assert sum(result.deleted.values()) == total
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert {t for _d, t in seen} == {total}
    done = [d for d, _t in seen]
    assert done == sorted(done) and len(set(done)) >= 4  # chunk by chunk, never backwards
    assert _live(engine) == 0


def test_cancel_stops_it_and_nothing_is_undone(engine: Engine, tmp_path: Path) -> None:
    batch = _imported(engine, tmp_path)
    seen: list[int] = []
    with pytest.raises(ImportCancelled), unit_of_work(engine) as s:
        undo_import(
            batch,
            session=s,
            progress=lambda done, _total: seen.append(done),
            cancel=lambda: len(seen) >= 2,  # after the first chunk
        )
    assert 0 < seen[-1] < ROWS
    assert _live(engine) == ROWS
    with read_session(engine) as s:
        assert s.get(m.ImportBatch, batch).undone_at is None  # type: ignore[union-attr]
    with unit_of_work(engine) as s:  # and it can be undone afterwards, all of it
        undo_import(batch, session=s)
    assert _live(engine) == 0
