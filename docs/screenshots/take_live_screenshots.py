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

import sys
import time
from pathlib import Path

from shots import HERE, close, first_staff, open_window, snap, start_app
from shots import settle as wait


def main(url: str, out: Path) -> None:
    app = start_app()
    from sqlalchemy import create_engine, text

    from app import records
    from db.engine import resolve_url, unit_of_work
    from db.migrate import open_database
    from ui.main_window import MainWindow

    url = resolve_url(url)
    engine = open_database(url)
    colleague = create_engine(url, connect_args={"application_name": "ketnoi colleague"})
    staff_id = first_staff(engine)
    with engine.connect() as c:
        contact_id, name = c.execute(
            text("SELECT id, full_name FROM contact WHERE deleted_at IS NULL ORDER BY sort_key, id LIMIT 1")
        ).one()
    out.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 0.5) -> None:  # not waiting for the window's background work
        wait(app, None, seconds)

    def shot(window: MainWindow, name: str) -> None:
        snap(app, window, out / name)

    def rename(to: str) -> None:
        with unit_of_work(colleague) as s:
            v = s.execute(text("SELECT version FROM contact WHERE id = :i"), {"i": contact_id}).scalar()
            records.update(s, "contact", contact_id, {"full_name": to}, expected_version=v)

    for language in ("en", "vi"):
        ctx, window = open_window(engine, language, staff_id=staff_id)
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
        close(app, ctx, window)
    colleague.dispose()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else HERE)
