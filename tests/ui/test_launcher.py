"""The ``ketnoi`` console script (ui/launcher.py): the window, or app.cli's subcommands."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.migrate import open_database
from ui import launcher

ROOT = Path(__file__).resolve().parents[2]


def _ketnoi(
    *args: str, env: dict[str, str] | None = None, importtime: bool = False
) -> subprocess.CompletedProcess[str]:
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "ui.launcher", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
        env=env,
    )


def _no_display_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET")}
    env["QT_QPA_PLATFORM"] = "xcb"
    return env


@pytest.mark.parametrize("args", [[], ["gui"]])
def test_no_display_is_one_line_and_exit_1(tmp_path: Path, args: list[str]) -> None:
    """Qt would abort with a core dump ("could not connect to display"); the launcher says why."""
    db = tmp_path / "k.db"
    done = _ketnoi(*args, "--db", str(db), env=_no_display_env())
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [f"ketnoi: {launcher.NO_DISPLAY}"]
    assert done.stdout == ""
    assert not db.exists()  # refused before touching the database


def test_help_lists_gui_and_the_subcommands() -> None:
    done = _ketnoi("--help")
    assert done.returncode == 0, done.stderr
    commands = {line.split()[0] for line in done.stdout.splitlines() if line.startswith("    ")}
    assert {"gui", "search", "info", "demo"} <= commands


def test_a_subcommand_never_loads_qt(tmp_path: Path) -> None:
    """``ketnoi search`` stays fast: PySide6 is imported only when the window opens."""
    db = tmp_path / "k.db"
    open_database(f"sqlite:///{db}").dispose()  # a command that reads needs an existing database
    code = (
        "import sys, ui.launcher\n"
        f"code = ui.launcher.main(['search', 'nguyen', '--db', {str(db)!r}])\n"
        "print('exit', code)\n"
        "print(*sorted(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert 'Nothing matches "nguyen"' in done.stdout
    assert "exit 0" in done.stdout
    loaded = done.stdout.splitlines()[-1].split()
    assert "app.search" in loaded  # the subcommand ran in this interpreter
    assert [n for n in loaded if n.split(".")[0] in ("PySide6", "shiboken6")] == []


def test_gui_and_no_subcommand_open_the_window_with_the_chosen_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.main

    opened: list[str | None] = []

    def run(url: str | None = None) -> int:
        opened.append(url)
        return 0

    monkeypatch.setattr(ui.main, "run", run)
    db = tmp_path / "k.db"
    assert launcher.main(["--db", str(db)]) == 0
    assert launcher.main(["gui", "--db", str(db)]) == 0
    assert opened == [f"sqlite:///{db}", f"sqlite:///{db}"]


def test_other_subcommands_are_app_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.db"
    open_database(f"sqlite:///{db}").dispose()
    assert launcher.main(["info", "--db", str(db)]) == 0
    assert "Database:" in capsys.readouterr().out


def test_app_cli_alone_does_not_open_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    from app import cli

    assert cli.main(["gui"]) == 1
    assert "ui.launcher" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("env", "platform", "ok"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland-egl", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:dpi=96", "DISPLAY": ""}, "linux", False),
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_display_problem(env: dict[str, str], platform: str, ok: bool) -> None:
    assert (launcher.display_problem(env, platform) is None) is ok


def test_start_gui_refuses_before_importing_qt_when_there_is_no_display(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.errors import UserError

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(UserError, match="no display"):
        launcher.start_gui(argparse.Namespace(), None)  # type: ignore[arg-type]


def test_the_installed_console_script_is_the_launcher() -> None:
    """pyproject's [project.scripts]: the ketnoi command must not start at app.cli (no window)."""
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="ketnoi")
    assert script.value == "ui.launcher:main"
    assert script.load() is launcher.main
