"""Screenshots of team mode (issue 13): a confidential meeting in the list and on its page,
sharing it, Log meeting's Confidential box, and Settings signed in as the login — English and
Vietnamese.

    ketnoi admin init --db postgresql://OWNER@HOST/DB          # a team database
    ketnoi admin add-user lan --role officer --name "Trần Thị Lan" --db …
    ketnoi demo --db postgresql://lan@HOST/DB
    ketnoi log-meeting --title "…" --at "2026-11-20 14:00" --confidential --db postgresql://lan@HOST/DB
    python docs/screenshots/take_team_screenshots.py postgresql://lan@HOST/DB [OUT] [WIDTHxHEIGHT]

Writes team-<lang>-<shot>.png into OUT (default: beside this file).
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, close, grab, open_window, settle, start_app


def main(url: str, out: Path, width: int, height: int) -> None:
    app = start_app()
    from sqlalchemy import text

    from db.migrate import open_database
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.dialogs.settings import SettingsDialog
    from ui.team import ShareDialog

    engine = open_database(url)
    with engine.connect() as c:
        meeting = int(c.execute(text("SELECT max(id) FROM meeting WHERE confidential")).scalar() or 0)
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "vi"):
        ctx, window = open_window(engine, language, size=(width, height), at_origin=False)
        settle(app, ctx, 0)
        window.navigate("meeting", meeting)
        settle(app, ctx, 0)
        grab(window, out / f"team-{language}-confidential-meeting.png")
        share = ShareDialog(ctx, "meeting", meeting, window)
        share.show()
        settle(app, ctx, 0)
        grab(share, out / f"team-{language}-share.png")
        share.reject()
        dialog = LogMeetingDialog(ctx, parent=window)
        dialog.confidential.setChecked(True)
        dialog.show()
        settle(app, ctx, 0)
        grab(dialog, out / f"team-{language}-log-meeting.png")
        dialog.confidential.setChecked(False)  # nothing typed: closes without asking
        dialog.reject()
        settings = SettingsDialog(ctx, window)
        settings.show()
        settle(app, ctx, 0)
        grab(settings, out / f"team-{language}-settings.png")
        settings.reject()
        close(app, ctx, window)


if __name__ == "__main__":
    args = sys.argv[1:]
    size = args[2] if len(args) > 2 else "1366x768"
    w, h = (int(n) for n in size.split("x"))
    main(args[0], Path(args[1]) if len(args) > 1 else HERE, w, h)
