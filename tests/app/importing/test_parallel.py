"""Big sheets are cleaned in worker processes; the result is the same as in one process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.importing import ImportCancelled, fastrows, inspect_sheet, preview
from app.importing.preview import CHUNK_ROWS, read_rows
from tests.app.importing.helpers import write_xlsx


def test_parallel_cleaning_gives_the_same_rows_in_order(tmp_path: Path) -> None:
    n = 2 * CHUNK_ROWS + 700
    rows = [["Họ và tên", "Email", "Điện thoại", "Ngày gặp gần nhất"]]
    for i in range(n):
        rows.append(
            [
                f"Nguyễn Văn {i}",
                f"p{i}@x.vn" if i % 50 else "sai",
                f"09{i:08d}",
                "31/02/2025" if i % 97 == 0 else "05/04/2025",
            ]
        )
    path = write_xlsx(tmp_path / "big.xlsx", {"Danh bạ": rows})
    layout = inspect_sheet(path)
    serial, read_serial = read_rows(path, layout, parallel=False)
    seen: list[tuple[int, int]] = []
    parallel, read_parallel = read_rows(
        path, layout, parallel=True, progress=lambda d, t: seen.append((d, t))
    )
    assert read_serial == read_parallel == n
    assert [r.row for r in parallel] == list(range(2, n + 2))
    assert [(r.row, r.status, r.errors, r.warnings, r.columns) for r in parallel] == [
        (r.row, r.status, r.errors, r.warnings, r.columns) for r in serial
    ]
    assert sum(bool(r.warnings) for r in parallel) > 0  # 31/02/2025: kept as typed, warned
    assert seen[-1] == (n, n)


def test_a_cancel_stops_the_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 6 * CHUNK_ROWS
    rows = [["Họ và tên", "Email", "Điện thoại"]]
    rows += [[f"Trần Thị {i}", f"t{i}@x.vn", f"09{i:08d}"] for i in range(n)]
    path = write_xlsx(tmp_path / "big.xlsx", {"Danh bạ": rows})
    layout = inspect_sheet(path)
    workers: list[Any] = []
    made = preview._pool

    def spy(count: int) -> Any:
        pool = made(count)
        submit = pool.submit

        def submit_and_note(*args: Any, **kwargs: Any) -> Any:
            future = submit(*args, **kwargs)
            workers.extend(p for p in (pool._processes or {}).values() if p not in workers)
            return future

        pool.submit = submit_and_note  # type: ignore[method-assign]
        return pool

    monkeypatch.setattr(preview, "_pool", spy)
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3  # after two chunks went to the workers

    with pytest.raises(ImportCancelled):
        read_rows(path, layout, parallel=True, cancel=cancel)
    assert workers  # the sheet was big enough to start them
    for process in workers:
        process.join(timeout=10)
        assert process.exitcode is not None  # none left running after the cancel


def _counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the chunks this process cleans (the fast path's calls here: a worker process
    has its own) and the chunks handed to the worker pool."""
    counts = {"here": 0, "pool": 0, "pools": 0}
    rows, made = fastrows.FastRows.rows, preview._pool

    def here(self: fastrows.FastRows, chunk: Any) -> Any:
        counts["here"] += 1
        return rows(self, chunk)

    def pool(count: int) -> Any:
        counts["pools"] += 1
        made_pool = made(count)
        submit = made_pool.submit

        def note(*args: Any, **kwargs: Any) -> Any:
            counts["pool"] += 1
            return submit(*args, **kwargs)

        made_pool.submit = note  # type: ignore[method-assign]
        return made_pool

    monkeypatch.setattr(fastrows.FastRows, "rows", here)
    monkeypatch.setattr(preview, "_pool", pool)
    return counts


def test_a_big_sheet_is_shared_between_this_process_and_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 6 * CHUNK_ROWS + 10
    rows = [["Họ và tên", "Email", "Điện thoại"]]
    rows += [[f"Trần Thị {i}", f"t{i}@x.vn", f"09{i:08d}"] for i in range(n)]
    path = write_xlsx(tmp_path / "big.xlsx", {"Danh bạ": rows})
    layout = inspect_sheet(path)
    serial, _read = read_rows(path, layout, parallel=False)
    monkeypatch.setattr(preview, "PARALLEL_ROWS", 2 * CHUNK_ROWS)  # (so that 12k rows are big)
    monkeypatch.setattr(preview.os, "cpu_count", lambda: 2)
    counts = _counting(monkeypatch)
    alone, read = read_rows(path, layout)  # two cores: measured faster without a worker
    assert read == n and alone == serial and counts == {"here": 7, "pool": 0, "pools": 0}
    shared, read = read_rows(path, layout, parallel=True)
    assert read == n and shared == serial
    # The first chunk and every other one after it here, the rest in the one worker, and
    # the last, short one here.
    assert counts == {"here": 7 + 4, "pool": 3, "pools": 1}
    monkeypatch.setattr(preview.os, "cpu_count", lambda: 3)
    shared, read = read_rows(path, layout)  # three cores: two workers by default
    assert read == n and shared == serial
    assert counts == {"here": 11 + 3, "pool": 3 + 4, "pools": 2}


def test_a_small_sheet_starts_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 3 * CHUNK_ROWS
    rows = [["Họ và tên", "Email"]] + [[f"Lê Văn {i}", f"l{i}@x.vn"] for i in range(n)]
    path = write_xlsx(tmp_path / "small.xlsx", {"Danh bạ": rows})
    layout = inspect_sheet(path)
    monkeypatch.setattr(preview.os, "cpu_count", lambda: 4)  # (cores to spare: still none)
    counts = _counting(monkeypatch)
    _rows, read = read_rows(path, layout)
    assert read == n and counts["pools"] == 0 and counts["pool"] == 0
