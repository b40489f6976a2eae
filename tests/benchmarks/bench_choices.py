"""Benchmark: three design choices the code states figures for, each against its alternative.

    python tests/benchmarks/bench_choices.py [--rows 100000] [--only write|read|sort]

write  100k contacts into a fresh migrated SQLite file, one transaction each way: ORM objects
       (``session.add_all``), SQLAlchemy Core ``insert()`` with a list of dicts, and the app's
       :func:`app.bulk.create_many` (history rows included); a commit per row is timed on a
       tenth of the rows and scaled (figures in app/bulk.py and app/importing/commit.py).
read   a 100k-row x 10-column workbook read with the importer's calamine reader and with its
       openpyxl streaming reader, every cell touched (figure in app/importing/reader.py).
sort   100k preview rows sorted by the import preview's own model (an index list) and by a
       QSortFilterProxyModel over the same model (figure in ui/import_wizard/model.py).

Prints seconds and the ratio of each alternative to the chosen way.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def timed(func: Callable[[], Any]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def report(chosen: tuple[str, float], *others: tuple[str, float]) -> None:
    name, base = chosen
    print(f"  {name:<44} {base:7.2f} s")
    for label, seconds in others:
        print(f"  {label:<44} {seconds:7.2f} s   {seconds / base:5.1f}x")


def contact_rows(n: int) -> list[dict[str, Any]]:
    return [{"full_name": f"Nguyễn Văn Số {i}", "position": "Chuyên viên"} for i in range(n)]


def bench_write(rows: int) -> None:
    from sqlalchemy import insert

    from app import bulk
    from db import models as m
    from db.engine import unit_of_work
    from db.migrate import open_database

    prepared = bulk.prepare_many("contact", contact_rows(rows))
    now = m.utcnow()
    plain = [{**p.columns, "created_at": now, "updated_at": now, "version": 1} for p in prepared]

    def fresh() -> Any:
        return open_database(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}")

    def orm(engine: Any, chunk: list[dict[str, Any]]) -> None:
        with unit_of_work(engine) as s:
            s.add_all([m.Contact(**r) for r in chunk])

    def core(engine: Any) -> None:
        with unit_of_work(engine) as s:
            s.execute(insert(m.Contact), plain)

    def app_path(engine: Any) -> None:
        with unit_of_work(engine) as s:
            bulk.create_many(s, "contact", prepared)

    def per_row(engine: Any, chunk: list[dict[str, Any]]) -> None:
        for r in chunk:
            with unit_of_work(engine) as s:
                s.add(m.Contact(**r))

    print(f"write: {rows:,} contacts, one transaction (SQLite, full-text index trigger on)")
    t_app = timed(lambda: app_path(fresh()))
    t_core = timed(lambda: core(fresh()))
    t_orm = timed(lambda: orm(fresh(), plain))
    tenth = plain[: max(rows // 10, 1)]
    t_row = timed(lambda: per_row(fresh(), tenth)) * rows / len(tenth)
    report(
        ("app.bulk.create_many (with history rows)", t_app),
        ("Core insert(), list of dicts", t_core),
        ("ORM add_all, one commit", t_orm),
        ("ORM, a commit per row (scaled from a tenth)", t_row),
    )


def bench_read(rows: int) -> None:
    from openpyxl import Workbook

    from app.importing import reader

    path = Path(tempfile.mkdtemp()) / "sheet.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh bạ")
    ws.append(
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại", "Ngày", "Ghi chú", "Nước", "Nguồn"]
    )
    for i in range(rows):
        ws.append([i + 1, f"Nguyễn Văn Số {i}", "Chuyên viên", "Viettel", f"so{i}@example.vn",
                   f"09{i:08d}", "12/03/2025", "ghi chú", "Việt Nam", "hội thảo"])  # fmt: skip
    wb.save(path)

    def drain(rows_iter: Any) -> None:
        for row in rows_iter:
            for _cell in row:
                pass

    print(f"read: {rows:,} rows x 10 columns ({path.stat().st_size / 2**20:.1f} MB)")
    report(
        ("calamine (reader._calamine_rows)", timed(lambda: drain(reader._calamine_rows(path, "Danh bạ")))),
        ("openpyxl read-only (reader._openpyxl_rows)", timed(lambda: drain(reader._openpyxl_rows(path, "Danh bạ")))),
    )  # fmt: skip


def bench_sort(rows: int) -> None:
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QApplication

    from app.importing import RowResult
    from ui.import_wizard.model import COL_RECORD, PreviewModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    results = [
        RowResult(i + 2, status=("new", "update", "error", "duplicate")[i % 4],
                  columns={"full_name": f"Nguyễn Văn {i}"} if i % 4 != 2 else None,
                  errors={"Email (C)": "invalid"} if i % 4 == 2 else {})
        for i in range(rows)
    ]  # fmt: skip
    own = PreviewModel()
    own.set_rows(results, "contact")
    source = PreviewModel()
    source.set_rows(results, "contact")
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    print(f"sort: {rows:,} preview rows by the record column")
    report(
        ("PreviewModel.sort (index list)", timed(lambda: own.sort(COL_RECORD, Qt.SortOrder.DescendingOrder))),
        ("QSortFilterProxyModel.sort", timed(lambda: proxy.sort(COL_RECORD, Qt.SortOrder.DescendingOrder))),
    )  # fmt: skip
    del app


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=["write", "read", "sort"])
    args = parser.parse_args()
    print(f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")
    for name, bench in (("write", bench_write), ("read", bench_read), ("sort", bench_sort)):
        if args.only in (None, name):
            bench(args.rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
