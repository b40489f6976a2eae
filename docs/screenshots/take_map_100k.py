"""Screenshots of the stakeholder map on the 100,000-contact demo database (2,000 organisations),
in English and Vietnamese at 1366x768, whole grid and zoomed into one cell (not a test: run it
by hand, under Xvfb + a window manager or offscreen).

    ketnoi demo --db /tmp/map100k.db --scale 100000
    DISPLAY=:35 python docs/screenshots/take_map_100k.py /tmp/map100k.db

Works on a copy of the database. Writes docs/screenshots/map-100k-en.png, map-100k-vi.png,
map-100k-zoom-en.png and map-100k-zoom-vi.png, and prints what it measured: the points' query
(off the UI thread), the layout and the label placement at the whole grid and at each zoom step.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main(original: str) -> None:
    db = str(Path(tempfile.mkdtemp()) / "map100k.db")
    shutil.copy(original, db)
    app = QApplication(sys.argv[:1])
    from ui import gui_gc

    gui_gc.install(app)  # as the app: the cyclic collector on the GUI thread only
    app.setFont(QFont("Noto Sans", 10))
    from sqlalchemy import text

    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    with engine.connect() as c:
        staff_id = c.execute(text("SELECT min(id) FROM staff")).scalar()
        rated = c.execute(
            text("SELECT count(*) FROM organisation WHERE influence IS NOT NULL AND interest IS NOT NULL")
        ).scalar()
    print(f"rated organisations: {rated}")

    def settle(ctx: AppContext) -> None:
        for _ in range(3):
            app.processEvents()
            ctx.tasks.wait()
            app.processEvents()

    for language in ("en", "vi"):
        i18n.install(app, language)
        settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
        settings.staff_id = staff_id
        settings.language = language
        ctx = AppContext(engine, settings)
        w = MainWindow(ctx)
        w.resize(1366, 768)
        w.show()
        settle(ctx)
        canvas = w.map_view.canvas
        start = time.perf_counter()
        w.nav.setCurrentRow(w.nav.count() - 1)
        settle(ctx)
        canvas.repaint()
        first = time.perf_counter() - start
        shown = len(canvas.shown_points())
        clustered = sum(len(cl.members) for cl in canvas.clusters)
        print(
            f"[{language}] open the map to its first paint: {first * 1000:.0f} ms "
            f"(layout {canvas.timings['layout'] * 1000:.0f} ms, labels {canvas.timings['labels'] * 1000:.0f} ms); "
            f"{len(canvas.points)} points: {shown} dots + {clustered} in {len(canvas.clusters)} clusters, "
            f"{len(canvas.labels)} labels, canvas {canvas.width()}x{canvas.height()}"
        )
        w.grab().save(str(OUT / f"map-100k-{language}.png"))
        steps = []
        for _ in range(6):
            t0 = time.perf_counter()
            canvas.zoom_in()
            canvas.repaint()
            steps.append((time.perf_counter() - t0, canvas.timings["layout"], canvas.timings["labels"]))
        canvas.fit()
        print(
            f"[{language}] zoom step (relayout + relabel + paint), median of {len(steps)}: "
            f"{statistics.median(s[0] for s in steps) * 1000:.0f} ms, max {max(s[0] for s in steps) * 1000:.0f} ms; "
            f"labels alone median {statistics.median(s[2] for s in steps) * 1000:.1f} ms"
        )
        canvas.zoom_to_cell(4, 4)
        canvas.repaint()
        print(f"[{language}] zoomed into influence 4 x interest 4: {len(canvas.labels)} labels")
        w.grab().save(str(OUT / f"map-100k-zoom-{language}.png"))
        canvas.fit()
        w.close()
        settle(ctx)
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/map100k.db")
