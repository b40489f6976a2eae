"""The progress of a workbook's import is the whole workbook's: rows written out of the rows to
write, the figure the window's "Writing N rows…" names (reviewer h32, g14.png: "Writing 26,400
rows… 2,000 / 2,000", each sheet counted on its own from 0)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from app.importing import run_import
from tests.app.importing.helpers import write_xlsx
from tests.app.importing.test_workbook_batch import previews

ORGS = [["Tên đơn vị", "Viết tắt"], *[[f"Viện Số {i}", f"VS{i}"] for i in range(30)]]
PEOPLE = [
    ["Họ và tên", "Email", "Đơn vị"],
    *[[f"Người Thứ {i}", f"p{i}@vs.vn", f"VS{i % 30}"] for i in range(120)],
]


def test_the_progress_counts_every_sheets_rows_up_to_the_rows_to_write(
    engine: Engine, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "wb.xlsx", {"Tổ chức": ORGS, "Danh bạ": PEOPLE})
    items = previews(engine, path)
    to_write = sum(p.counts()[s] for p in items for s in ("new", "update"))
    assert to_write == 150
    seen: list[tuple[int, int]] = []
    run_import(engine, items, progress=lambda done, total: seen.append((done, total)))
    assert {total for _done, total in seen} == {to_write}
    dones = [done for done, _total in seen]
    assert dones == sorted(dones) and dones[-1] == to_write
