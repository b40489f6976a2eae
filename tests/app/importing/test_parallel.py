"""Big sheets are cleaned in worker processes; the result is the same as in one process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.importing import ImportCancelled, inspect_sheet, preview
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
