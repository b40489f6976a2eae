"""Screenshots of reorganisations and posts (issue 15 items 4-5; not a test), in English and
Vietnamese, at a laptop's 1366x768.

    Xvfb :38 -screen 0 1366x768x24 & DISPLAY=:38 openbox &
    DISPLAY=:38 python docs/screenshots/take_reorg_screenshots.py

From the demo database, which has the 2025 mergers (Bộ Kế hoạch và Đầu tư into Bộ Tài chính,
Bộ Thông tin và Truyền thông into Bộ Khoa học và Công nghệ, effective 01/03/2025), plus two
posts of the finance ministry with their holders (names made up). Writes
organisation-formerly-posts.png / -vi.png (MOF's page: "formerly …" and its posts),
reorganisation-dialog.png / -vi.png (a made-up unit's Reorganisation… preview into NIC) and
contact-posts-held-vi.png.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shots import HERE, cli, close, grab, open_window, settle, start_app, temp_home


def fill(db: Path) -> None:
    run = cli(db)
    run("demo")  # with MPI merged into MOF and MIC into MOST on 01/03/2025
    run("contact", "add", "--name", "Đỗ Minh Khôi", "--honorific", "Ông", "--position", "Vụ trưởng Vụ Khoa học",
        "--organisation", "MOF")  # fmt: skip
    run("contact", "add", "--name", "Lương Thu Hà", "--honorific", "PGS.TS.", "--position", "Thứ trưởng",
        "--organisation", "MOF")  # fmt: skip
    run("post", "add", "MOF", "Thứ trưởng", "--rank", "2")
    run("post", "add", "MOF", "Vụ trưởng Vụ Khoa học", "--rank", "5")
    run("post", "assign", "3", "Lương Thu Hà", "--from", "01/03/2025", "--decision", "512/QĐ-TTg")
    run("post", "assign", "4", "Đỗ Minh Khôi", "--from", "01/03/2024", "--decision", "88/QĐ-BKHĐT")
    run("post", "assign", "4", "Lương Thu Hà", "--from", "01/09/2024")
    run("post", "assign", "4", "Đỗ Minh Khôi", "--from", "01/03/2025", "--decision", "301/QĐ-BTC")
    # a made-up unit for the dialog's preview
    run("org", "add", "--name", "Trung tâm Thử nghiệm Công nghệ số", "--acronym", "TTCNS", "--kind", "agency")
    run("contact", "add", "--name", "Vương Đức Tâm", "--honorific", "Ông", "--organisation", "TTCNS")
    run("action", "add", "--title", "Gửi danh sách doanh nghiệp bán dẫn", "--organisation", "TTCNS",
        "--due", "2026-12-15")  # fmt: skip


def main() -> None:
    tmp = temp_home()
    db = tmp / "demo.db"
    fill(db)
    app = start_app(font=False)
    from PySide6.QtCore import QDate

    from app import resolve
    from db import clock
    from db.migrate import open_database
    from ui.reorg import ReorganisationDialog

    engine = open_database(f"sqlite:///{db}")
    with clock.frozen(dt.datetime(2026, 12, 4, 9, 30), ticking=False):
        for lang, suffix in (("en", ""), ("vi", "-vi")):
            ctx, window = open_window(engine, lang, tmp / f"{lang}.ini", size=(1366, 740), at_origin=False)
            settle(app, ctx, 0.9)
            with ctx.read() as session:
                mof = resolve.resolve(session, "organisation", "MOF")
                unit = resolve.resolve(session, "organisation", "TTCNS")
                khoi = resolve.resolve(session, "contact", "Đỗ Minh Khôi")
            window.navigate("organisation", mof)
            settle(app, ctx, 0.9)
            grab(window, HERE / f"organisation-formerly-posts{suffix}.png")
            if lang == "vi":
                window.navigate("contact", khoi)
                settle(app, ctx, 0.9)
                grab(window, HERE / "contact-posts-held-vi.png")
            dialog = ReorganisationDialog(ctx, unit, window)
            dialog.into.setText("NIC")
            dialog.on.setDate(QDate(2025, 3, 1))
            dialog.note.setText("Nghị quyết 176/2025/QH15")
            dialog.show()
            dialog.preview_button.click()
            settle(app, ctx, 0.9)
            grab(dialog, HERE / f"reorganisation-dialog{suffix}.png")
            dialog.close()
            close(app, ctx, window)
    engine.dispose()


if __name__ == "__main__":
    main()
