"""Big sheets are cleaned in worker processes; the result is the same as in one process."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest

from app.importing import ImportCancelled, inspect_sheet, preview, workers
from app.importing import sheet as sheet_module
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
    path, layout = _big_sheet(tmp_path)
    processes: list[Any] = []

    class Watched(_Noted):
        def offer(self, fn: Any, *args: Any) -> bool:
            processes.extend(p for p in getattr(self._pool, "_processes", {}).values() if p not in processes)
            return super().offer(fn, *args)

    monkeypatch.setattr(preview, "Helpers", Watched)
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3  # after two chunks went to the worker

    with pytest.raises(ImportCancelled):
        read_rows(path, layout, parallel=True, cancel=cancel)
    assert processes  # the sheet was big enough to start them
    for process in processes:
        process.join(timeout=10)
        assert process.exitcode is not None  # none left running after the cancel


def _big_sheet(tmp_path: Path, n: int = 6 * CHUNK_ROWS + 10) -> tuple[Path, Any]:
    rows = [["Họ và tên", "Email", "Điện thoại"]]
    rows += [[f"Trần Thị {i}", f"t{i}@x.vn" if i % 41 else "sai@", f"09{i:08d}"] for i in range(n)]
    path = write_xlsx(tmp_path / "big.xlsx", {"Danh bạ": rows})
    return path, inspect_sheet(path)


def _same(a: list[Any], b: list[Any]) -> bool:
    return [(r.row, r.status, r.errors, r.warnings, r.columns, r.relations) for r in a] == [
        (r.row, r.status, r.errors, r.warnings, r.columns, r.relations) for r in b
    ]


class _Noted(workers.Helpers):
    """Helpers whose workers are started before the first chunk (so that the test knows some
    chunks go to them), noted for the test to look at."""

    made: ClassVar[list[_Noted]] = []

    def __init__(self, count: int, **kwargs: Any) -> None:
        super().__init__(count, **kwargs)
        assert self.wait_started(timeout=60)
        _Noted.made.append(self)


def test_free_workers_clean_chunks_and_the_result_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, layout = _big_sheet(tmp_path)
    serial, read = read_rows(path, layout, parallel=False)
    _Noted.made.clear()
    monkeypatch.setattr(preview, "Helpers", _Noted)
    shared, read_shared = read_rows(path, layout, parallel=True)
    assert read_shared == read == 6 * CHUNK_ROWS + 10
    assert _same(shared, serial)
    assert sum(bool(r.errors or r.warnings) for r in shared) > 0  # ("sai@": said the same either way)
    (helpers,) = _Noted.made
    # The first chunk here; the next two at least to the free worker (one to clean, one waiting).
    assert helpers.given >= 2


def test_workers_that_never_start_are_not_waited_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool that takes forever to start (a slow disk, a bundle's first start on Windows): every
    chunk is cleaned here, and the reading ends without waiting for it."""
    path, layout = _big_sheet(tmp_path)
    serial, _read = read_rows(path, layout, parallel=False)
    release = threading.Event()
    asked: list[int] = []

    def stuck(count: int) -> Any:
        asked.append(count)
        release.wait(60)
        raise OSError("no worker processes here")

    made: list[workers.Helpers] = []

    class Stuck(workers.Helpers):
        def __init__(self, count: int, **kwargs: Any) -> None:
            super().__init__(count, start=stuck)
            made.append(self)

    monkeypatch.setattr(preview, "Helpers", Stuck)
    try:
        shared, _read = read_rows(path, layout, parallel=True)
        assert not release.is_set() and asked == [1]  # (still starting when the reading ended)
        assert _same(shared, serial)
        assert made[0].given == 0
    finally:
        release.set()


def test_a_worker_that_dies_loses_no_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker killed after the first chunk handed to it (out of memory, ended by the user
    in the task manager): the chunks it had are cleaned here, and every row is in the result."""
    path, layout = _big_sheet(tmp_path)
    serial, _read = read_rows(path, layout, parallel=False)

    class Killed(_Noted):
        def offer(self, fn: Any, *args: Any) -> bool:
            taken = super().offer(fn, *args)
            if taken and self.given == 1:
                for process in list(getattr(self._pool, "_processes", {}).values()):
                    os.kill(process.pid, signal.SIGKILL)
                    process.join(10)
            return taken

    _Noted.made.clear()
    monkeypatch.setattr(preview, "Helpers", Killed)
    shared, _read = read_rows(path, layout, parallel=True)
    assert _same(shared, serial)
    (helpers,) = _Noted.made
    assert helpers.given >= 1 and helpers.taken_back >= 1


def _pools(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the worker pools started and the chunks handed to them."""
    counts = {"pools": 0, "workers": 0}
    made = preview._pool

    def pool(count: int) -> Any:
        counts["pools"] += 1
        counts["workers"] += count
        return made(count)

    monkeypatch.setattr(preview, "_pool", pool)
    return counts


def test_two_cores_clean_a_big_sheet_in_one_process_and_more_share_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, layout = _big_sheet(tmp_path)
    serial, _read = read_rows(path, layout, parallel=False)
    monkeypatch.setattr(preview, "PARALLEL_ROWS", 2 * CHUNK_ROWS)  # (so that 12k rows are big)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    counts = _pools(monkeypatch)
    alone, _read = read_rows(path, layout)  # two cores: measured no faster with a worker
    assert _same(alone, serial) and counts == {"pools": 0, "workers": 0}
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 3)
    _Noted.made.clear()
    monkeypatch.setattr(preview, "Helpers", _Noted)
    shared, _read = read_rows(path, layout)  # three cores: two workers by default
    assert _same(shared, serial) and counts == {"pools": 1, "workers": 2}
    assert _Noted.made[0].given >= 2


def test_a_small_sheet_starts_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 3 * CHUNK_ROWS
    rows = [["Họ và tên", "Email"]] + [[f"Lê Văn {i}", f"l{i}@x.vn"] for i in range(n)]
    path = write_xlsx(tmp_path / "small.xlsx", {"Danh bạ": rows})
    layout = inspect_sheet(path)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 4)  # (cores to spare: still none)
    counts = _pools(monkeypatch)
    _rows, read = read_rows(path, layout)
    assert read == n and counts["pools"] == 0


def test_inspecting_a_big_sheet_starts_the_workers_server_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sheet written without its size (openpyxl's write-only mode, as many tools write) is
    taken as big from its XML's size; a small one starts nothing."""
    from openpyxl import Workbook

    def write(name: str, n: int) -> Path:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Danh bạ")
        ws.append(["Họ và tên", "Email"])
        for i in range(n):
            ws.append([f"Lê Văn {i}", f"l{i}@x.vn"])
        wb.save(tmp_path / name)
        return tmp_path / name

    started: list[bool] = []
    monkeypatch.setattr(sheet_module, "warm_up", lambda: started.append(True))
    monkeypatch.setattr(workers, "BIG_SHEET_XML_BYTES", 200_000)
    inspect_sheet(write("small.xlsx", 100))
    assert started == []
    inspect_sheet(write("big.xlsx", 3000))  # (about 250 kB of XML)
    assert started == [True]
