"""The layers hold at run time: importing the headless CLI loads neither ui/ nor Qt.

import-linter (``lint-imports``) checks the import statements; this checks what Python really
loads, which also catches imports hidden in strings (FEATURE_MODULES) or done inside functions.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imported(code: str) -> list[str]:
    """The modules ``python -X importtime -c code`` reports, in load order."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    # Lines look like "import time:       123 |        456 |   app.cli"
    names = [
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    ]
    assert "app.cli" in names, done.stderr[-2000:]  # the output was parsed: an empty list proves nothing
    return names


def _upward(names: list[str]) -> list[str]:
    return [n for n in names if n.split(".")[0] in ("ui", "PySide6", "shiboken6")]


def test_importing_app_cli_loads_no_ui_and_no_qt() -> None:
    names = _imported("import app.cli")
    # the probe sees third-party imports too (app.cli itself loads no SQLAlchemy since the
    # window's frame shows before it: issue 11; db.paths names the data folder with platformdirs)
    assert "platformdirs" in names
    assert _upward(names) == []


def _loaded_after(code: str) -> list[str]:
    """Every module in sys.modules after running ``code`` in a fresh interpreter.

    ``-X importtime`` does not log a module loaded by importlib.import_module (as build_parser()
    loads FEATURE_MODULES), so this asks sys.modules instead.
    """
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(*sorted(sys.modules), sep='\\n')"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    return done.stdout.split()


def test_every_subcommand_module_loads_no_ui_and_no_qt() -> None:
    """build_parser() imports each FEATURE_MODULES package by name: they must stay Qt-free too."""
    from app.cli import FEATURE_MODULES

    built = [m for m in FEATURE_MODULES if importlib.util.find_spec(m) is not None]
    names = _loaded_after("import app.cli\napp.cli.build_parser()")
    assert "app.importing.commands" in built
    assert set(built) <= set(names)  # the feature packages were really loaded
    assert _upward(names) == []
