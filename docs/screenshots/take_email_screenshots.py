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
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

os.environ["TZ"] = "Asia/Ho_Chi_Minh"  # the office's clock, for the window and the commands alike
os.environ["KETNOI_ACTOR"] = "Trần Minh Anh"

from shots import HERE, cli, close, grab, open_window, settle, start_app, temp_home


def pdf(*lines: str) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for n, line in enumerate(lines):
        c.drawString(72, 780 - 20 * n, line)
    c.save()
    return out.getvalue()


def fill(db: Path, folder: Path) -> None:
    run = cli(db)
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
    tmp = temp_home()
    db = tmp / "demo.db"
    fill(db, tmp)
    app = start_app(font=False)
    from app import resolve
    from db import clock
    from db.migrate import open_database

    engine = open_database(f"sqlite:///{db}")
    with clock.frozen(dt.datetime(2026, 12, 4, 9, 30), ticking=False):
        for lang, suffix in (("en", ""), ("vi", "-vi")):
            ctx, window = open_window(engine, lang, tmp / f"{lang}.ini", size=(1366, 740), at_origin=False)
            settle(app, ctx, 0.9)
            with ctx.read() as session:
                genetica = resolve.resolve(session, "organisation", "Genetica")
                email = resolve.resolve(session, "meeting", "Re: Lịch làm việc")
            window.navigate("organisation", genetica)
            settle(app, ctx, 0.9)
            browser = window.views["organisation"].detail.browser
            browser.scrollToAnchor("timeline")
            browser.verticalScrollBar().setValue(browser.verticalScrollBar().maximum())
            settle(app, ctx, 0.3)
            grab(window, HERE / f"email-timeline{suffix}.png")
            window.navigate("meeting", email)
            settle(app, ctx, 0.9)
            grab(window, HERE / f"email-meeting{suffix}.png")
            close(app, ctx, window)
    engine.dispose()


if __name__ == "__main__":
    main()
