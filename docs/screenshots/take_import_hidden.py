"""Screenshots of the import wizard's preview of a sheet that hides rows in Excel (people who
left, rows filtered out) and names a department as the staff member in charge, in English and
Vietnamese (not a test). Run under Xvfb with a window manager, at 1366×768:

    Xvfb :41 -screen 0 1366x768x24 & DISPLAY=:41 openbox &
    DISPLAY=:41 python docs/screenshots/take_import_hidden.py en
    DISPLAY=:41 python docs/screenshots/take_import_hidden.py vi

Writes docs/screenshots/import-preview-hidden[-vi].png (the hidden rows imported, each with a
warning) and import-preview-hidden-left-out[-vi].png (the box ticked: left out). Everything
happens in a temporary folder: a fresh database and a workbook written here.
"""

from __future__ import annotations

import sys

from shots import HERE as OUT
from shots import start_app, temp_home

ROWS = [
    ["Họ và tên", "Chức vụ", "Đơn vị", "Email", "Cán bộ phụ trách"],
    ["Nguyễn Văn An", "Giám đốc", "VIN", "an@vin.vn", "Lê Thu"],
    ["Trần Thị Bình", "Chuyên viên", "VIN", "binh@vin.vn", "Lê Thu"],  # hidden: left the office
    ["Lê Văn Cường", "Điều phối viên", "VIN", "cuong@vin.vn", "Phòng Hợp tác"],
    ["Phạm Thu Dung", "Nghiên cứu viên", "Viện Vật lý", "dung@iop.vn", "Lê Thu"],
    ["Hoàng Minh Em", "Nghiên cứu viên", "Viện Vật lý", "em@iop.vn", ""],  # hidden
    ["Vũ Thị Hạnh", "Phó Vụ trưởng", "Bộ Khoa học và Công nghệ (MOST)", "hanh@most.gov.vn", ""],
    ["Đỗ Văn Phúc", "Trợ lý", "VIN", "phuc@vin.vn", ""],
    ["Ngô Thị Lan", "Kế toán", "Viện Vật lý", "lan@iop.vn", ""],  # hidden
]  # fmt: skip
HIDDEN = (3, 6, 9)


def main(lang: str) -> None:
    from openpyxl import Workbook
    from PySide6.QtCore import QEventLoop, QTimer

    tmp = temp_home()
    app = start_app()
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.import_wizard import open_import_wizard
    from ui.import_wizard.preview_page import WARNINGS_ENTRY
    from ui.settings import Settings

    i18n.install(app, lang)
    suffix = "" if lang == "en" else f"-{lang}"
    engine = open_database(f"sqlite:///{tmp / 'shots.db'}")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    for row in ROWS:
        ws.append(row)
    for n in HIDDEN:
        ws.row_dimensions[n].hidden = True
    workbook = tmp / "danh-ba.xlsx"
    wb.save(workbook)

    settings = Settings(str(tmp / "shots.ini"))
    settings.language = lang
    ctx = AppContext(engine, settings)
    wizard = open_import_wizard(None, ctx, workbook)
    wizard.move(20, 30)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: None if wizard.busy() else loop.quit())
        timer.start(20)
        loop.exec()
        timer.stop()
        wait = QEventLoop()
        QTimer.singleShot(ms, wait.quit)
        wait.exec()

    def shoot(name: str) -> None:
        settle(500)
        app.primaryScreen().grabWindow(0).save(str(OUT / f"{name}{suffix}.png"))

    settle()
    wizard.next()
    settle()
    wizard.next()
    settle()
    preview = wizard.preview_page
    preview.filter.setCurrentIndex(WARNINGS_ENTRY)
    preview.view.selectRow(1)  # row 4, "Phòng Hợp tác" in charge: said in full under the table
    shoot("import-preview-hidden")
    preview.hidden_box.click()
    settle()
    preview.show_only(("skip",))
    preview.view.selectRow(0)
    shoot("import-preview-hidden-left-out")
    wizard.reject()
    settle()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
