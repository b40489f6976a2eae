"""Screenshots of the import wizard's preview with warnings, an update's old → new values and
the organisations folded from several ways of writing them (issue 10), in English and
Vietnamese (not a test). Run under Xvfb with a window manager, at 1366×768:

    Xvfb :32 -screen 0 1366x768x24 & DISPLAY=:32 openbox &
    DISPLAY=:32 python docs/screenshots/take_import_preview.py en
    DISPLAY=:32 python docs/screenshots/take_import_preview.py vi

Writes docs/screenshots/import-preview-warnings[-vi].png and import-preview-folds[-vi].png.
Everything happens in a temporary folder: a fresh database with one contact to update and a
workbook written here.
"""

from __future__ import annotations

import sys

from shots import HERE as OUT
from shots import start_app, temp_home

ROWS = [
    ["Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại", "Ngày liên hệ", "Cán bộ phụ trách"],
    ["Nguyễn Văn An", "Giám đốc", "VIN", "an@vin.vn", "0912 345 678", "12/11/2025", "Lê Thu"],
    ["Trần Thị Bình", "Chuyên viên", "Mạng lưới Đổi mới sáng tạo Việt Nam", "khong-co-email", "", "", ""],
    ["Lê Văn Cường", "Điều phối viên", "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)", "cuong@vin.vn", "0992 345 678",
     "", "Lê Thu"],
    ["Phạm Thu Dung", "Nghiên cứu viên", "Viện Vật lý", "dung@iop.vn", "", "31/02/2025", ""],
    ["Hoàng Minh Em", "Researcher", "Institute of Physics", "em@iop.vn", "", "", ""],
    ["Vũ Thị Hạnh", "Phó Vụ trưởng", "Bộ Khoa học và Công nghệ (MOST)", "hanh@most.gov.vn", "", "", ""],
    ["Đỗ Văn Phúc", "Trợ lý", "VIN", "an@vin.vn", "", "", ""],
    ["", "Thư ký", "VIN", "thuky@vin.vn", "", "", ""],
]  # fmt: skip


def main(lang: str) -> None:
    from openpyxl import Workbook
    from PySide6.QtCore import QEventLoop, QTimer

    tmp = temp_home()
    app = start_app()
    from app import records
    from db.engine import unit_of_work
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.import_wizard import open_import_wizard
    from ui.settings import Settings

    i18n.install(app, lang)
    suffix = "" if lang == "en" else f"-{lang}"
    engine = open_database(f"sqlite:///{tmp / 'shots.db'}")
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        records.create(s, "contact", {"full_name": "Vũ Thị Hạnh", "position": "Chuyên viên chính",
                                      "organisation_id": most, "emails": ["hanh@most.gov.vn"]})  # fmt: skip
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Khách mời"
    for row in ROWS:
        ws.append(row)
    workbook = tmp / "khach-moi.xlsx"
    wb.save(workbook)

    settings = Settings(str(tmp / "shots.ini"))
    settings.language = lang
    ctx = AppContext(engine, settings)
    wizard = open_import_wizard(None, ctx, workbook)
    wizard.resize(1300, 700)
    wizard.move(30, 20)

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
    page = wizard.mapping_page
    page.on_match.setCurrentIndex(page.on_match.findData("overwrite"))  # shows old → new values
    wizard.next()
    settle()
    preview = wizard.preview_page
    preview.view.resizeColumnToContents(2)
    preview.view.selectRow(2)  # the unverified phone: said in full under the table
    shoot("import-preview-warnings")
    preview.tabs.setCurrentIndex(1)
    tree = preview.folds.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item is not None and item.childCount() > 1:
            tree.setCurrentItem(item.child(0))
            break
    shoot("import-preview-folds")
    wizard.reject()
    settle()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
