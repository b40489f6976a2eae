"""The ``ketnoi`` console script: the desktop app, or any subcommand of :mod:`app.cli`.

``ketnoi`` with no subcommand, or ``ketnoi gui``, opens the window; everything else (``search``,
``import``, ...) is :func:`app.cli.main`, which parses the same options (``--db``, ``--debug``)
and reports errors the same way. PySide6 is imported only when the window is about to open, so
``ketnoi search`` never pays for Qt, and ``app/`` needs no import of ``ui/``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence

from app import cli
from app.errors import UserError

NO_DISPLAY = "cannot open a window: no display (set DISPLAY or QT_QPA_PLATFORM=offscreen)"

# Qt platform plugins that need a display server, and the variables that name one.
_NEEDS = {"xcb": ("DISPLAY",), "wayland": ("WAYLAND_DISPLAY", "WAYLAND_SOCKET")}


def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why Qt could not open a window here, or None. Qt itself would abort the process instead.

    Only X11 and Wayland are checked: Windows and macOS always have a display, and the other
    plugins (offscreen, minimal, eglfs, vnc, ...) need none. ``QT_QPA_PLATFORM`` may list
    fallbacks ("wayland;xcb"); one that can start is enough.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin")):
        return None
    wanted = [p.split(":", 1)[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    wanted = [p for p in wanted if p] or ["wayland", "xcb"]  # Qt's default on Linux
    for name in wanted:
        family = "wayland" if name.startswith("wayland") else name
        if family not in _NEEDS or any(env.get(var) for var in _NEEDS[family]):
            return None
    return NO_DISPLAY


def start_gui(args: argparse.Namespace, ctx: cli.CliContext) -> int:
    """The handler for ``gui`` (and no subcommand): open the database and show the main window."""
    problem = display_problem()
    if problem:
        raise UserError(problem)
    try:
        from ui.main import run
    except ImportError as exc:
        raise UserError(f"The desktop app cannot start: {exc}. Is PySide6 installed?") from exc
    return int(run(ctx.url))


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=start_gui)


if __name__ == "__main__":
    sys.exit(main())
