"""Screenshots of the letter register, the working-days table and the dashboard's next holiday
(not a test), in English and Vietnamese, at a laptop's 1366x768.

    Xvfb :38 -screen 0 1366x768x24 & DISPLAY=:38 openbox &
    DISPLAY=:38 python docs/screenshots/take_letters_screenshots.py

Writes docs/screenshots/letters.png, letters-vi.png, working-days.png, working-days-vi.png,
dashboard-holiday-vi.png and organisation-letters-vi.png (Genetica's page with its letter), from a demo database with a few letters in a temporary folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shots import HERE, cli, close, grab, open_window, settle, start_app, temp_home


def fill(db: Path) -> None:
    run = cli(db)
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
    tmp = temp_home()
    db = tmp / "demo.db"
    fill(db)
    app = start_app(font=False)
    from db import clock
    from db.migrate import open_database
    from ui.letters import LettersDialog
    from ui.workdays import WorkingDaysDialog

    engine = open_database(f"sqlite:///{db}")
    with clock.frozen(dt.datetime(2026, 12, 4, 9, 30), ticking=False):
        for lang, suffix in (("en", ""), ("vi", "-vi")):
            ctx, window = open_window(engine, lang, tmp / f"{lang}.ini", size=(1366, 740), at_origin=False)
            settle(app, ctx, 0.9)
            if lang == "vi":
                grab(window, HERE / "dashboard-holiday-vi.png")
                from app import resolve

                with ctx.read() as session:
                    genetica = resolve.resolve(session, "organisation", "Genetica")
                window.navigate("organisation", genetica)
                settle(app, ctx, 0.9)
                grab(window, HERE / "organisation-letters-vi.png")
            letters = LettersDialog(ctx, window)
            letters.resize(1180, 520)
            letters.show()
            settle(app, ctx, 0.4)
            letters.table.selectRow(1)
            settle(app, ctx, 0.4)
            grab(letters, HERE / f"letters{suffix}.png")
            letters.close()
            days = WorkingDaysDialog(ctx, window)
            days.show()
            settle(app, ctx, 0.4)
            grab(days, HERE / f"working-days{suffix}.png")
            days.close()
            close(app, ctx, window)
    engine.dispose()


if __name__ == "__main__":
    main()
