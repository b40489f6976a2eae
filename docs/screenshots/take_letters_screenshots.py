"""Screenshots of the letter register, the working-days table and the dashboard's next holiday
(not a test), in English and Vietnamese, at a laptop's 1366x768.

    Xvfb :38 -screen 0 1366x768x24 & DISPLAY=:38 openbox &
    DISPLAY=:38 python docs/screenshots/take_letters_screenshots.py

Writes docs/screenshots/letters.png, letters-vi.png, working-days.png, working-days-vi.png,
dashboard-holiday-vi.png and organisation-letters-vi.png (Genetica's page with its letter), from a demo database with a few letters in a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def fill(db: Path) -> None:
    ketnoi = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"]

    def run(*args: str) -> None:
        subprocess.run([*ketnoi, *args, "--db", str(db)], check=True, cwd=ROOT, capture_output=True)

    run("demo")
    run("letter", "office", "--set", "signer_name=Vũ Quốc Huy")
    run("letter", "start-at", "NIC-HTQT", "124")
    run("letter", "add", "--subject", "Giới thiệu cán bộ đến làm việc về hợp tác giải mã gen",
        "--organisation", "Genetica", "--template", "introduction")  # fmt: skip
    run("letter", "sign", "1")
    run("letter", "status", "1", "sent")
    run("letter", "add", "--subject", "Mời dự Hội thảo Đổi mới sáng tạo mở 2026", "--template", "invitation",
        "--addressee", "Bộ Khoa học và Công nghệ")  # fmt: skip
    run("letter", "add", "--incoming", "--reference", "45/BKHCN-HTQT", "--date", "2026-11-20",
        "--subject", "Đề nghị cử cán bộ tham gia Tổ công tác", "--reply-by", "+5 working days")  # fmt: skip
    run("letter", "add", "--incoming", "--reference", "1203/VPCP-KGVX", "--date", "2026-11-02",
        "--subject", "Lấy ý kiến dự thảo Đề án", "--reply-by", "2026-11-13")  # fmt: skip
    run("holidays", "add", "2026-12-31", "--note", "Tất niên")
    run("holidays", "add", "2027-01-09", "--working", "--note", "Làm bù cho ngày 02/01")


def main() -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    tmp = Path(tempfile.mkdtemp())
    os.environ["KETNOI_DATA_DIR"] = str(tmp / "data")
    db = tmp / "demo.db"
    fill(db)
    app = QApplication(sys.argv[:1])
    from db import clock
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.letters import LettersDialog
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.workdays import WorkingDaysDialog

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    engine = open_database(f"sqlite:///{db}")
    with clock.frozen(dt.datetime(2026, 12, 4, 9, 30), ticking=False):
        for lang, suffix in (("en", ""), ("vi", "-vi")):
            i18n.install(app, lang)
            ctx = AppContext(engine, Settings(str(tmp / f"{lang}.ini")))
            window = MainWindow(ctx)
            window.resize(1366, 740)
            window.show()
            settle(900)
            if lang == "vi":
                window.grab().save(str(OUT / "dashboard-holiday-vi.png"))
                from app import resolve

                with ctx.read() as session:
                    genetica = resolve.resolve(session, "organisation", "Genetica")
                window.navigate("organisation", genetica)
                settle(900)
                window.grab().save(str(OUT / "organisation-letters-vi.png"))
            letters = LettersDialog(ctx, window)
            letters.resize(1180, 520)
            letters.show()
            settle()
            letters.table.selectRow(1)
            settle()
            letters.grab().save(str(OUT / f"letters{suffix}.png"))
            letters.close()
            days = WorkingDaysDialog(ctx, window)
            days.show()
            settle()
            days.grab().save(str(OUT / f"working-days{suffix}.png"))
            days.close()
            window.close()
            settle(200)
    engine.dispose()


if __name__ == "__main__":
    main()
