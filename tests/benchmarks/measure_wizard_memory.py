"""Memory of the import wizard: N previews of a workbook through the real wizard, each
cancelled, and the process's RSS after each (not a ratio, not in run_all.py).

    python tests/benchmarks/measure_wizard_memory.py BOOK.xlsx [N]

Runs offscreen. Prints, per preview, the peak RSS and the RSS after Cancel and a collection,
and how many previews and wizards are still alive (none is expected: the test
``tests/ui/files/test_import_wizard_memory.py`` guards it). ``ROOT=DIR`` runs another
checkout's code, to compare two versions.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.environ.get("ROOT", str(Path(__file__).resolve().parents[2])))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(book: Path, n: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QPushButton, QWidget

    app = QApplication(sys.argv[:1])
    from db.migrate import open_database
    from ui.context import AppContext
    from ui.import_wizard import open_import_wizard
    from ui.settings import Settings

    tmp = Path(tempfile.mkdtemp())
    path = tmp / book.name
    shutil.copy(book, path)
    engine = open_database(f"sqlite:///{tmp / 'm.db'}")
    ctx = AppContext(engine, Settings(str(tmp / "m.ini")))
    parent = QWidget()  # (the main window's place: a wizard with a parent is deleted on close)

    def wait(done: Callable[[], bool]) -> None:
        loop, check = QEventLoop(), QTimer()
        check.timeout.connect(lambda: loop.quit() if done() else None)
        check.start(10)
        loop.exec()
        check.stop()

    previews: list[weakref.ref[Any]] = []
    wizards: list[weakref.ref[Any]] = []
    print(f"start: {rss_mb():.0f} MB", flush=True)
    for i in range(n):
        w = open_import_wizard(parent, ctx, path)
        wait(lambda w=w: bool(w.sheets) and not w.busy())  # type: ignore[misc]
        w.next()
        w.next()
        wait(lambda w=w: w.preview is not None and not w.busy())  # type: ignore[misc]
        previews.append(weakref.ref(w.preview))
        wizards.append(weakref.ref(w))
        peak = rss_mb()
        w.reject()
        box = getattr(w, "discard_box", None)
        if box is not None:  # "Discard this import?": Close
            box.findChild(QPushButton, "import_discard_close").click()
        for _ in range(5):
            app.processEvents()
        del w
        gc.collect()
        app.processEvents()
        alive = sum(r() is not None for r in previews), sum(r() is not None for r in wizards)
        print(
            f"preview {i + 1}: peak {peak:.0f} MB, after Cancel and a collection {rss_mb():.0f} MB; "
            f"previews alive {alive[0]}, wizards alive {alive[1]}",
            flush=True,
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 4)
