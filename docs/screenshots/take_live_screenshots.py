"""Screenshots of live updates on a team database (issue 13 item 4), English and Vietnamese, at
1366×768: the status bar says *Live* while the window listens, and *Offline* /
*Reconnecting…* after its connection is ended (``pg_terminate_backend``), until it is back.

    createdb ketnoi_shots && ketnoi copy-db --from /tmp/demo.db --to postgresql://…/ketnoi_shots
    python docs/screenshots/take_live_screenshots.py postgresql://…/ketnoi_shots [OUT]

Writes live-connected-<lang>.png and live-offline-<lang>.png (or -reconnecting-) into OUT (default: beside this file): the whole screen when
DISPLAY is set (Xvfb + a window manager), else the window alone (offscreen). The database's
first contact is renamed by "a colleague" (another connection) and back, so the list shows the
colleague's name in the first picture.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def main(url: str, out: Path) -> None:
    app = QApplication(sys.argv[:1])
    app.setFont(QFont("Noto Sans", 10))
    from sqlalchemy import create_engine, text

    from app import records
    from db.engine import resolve_url, unit_of_work
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    url = resolve_url(url)
    engine = open_database(url)
    colleague = create_engine(url, connect_args={"application_name": "ketnoi colleague"})
    with engine.connect() as c:
        staff_id = c.execute(text("SELECT min(id) FROM staff")).scalar()
        contact_id, name = c.execute(
            text("SELECT id, full_name FROM contact WHERE deleted_at IS NULL ORDER BY sort_key, id LIMIT 1")
        ).one()
    out.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 0.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(window: MainWindow, name: str) -> None:
        path = out / name
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            window.grab().save(str(path))
        else:
            app.primaryScreen().grabWindow(0).save(str(path))
        print(path)

    def rename(to: str) -> None:
        with unit_of_work(colleague) as s:
            v = s.execute(text("SELECT version FROM contact WHERE id = :i"), {"i": contact_id}).scalar()
            records.update(s, "contact", contact_id, {"full_name": to}, expected_version=v)

    for language in ("en", "vi"):
        i18n.install(app, language)
        settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
        settings.staff_id = staff_id
        ctx = AppContext(engine, settings)
        window = MainWindow(ctx)
        window.setGeometry(0, 0, 1366, 768)
        window.show()
        window.navigate("contact", contact_id)
        window.live.start(window.live_label)
        settle(2)
        ctx.tasks.wait()
        rename(f"{name} (đồng nghiệp vừa sửa)")
        settle(1.5)
        shot(window, f"live-connected-{language}.png")
        with colleague.connect() as c:
            c.execute(text("SELECT pg_terminate_backend(:p)"), {"p": window.live.feed.backend_pid})
        deadline = time.monotonic() + 5
        while window.live_label.state not in ("offline", "reconnecting") and time.monotonic() < deadline:
            settle(0.02)
        settle(0.25)  # painted (the window tries again after 1 s)
        shot(window, f"live-{window.live_label.state}-{language}.png")
        rename(name)
        settle(2)
        window.close()
        settle(0.3)
    colleague.dispose()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else HERE)
