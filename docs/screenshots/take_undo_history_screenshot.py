"""Screenshots of Edit → Undo history…, in English and Vietnamese, on a 1366x768 screen, with
checks that nothing is cut off (not a test: run it by hand).

    ketnoi --db /tmp/d.db demo
    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_undo_history_screenshot.py /tmp/d.db [OUT]

Works on a copy of the database: an edit, a bulk tag, a re-rating, a merge, an import, a delete
and an undo, then a colleague's later edit that collides with the first. Writes both languages
to OUT (default: a temporary folder) and the English one as docs/screenshots/undo-history.png
(the Vietnamese one as undo-history-vi.png). Prints one line per check; exits 1 if anything is
cut off.
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

SCREEN = (1366, 768)
problems: list[str] = []


def prepare(db: str) -> dict[str, Any]:
    from openpyxl import Workbook
    from sqlalchemy import text

    from app import bulk_edit, records, stakeholder_map, undo
    from app.importing import inspect_sheet, preview_import, run_import
    from app.merge import merge
    from db.engine import read_session, unit_of_work
    from db.migrate import open_database

    engine = open_database(f"sqlite:///{db}")
    with engine.connect() as c:
        staff = c.execute(text("SELECT id, name FROM staff ORDER BY id")).all()
        orgs = c.execute(text("SELECT id, name FROM organisation ORDER BY id")).all()
        contacts = [r[0] for r in c.execute(text("SELECT id FROM contact ORDER BY id")).all()]
    me, colleague = staff[0].name, staff[-1].name
    first = orgs[2]

    def edit(entity: str, rid: int, values: dict[str, Any], actor: str) -> str:
        group = records.new_group_id()
        with unit_of_work(engine) as s:
            records.update(s, entity, rid, values, expected_version=None, actor=actor, group_id=group)
        return group

    edit("organisation", first.id, {"name": first.name + " (Việt Nam)", "city": "Hà Nội"}, me)
    with unit_of_work(engine) as s:
        bulk_edit.add_tags(s, "contact", contacts[:12], ["Đối tác chiến lược"], actor=me)
    with unit_of_work(engine) as s:
        version = records.get(s, "organisation", orgs[3].id)["version"]
        stakeholder_map.rate(s, "organisation", orgs[3].id, 5, 4, version, actor=me)
    with unit_of_work(engine) as s:
        dup = records.create(s, "contact", {"full_name": "Nguyễn Văn Trùng"}, actor=me)
        twin = records.create(s, "contact", {"full_name": "Nguyen Van Trung"}, actor=me)
    with unit_of_work(engine) as s:
        merge(s, "contact", dup, twin, actor=me)
    book = Path(tempfile.mkdtemp()) / "danh-ba-hoi-nghi-thang-11.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Chức vụ", "Email"])
    for i in range(8):
        ws.append([f"Đại biểu Số {i + 1}", "Chuyên viên", f"dai.bieu{i + 1}@example.vn"])
    wb.save(book)
    with read_session(engine) as s:
        layout = inspect_sheet(book, None, session=s)
        pv = preview_import(book, layout, session=s, parallel=False)
    run_import(engine, pv, actor=colleague)
    with unit_of_work(engine) as s:
        deleted = bulk_edit.delete_records(s, "contact", contacts[-2:], actor=me)
    with unit_of_work(engine) as s:
        undo.undo_group(s, deleted, actor=me)
    edit("organisation", first.id, {"name": first.name + " JSC"}, colleague)  # collides with the first
    engine.dispose()
    return {"staff_id": staff[0].id}


def check(widget: QWidget, where: str) -> None:
    """Nothing cut off: the dialog fits the screen, buttons and labels get their size, headers
    their text, short cells are shown whole."""
    if widget.width() > SCREEN[0] or widget.height() > SCREEN[1]:
        problems.append(f"{where}: {widget.width()}x{widget.height()} does not fit {SCREEN}")
    for b in widget.findChildren(QAbstractButton):
        if b.isVisible() and b.text() and b.width() < b.sizeHint().width():
            problems.append(f"{where}: button {b.text()!r} is {b.width()} wide, needs {b.sizeHint().width()}")
    for lab in widget.findChildren(QLabel):
        if lab.isVisible() and lab.text() and not lab.wordWrap() and lab.width() < lab.sizeHint().width():
            problems.append(
                f"{where}: label {lab.text()!r} is {lab.width()} wide, needs {lab.sizeHint().width()}"
            )
        if lab.isVisible() and lab.wordWrap() and lab.height() < lab.heightForWidth(lab.width()):
            problems.append(f"{where}: label {lab.text()[:40]!r} is {lab.height()} high")
    for t in widget.findChildren(QTableView):
        header = t.horizontalHeader()
        fm = header.fontMetrics()
        for col in range(t.model().columnCount()):
            title = str(t.model().headerData(col, Qt.Orientation.Horizontal) or "")
            if header.sectionSize(col) < fm.horizontalAdvance(title) + 8:
                problems.append(f"{where}: column {title!r} is {header.sectionSize(col)} wide")
        for row in range(t.model().rowCount()):
            for col in range(t.model().columnCount()):
                value = str(t.model().index(row, col).data() or "")
                if header.sectionSize(col) < fm.horizontalAdvance(value) + 12:
                    problems.append(f"{where}: cell {value!r} is cut ({header.sectionSize(col)} wide)")


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
    from ui.dialogs.undo_history import UndoHistoryDialog
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{db}")
    for lang in ("en", "vi"):
        i18n.install(app, lang)
        settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
        settings.staff_id = made["staff_id"]
        ctx = AppContext(engine, settings)
        dialog = UndoHistoryDialog(ctx)
        dialog.show()
        while dialog.loads < 1:
            app.processEvents()
            ctx.tasks.wait(100)
        app.processEvents()
        dialog.view.selectRow(dialog.model.rowCount() - 1)  # the oldest: the colliding edit
        app.processEvents()
        check(dialog, f"undo history {lang} {dialog.width()}x{dialog.height()}")  # as it opens
        dialog.grab().save(str(target / f"undo-history-{lang}-default.png"))
        dialog.resize(*SCREEN)  # maximised on the screen
        app.processEvents()
        check(dialog, f"undo history {lang} {dialog.width()}x{dialog.height()}")
        dialog.grab().save(str(target / f"undo-history-{lang}.png"))
        dialog.close()
        ctx.tasks.wait()
    shutil.copy(target / "undo-history-en.png", HERE / "undo-history.png")
    shutil.copy(target / "undo-history-vi.png", HERE / "undo-history-vi.png")
    print(f"screenshots in {target}")
    for p in problems:
        print("CUT OFF:", p)
    print("nothing cut off" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[0] if args else "demo.db", args[1] if len(args) > 1 else None))
