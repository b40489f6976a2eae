"""Screenshots of the import wizard with an office's staff list whose "Đơn vị" column holds
the centre's own departments: the mapping page says why it reads the sheet as staff, how to
choose Contacts instead, and which columns a staff member cannot hold; in English and
Vietnamese (not a test). Run under Xvfb with a window manager:

    Xvfb :72 -screen 0 1366x768x24 & DISPLAY=:72 openbox &
    DISPLAY=:72 python docs/screenshots/take_import_staff_departments.py en
    DISPLAY=:72 python docs/screenshots/take_import_staff_departments.py vi

Writes docs/screenshots/import-staff-departments[-vi].png. Everything happens in a temporary
folder: a fresh database and a workbook written here.
"""

from __future__ import annotations

import sys

from shots import HERE as OUT
from shots import start_app, temp_home

ROWS = [
    ["DANH SÁCH CÁN BỘ TRUNG TÂM ĐỔI MỚI SÁNG TẠO QUỐC GIA"],
    [],
    ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại"],
    [1, "Trần Minh Anh", "Trưởng phòng", "Phòng Hợp tác quốc tế", "anh@nic.gov.vn", "0912 345 678"],
    [2, "Phạm Thu Hà", "Chuyên viên", "Phòng Hợp tác quốc tế", "ha@nic.gov.vn", ""],
    [3, "Lê Văn Cường", "Chánh Văn phòng", "Văn phòng", "cuong@nic.gov.vn", ""],
    [4, "Đỗ Hùng", "Giám đốc", "Ban Giám đốc", "hung@nic.gov.vn", ""],
    [5, "Ngô Thị Lan", "Kế toán viên", "Phòng Kế hoạch - Tài chính", "lan@nic.gov.vn", ""],
    [6, "Vũ Mai", "Chuyên viên", "Trung tâm Ươm tạo", "mai@nic.gov.vn", ""],
]  # fmt: skip


def main(lang: str) -> None:
    from openpyxl import Workbook
    from PySide6.QtCore import QEventLoop, QTimer

    tmp = temp_home()
    app = start_app()
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.import_wizard import open_import_wizard
    from ui.settings import Settings

    i18n.install(app, lang)
    suffix = "" if lang == "en" else f"-{lang}"
    engine = open_database(f"sqlite:///{tmp / 'shots.db'}")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách cán bộ"
    for row in ROWS:
        ws.append(row)
    workbook = tmp / "can-bo.xlsx"
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

    settle()
    wizard.next()
    settle(500)
    app.primaryScreen().grabWindow(0).save(str(OUT / f"import-staff-departments{suffix}.png"))
    wizard.reject()
    settle()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
