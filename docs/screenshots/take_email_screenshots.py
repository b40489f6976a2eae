"""Screenshots of an e-mail on the timeline and of files attached to records (not a test), in
English and Vietnamese, at a laptop's 1366x768.

    Xvfb :37 -screen 0 1366x768x24 & DISPLAY=:37 openbox &
    DISPLAY=:37 python docs/screenshots/take_email_screenshots.py

Writes docs/screenshots/email-timeline.png and email-timeline-vi.png (Genetica's page: the
e-mail logged from an .eml file on its timeline, with its attachment, and a signed letter in
the page's Files list) and email-meeting.png / email-meeting-vi.png (the e-mail's own page),
from a demo database in a temporary folder. The .eml and the PDFs are made here (the standard
library's email, reportlab) and logged with ``ketnoi log-email`` and ``ketnoi attach``.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ["TZ"] = "Asia/Ho_Chi_Minh"  # the office's clock, for the window and the commands alike
os.environ["KETNOI_ACTOR"] = "Trần Minh Anh"
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def pdf(*lines: str) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for n, line in enumerate(lines):
        c.drawString(72, 780 - 20 * n, line)
    c.save()
    return out.getvalue()


def fill(db: Path, folder: Path) -> None:
    ketnoi = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"]

    def run(*args: str) -> None:
        subprocess.run([*ketnoi, *args, "--db", str(db)], check=True, cwd=ROOT, capture_output=True)

    run("demo")
    msg = EmailMessage()
    msg["Subject"] = "Re: Lịch làm việc và thư giới thiệu Genetica"
    msg["From"] = "Lê Minh Châu <chau.lm@genetica.example.vn>"
    msg["To"] = "Trần Minh Anh <anh@nic.example.vn>"
    msg["Cc"] = "Phan Thanh Sơn <son.pt@genetica.example.vn>"
    msg["Date"] = format_datetime(dt.datetime(2026, 12, 3, 16, 45, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    msg["Message-ID"] = "<lich-lam-viec-0312@genetica.example.vn>"
    msg.set_content(
        "Chào anh Anh,\n\nGenetica xác nhận buổi làm việc tại Hòa Lạc ngày 10/12. "
        "Em gửi kèm hồ sơ năng lực để anh chuẩn bị thư giới thiệu.\n\nTrân trọng,\nChâu"
    )
    msg.add_attachment(pdf("Genetica - Ho so nang luc 2026"), maintype="application", subtype="pdf",
                       filename="Hồ sơ năng lực Genetica 2026.pdf")  # fmt: skip
    eml = folder / "Re Lich lam viec.eml"
    eml.write_bytes(bytes(msg))
    run("log-email", str(eml), "--organisation", "Genetica")
    letter = folder / "Thư giới thiệu đã ký.pdf"
    letter.write_bytes(pdf("Thu gioi thieu - da ky"))
    run("attach", "org", "Genetica", str(letter))


def main() -> None:
    import time

    time.tzset()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    tmp = Path(tempfile.mkdtemp())
    os.environ["KETNOI_DATA_DIR"] = str(tmp / "data")
    db = tmp / "demo.db"
    fill(db, tmp)
    app = QApplication(sys.argv[:1])
    from app import resolve
    from db import clock
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

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
            with ctx.read() as session:
                genetica = resolve.resolve(session, "organisation", "Genetica")
                email = resolve.resolve(session, "meeting", "Re: Lịch làm việc")
            window.navigate("organisation", genetica)
            settle(900)
            browser = window.views["organisation"].detail.browser
            browser.scrollToAnchor("timeline")
            browser.verticalScrollBar().setValue(browser.verticalScrollBar().maximum())
            settle(300)
            window.grab().save(str(OUT / f"email-timeline{suffix}.png"))
            window.navigate("meeting", email)
            settle(900)
            window.grab().save(str(OUT / f"email-meeting{suffix}.png"))
            window.close()
            settle(200)
    engine.dispose()


if __name__ == "__main__":
    main()
