"""What every ``take_*.py`` script here does before and around its pictures, in one place.

Importing this module makes ``ROOT`` importable (``ui``, ``app``, ``db``) and, without a
``DISPLAY``, chooses Qt's offscreen platform. Then::

    from shots import HERE, ROOT, cli, open_window, settle, snap, start_app, temp_home

    tmp = temp_home()                       # a fresh folder; KETNOI_DATA_DIR inside it
    run = cli(tmp / "demo.db")              # ketnoi commands on that file
    run("demo")
    app = start_app()
    ctx, window = open_window(engine, "vi", tmp / "vi.ini", staff_id=1)
    settle(app, ctx)                        # events handled, background reads finished
    snap(app, window, HERE / "x-vi.png")    # the screen under Xvfb, the widget offscreen
    close(app, ctx, window)

A script keeps what is its own: the data it writes, what it opens and where it saves.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SCREEN = (1366, 768)


def offscreen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM") == "offscreen"


def temp_home() -> Path:
    """A fresh temporary folder, also the data folder (backups, settings) of what runs here."""
    tmp = Path(tempfile.mkdtemp())
    os.environ["KETNOI_DATA_DIR"] = str(tmp / "data")
    return tmp


def cli(db: Path | str) -> Callable[..., None]:
    """``run("letter", "sign", "1")``: a ketnoi command on ``db`` (a file or a URL) in a child
    process, ``stdin`` its input; a failure stops the script with the command's own words."""
    ketnoi = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"]

    def run(*args: str, stdin: str | None = None) -> None:
        done = subprocess.run(
            [*ketnoi, *args, "--db", str(db)],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
            input=stdin,
        )
        if done.returncode:
            raise SystemExit(f"ketnoi {' '.join(args)}: {done.stderr.strip()}")

    return run


def start_app(font: bool = True) -> Any:
    """The QApplication (Noto Sans 10, the font the bundle ships, unless ``font`` is False)."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from ui import gui_gc

    app = QApplication.instance() or QApplication(sys.argv[:1])
    gui_gc.install(app)  # as the app: the cyclic collector on the GUI thread only
    if font:
        app.setFont(QFont("Noto Sans", 10))
    return app


def open_window(
    engine: Any,
    language: str,
    settings_file: Path | None = None,
    *,
    staff_id: int | None = None,
    size: tuple[int, int] = SCREEN,
    at_origin: bool = True,
) -> tuple[Any, Any]:
    """The main window in ``language`` on ``engine``, shown at ``size`` (placed at the screen's
    top left unless ``at_origin`` is False), with settings of its own; returns (ctx, window)."""
    from PySide6.QtCore import QCoreApplication

    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QCoreApplication.instance()
    assert app is not None, "start_app() first"
    i18n.install(app, language)
    path = settings_file or Path(tempfile.mkdtemp()) / "shots.ini"
    settings = Settings(str(path))
    if staff_id is not None:
        settings.staff_id = staff_id
    ctx = AppContext(engine, settings)
    window = MainWindow(ctx)
    if at_origin:
        window.setGeometry(0, 0, *size)
    else:
        window.resize(*size)
    window.show()
    return ctx, window


def settle(app: Any, ctx: Any = None, seconds: float = 0.5) -> None:
    """Let the window manager map and raise windows and Qt paint (``seconds``), then wait for
    ``ctx``'s background work and handle what it announced."""
    end = time.monotonic() + seconds
    app.processEvents()
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    if ctx is not None:
        ctx.tasks.wait()
        app.processEvents()


def snap(app: Any, widget: Any, path: Path) -> Path:
    """The whole screen under a display (Xvfb + a window manager: menus and popups too), else
    ``widget`` alone; says where it went."""
    path.parent.mkdir(parents=True, exist_ok=True)
    picture = widget.grab() if offscreen() else app.primaryScreen().grabWindow(0)
    picture.save(str(path))
    print(path)
    return path


def grab(widget: Any, path: Path) -> Path:
    """``widget`` alone, whatever the display (a dialog, the window without the desktop)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    print(path)
    return path


def close(app: Any, ctx: Any, window: Any) -> None:
    window.close()
    settle(app, ctx, 0.2)
    window.deleteLater()
    settle(app, None, 0.1)


def first_staff(engine: Any) -> int | None:
    """The first staff member: the demo's "me" (whose actions are "Mine")."""
    from sqlalchemy import text

    with engine.connect() as c:
        found = c.execute(text("SELECT min(id) FROM staff")).scalar()
    return None if found is None else int(found)
