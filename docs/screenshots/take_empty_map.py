"""The stakeholder map on an empty database, in English and Vietnamese at 1280×720: the
dashboard (its small map) and the full map view, where the sentence "Nothing rated yet…"
wraps inside the plot on a backing; and the dashboard before its first read ("Loading…",
no claim that nothing exists).

    python docs/screenshots/take_empty_map.py [OUT]

Writes empty-map-dashboard-<lang>.png, empty-map-view-<lang>.png and
dashboard-loading-<lang>.png into OUT (default: /tmp/ketnoi-shots; these are checks, not
pictures for the guide): the whole screen when DISPLAY is set (Xvfb + a window manager),
else the window alone (offscreen).
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import close, grab, open_window, settle, snap, start_app, temp_home

SIZE = (1280, 720)


def main(out: Path) -> None:
    tmp = temp_home()
    app = start_app()
    from db.migrate import open_database
    from ui.dashboard import DashboardView
    from ui.main_window import VIEWS

    engine = open_database(f"sqlite:///{tmp / 'empty.db'}")
    for language in ("en", "vi"):
        ctx, window = open_window(engine, language, tmp / f"{language}.ini", size=SIZE)
        settle(app, ctx, 1.0)
        snap(app, window, out / f"empty-map-dashboard-{language}.png")
        window.nav.setCurrentRow(VIEWS.index("map"))
        settle(app, ctx, 1.0)
        snap(app, window, out / f"empty-map-view-{language}.png")
        loading = DashboardView(ctx)  # never refreshed: what shows before the first read returns
        loading.resize(*SIZE)
        loading.show()
        settle(app, None, 0.5)
        grab(loading, out / f"dashboard-loading-{language}.png")
        loading.close()
        loading.deleteLater()
        close(app, ctx, window)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else Path("/tmp/ketnoi-shots"))
