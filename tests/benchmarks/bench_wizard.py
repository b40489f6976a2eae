"""How the wizard behaves on a 100,000-row contacts sheet (a measurement, not a test).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_wizard.py [ROWS]

Prints the time to inspect, preview and commit through the wizard, and the longest the UI
thread went without running a 20 ms timer while that happened (it must stay responsive:
the work runs in the task helper's workers).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def write_sheet(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh bạ")
    ws.append(["DANH SÁCH ĐẠI BIỂU"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại", "Ghi chú"])
    orgs = ["Trung tâm Đổi mới sáng tạo Quốc gia (NIC)", "Genetica", "Viettel", "FPT Corporation", "VinAI"]
    for i in range(rows):
        ws.append([i + 1, f"Nguyễn Văn Số {i}", "Chuyên viên", orgs[i % 5], f"so{i}@example.vn",
                   f"09{i:08d}", "ghi chú"])  # fmt: skip
    wb.save(path)


def main(rows: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from db.migrate import open_database
    from ui.context import AppContext
    from ui.import_wizard import open_import_wizard
    from ui.settings import Settings

    tmp = Path(tempfile.mkdtemp())
    path = tmp / "big.xlsx"
    t0 = time.perf_counter()
    write_sheet(path, rows)
    print(f"wrote {rows:,} rows in {time.perf_counter() - t0:.1f}s")
    engine = open_database(f"sqlite:///{tmp / 'bench.db'}")
    ctx = AppContext(engine, Settings(str(tmp / "b.ini")))

    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()

    def tick() -> None:
        gaps.append(clock.restart())

    ticker = QTimer()
    ticker.timeout.connect(tick)
    ticker.start(20)

    def wait(cond) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        loop = QEventLoop()
        check = QTimer()
        check.timeout.connect(lambda: loop.quit() if cond() else None)
        check.start(10)
        loop.exec()
        check.stop()
        return time.perf_counter() - start

    w = open_import_wizard(None, ctx, path)
    gaps.clear()
    inspect = wait(lambda: bool(w.sheets) and not w.busy())
    w.next()
    w.next()
    preview = wait(lambda: w.preview is not None and not w.busy())
    print(f"preview counts: {w.preview_page.model.counts()}")
    worst_preview = max(gaps[1:] or [0])
    gaps.clear()
    w.preview_page.show_only(("error",))
    w.preview_page.show_only(None)
    w.next()
    commit = wait(lambda: w.commit_page.state != "writing")
    worst_commit = max(gaps[1:] or [0])
    print(f"inspect {inspect:.2f}s, preview {preview:.2f}s, commit {commit:.2f}s ({w.commit_page.state})")
    print(f"longest UI-thread stall: {worst_preview} ms during preview, {worst_commit} ms during commit")
    w.accept()
    app.processEvents()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
