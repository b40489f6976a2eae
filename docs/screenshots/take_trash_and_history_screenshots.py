"""Screenshots of View → Trash and a record's History, in English and Vietnamese, on a screen of
1366x768 and one of 1280x720 (Xvfb), with checks that nothing is cut off (not a test: run it by
hand, once per screen size).

    ketnoi demo --db /tmp/d.db
    for size in 1366x768 1280x720; do
      xvfb-run -a -s "-screen 0 ${size}x24" env QT_QPA_PLATFORM=xcb \
        python docs/screenshots/take_trash_and_history_screenshots.py /tmp/d.db /tmp/shots
    done

Works on a copy of the database: deletes a few records of every kind, edits, merges and
imports into one contact so that its history has every sort of row. Writes every variant to
OUT (default: a temporary folder), the window sized to the screen, and on a 1366x768 screen the
English ones as docs/screenshots/trash.png and history.png. Prints every problem found; exits 1
if anything is cut off.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = ROOT / "docs" / "screenshots"

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableView, QWidget  # noqa: E402

problems: list[str] = []
notes: list[str] = []


def prepare(db: str) -> dict[str, Any]:
    """Deletions of every kind, and one contact with edits, a merge and an import."""
    from openpyxl import Workbook
    from sqlalchemy import text

    from app import bulk_edit, merge, records
    from app.importing import inspect_sheet, preview_import, run_import
    from db.engine import read_session, unit_of_work
    from db.migrate import open_database

    engine = open_database(f"sqlite:///{db}")
    with engine.connect() as c:
        staff = c.execute(text("SELECT id, name FROM staff ORDER BY id")).all()
        contact = c.execute(
            text("SELECT id, full_name FROM contact WHERE organisation_id IS NOT NULL ORDER BY id LIMIT 1")
        ).one()
        orgs = [r[0] for r in c.execute(text("SELECT id FROM organisation ORDER BY id")).all()]
        others = [
            r[0]
            for r in c.execute(text("SELECT id FROM contact WHERE id != :i ORDER BY id"), {"i": contact.id})
        ]
        meeting = c.execute(text("SELECT id FROM meeting ORDER BY starts_at LIMIT 1")).scalar()
        action = c.execute(text("SELECT id FROM action ORDER BY id LIMIT 1")).scalar()
    me, colleague = staff[0].name, staff[-1].name
    with unit_of_work(engine) as s:
        current = records.get(s, "contact", contact.id)
        new_org = next(o for o in orgs if o != current["organisation_id"])
        records.update(s, "contact", contact.id, {"position": "Phó Giám đốc", "organisation_id": new_org},
                       expected_version=None, actor=colleague)  # fmt: skip
        records.update(s, "contact", contact.id, {"tags": ["VIP", "AI"], "influence": 5},
                       expected_version=None, actor=me)  # fmt: skip
        dup = records.create(s, "contact", {"full_name": contact.full_name, "emails": ["ca.nhan@gmail.com"]},
                             actor=me)  # fmt: skip
    with unit_of_work(engine) as s:
        merge.merge(s, "contact", contact.id, dup, choices={"full_name": "survivor"}, actor=me)
    book = Path(tempfile.mkdtemp()) / "danh-ba-thang-11.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Chức vụ", "Email"])
    ws.append([contact.full_name, "Giám đốc Trung tâm", "ca.nhan@gmail.com"])
    wb.save(book)
    with read_session(engine) as s:
        layout = inspect_sheet(book, None, session=s)
        pv = preview_import(book, layout, session=s, on_match="overwrite", parallel=False)
    run_import(engine, pv, actor=colleague)
    with unit_of_work(engine) as s:
        bulk_edit.delete_records(s, "contact", others[:2], actor=me)
        bulk_edit.delete_records(s, "organisation", orgs[-1:], actor=colleague)
        bulk_edit.delete_records(s, "meeting", [meeting], actor=me)
        bulk_edit.delete_records(s, "action", [action], actor=colleague)
    engine.dispose()
    return {"contact": contact.id, "staff_id": staff[0].id}


def check(widget: QWidget, where: str, bounds: tuple[int, int]) -> None:
    """Nothing cut off: the dialog fits the screen, buttons and labels get their size, table
    headers their text."""
    if widget.width() > bounds[0] or widget.height() > bounds[1]:
        problems.append(f"{where}: {widget.width()}x{widget.height()} does not fit {bounds}")
    for b in widget.findChildren(QAbstractButton):
        if b.isVisible() and b.text() and b.width() < b.sizeHint().width():
            problems.append(f"{where}: button {b.text()!r} is {b.width()} wide, needs {b.sizeHint().width()}")
    for lab in widget.findChildren(QLabel):
        if lab.isVisible() and lab.text() and not lab.wordWrap() and lab.width() < lab.sizeHint().width():
            problems.append(
                f"{where}: label {lab.text()!r} is {lab.width()} wide, needs {lab.sizeHint().width()}"
            )
    for t in widget.findChildren(QTableView):
        header = t.horizontalHeader()
        for col in range(t.model().columnCount()):
            title = str(t.model().headerData(col, Qt.Orientation.Horizontal) or "")
            if header.sectionSize(col) < header.fontMetrics().horizontalAdvance(title) + 8:
                problems.append(f"{where}: column {title!r} is {header.sectionSize(col)} wide")
        # short cells (names, kinds, dates, people, short values) are shown whole
        fm = t.fontMetrics()
        for row in range(t.model().rowCount()):
            for col in range(t.model().columnCount()):
                index = t.model().index(row, col)
                value = str(index.data() or "")
                room = header.sectionSize(col) - (22 if index.data(Qt.ItemDataRole.DecorationRole) else 0)
                if len(value) <= 30 and room < fm.horizontalAdvance(value) + 6:
                    problems.append(f"{where}: cell {value!r} is cut ({header.sectionSize(col)} wide)")


def toolbar_check(window: Any, entity: str, where: str) -> None:
    bar = window.views[entity].detail.toolbar
    for a in bar.actions():
        w = bar.widgetForAction(a)
        if w is None or not w.isVisible() or w.geometry().right() > bar.width():
            problems.append(f"{where}: {a.text()!r} is not shown on the record's toolbar")


def main(original: str, out: str | None) -> int:
    db = str(Path(tempfile.mkdtemp()) / "demo.db")
    shutil.copy(original, db)
    target = Path(out) if out else Path(tempfile.mkdtemp())
    target.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from ui import gui_gc

    gui_gc.install(app)  # as the app: the cyclic collector on the GUI thread only
    app.setFont(QFont("Noto Sans", 10))
    made = prepare(db)
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{db}")

    def settle(ctx: Any) -> None:
        for _ in range(3):
            app.processEvents()
            ctx.tasks.wait()
        app.processEvents()

    screen = app.primaryScreen().availableGeometry()
    w, h = screen.width(), screen.height()
    for lang in ("en", "vi"):
        i18n.install(app, lang)
        if True:  # one screen size a run
            settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
            settings.staff_id = made["staff_id"]
            ctx = AppContext(engine, settings)
            window = MainWindow(ctx)
            window.resize(w, h)
            window.show()
            settle(ctx)
            tag = f"{lang}-{w}x{h}"
            if window.width() > w:  # the main window's own layout, not these dialogs: reported apart
                notes.append(f"main window {tag}: {window.width()} wide on a {w} wide screen")
            window.act_trash.trigger()  # View → Trash…
            settle(ctx)
            trash = window.trash_dialog
            trash.table.selectRow(0)
            check(trash, f"trash {tag}", (w, h))
            trash.grab().save(str(target / f"trash-{tag}.png"))
            trash.close()
            for entity in ("organisation", "contact", "meeting", "action"):
                window.nav.setCurrentRow(1 + ("organisation", "contact", "meeting", "action").index(entity))
                settle(ctx)
                toolbar_check(window, entity, f"{entity} page {tag}")
            window.navigate("contact", made["contact"])
            settle(ctx)
            window.grab().save(str(target / f"contact-page-{tag}.png"))
            window.act_history.trigger()
            settle(ctx)
            history = window.history_dialog
            restorable = [i for i, e in enumerate(history.model.rows) if e.restorable]
            if restorable:
                history.table.selectRow(restorable[min(2, len(restorable) - 1)])
            check(history, f"history {tag}", (w, h))
            history.grab().save(str(target / f"history-{tag}.png"))
            history.close()
            window.close()
            settle(ctx)
            window.deleteLater()
            app.processEvents()
    if (w, h) == (1366, 768) and not problems:
        shutil.copy(target / "trash-en-1366x768.png", HERE / "trash.png")
        shutil.copy(target / "history-en-1366x768.png", HERE / "history.png")
    print(f"screenshots in {target}")
    for p in problems:
        print("CUT OFF:", p)
    for n in notes:
        print("NOTE:", n)
    print("nothing cut off" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[0] if args else "demo.db", args[1] if len(args) > 1 else None))
