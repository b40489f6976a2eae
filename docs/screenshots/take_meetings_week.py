"""The Meetings list on "This week" ("Tuần này") in the Vietnamese window, at a laptop's size,
with the period box open, and what is cut: each filter against the room it needs.

    ketnoi demo --db /tmp/demo.db
    Xvfb :59 -screen 0 1366x768x24 & openbox &   # then DISPLAY=:59
    python docs/screenshots/take_meetings_week.py /tmp/demo.db [OUT] [WIDTHxHEIGHT] [LANG]

Writes meetings-week-<lang>-<width>x<height>.png and …-open.png (the period box's list open)
into OUT (default: beside this file), and prints each filter's width beside the width it needs
and each column's against its title and widest cell on screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, close, first_staff, open_window, settle, snap, start_app


def main(db: str, out: Path, width: int, height: int, language: str) -> None:
    app = start_app()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from db.migrate import open_database
    from ui.main_window import VIEWS

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    ctx, window = open_window(engine, language, staff_id=first_staff(engine), size=(width, height))
    window.showMaximized()
    settle(app, ctx, 0.5)
    window.nav.setCurrentRow(VIEWS.index("meeting"))
    panel = window.views["meeting"].list
    when = panel._combos["when"]
    when.setCurrentIndex(when.findData("week"))
    settle(app, ctx, 1.0)
    name = f"meetings-week-{language}-{width}x{height}"
    snap(app, window, out / f"{name}.png")
    print(
        "window", window.width(), "x", window.height(), "rows", panel.model.rowCount(), "tip", when.toolTip()
    )
    cut = []
    for box in panel.findChildren(QComboBox) + panel.findChildren(QLineEdit):
        if not box.isVisible() or box.parent() is not panel:
            continue
        need = box.sizeHint().width() if isinstance(box, QComboBox) else box.minimumWidth()
        right = box.geometry().right()
        print(
            f"  {box.objectName() or 'search'}: {box.width()} px (needs {need}), right edge {right} of {panel.width()}"
        )
        if box.width() < need or right > panel.width():
            cut.append(box.objectName())
    header = panel.view.horizontalHeader()
    for i in range(panel.model.columnCount()):
        title = panel.model.headerData(i, Qt.Orientation.Horizontal)
        wants = max(panel.title_width(i), panel.view.sizeHintForColumn(i))
        width_i = header.sectionSize(i)
        print(f"  column {title}: {width_i} px (title and widest cell on screen {wants})")
    print("cut:", cut or "nothing")
    when.showPopup()
    settle(app, ctx, 0.5)
    snap(app, window, out / f"{name}-open.png")
    view = when.view()
    print("  period list:", view.width(), "px; widest item", max(view.sizeHintForColumn(0), 0))
    when.hidePopup()
    close(app, ctx, window)


if __name__ == "__main__":
    args = sys.argv[1:]
    size = args[2] if len(args) > 2 else "1366x768"
    w, h = (int(n) for n in size.split("x"))
    main(args[0], Path(args[1]) if len(args) > 1 else HERE, w, h, args[3] if len(args) > 3 else "vi")
