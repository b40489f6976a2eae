"""Big sheets are cleaned in worker processes; the result is the same as in one process."""

from __future__ import annotations

from pathlib import Path

from app.importing import inspect_sheet
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
