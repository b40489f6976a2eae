"""The window shows first and fills in after (issue 11): its frame is shown before the database
layer is imported, the same window then receives the views, and until the database is open
the commands that need it are off. Timing is the benchmark's business
(tests/benchmarks/bench_startup.py); these tests guard the design."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import demo
from db.migrate import open_database

ROOT = Path(__file__).resolve().parents[2]
# Not one of these may be loaded when the frame is on screen: they are what costs.
NOT_BEFORE_THE_FRAME = (
    "sqlalchemy",
    "sqlmodel",
    "alembic",
    "reportlab",
    "openpyxl",
    "python_calamine",
    "phonenumbers",
    "db.engine",
    "db.migrate",
    "db.models",
    "app.lists",
    "ui.context",
    "ui.lists",
    "ui.dashboard",
)

FRAME_PROBE = """
import sys
import ui.launcher, ui.main
from ui.main_window import MainWindow

seen = {}
paint = MainWindow.paintEvent


def painted(self, event):
    seen.setdefault("painted", True)
    return paint(self, event)


MainWindow.paintEvent = painted
start = ui.main.Opening._start


def _start(self):
    if "modules" not in seen:  # the database work begins: what is loaded, what is shown
        seen["modules"] = sorted(sys.modules)
        seen["shown"] = self.window.isVisible() and seen.get("painted", False)
        seen["frame"] = self.window
        seen["ready"] = self.window.is_ready
        seen["opening"] = self.window.opening_page is not None and self.window.opening_page.isVisible()
    return start(self)


ui.main.Opening._start = _start
attach = MainWindow.attach


def attached(self, ctx):
    seen["same"] = self is seen.get("frame")
    return attach(self, ctx)


MainWindow.attach = attached
code = ui.launcher.main(["--db", sys.argv[1]])
print("exit", code, "shown", seen["shown"], "ready-before", seen["ready"], "opening", seen["opening"],
      "same", seen["same"])
print(*seen["modules"])
print(*sorted(sys.modules))
"""


def _demo(path: Path) -> Path:
    engine = open_database(f"sqlite:///{path}")
    demo.fill(engine)
    engine.dispose()
    return path


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KETNOI_QUIT_AFTER_MS="100",
        KETNOI_DATA_DIR=str(tmp_path / "data"),
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.pop("KETNOI_DATABASE_URL", None)
    return env


def _heavy(modules: list[str]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in NOT_BEFORE_THE_FRAME))


def test_the_frame_is_painted_before_the_database_layer_is_imported(tmp_path: Path) -> None:
    """A real start in a fresh interpreter (offscreen): when the database work begins, the
    window is shown and painted, says it is opening, and nothing of the database layer, the
    views or the heavy libraries is loaded; then the same window receives the views, and by
    then they are loaded (so the check is not vacuous)."""
    db = _demo(tmp_path / "k.db")
    done = subprocess.run(
        [sys.executable, "-c", FRAME_PROBE, str(db)],
        capture_output=True, text=True, timeout=180, check=False, cwd=ROOT, env=_env(tmp_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary, at_frame, at_end = done.stdout.splitlines()[-3:]
    assert summary == "exit 0 shown True ready-before False opening True same True", summary
    assert _heavy(at_frame.split()) == []
    assert "ui.main_window" in at_frame.split() and "PySide6.QtWidgets" in at_frame.split()
    assert {"sqlalchemy", "db.migrate", "ui.lists.panel", "ui.dashboard"} <= set(at_end.split())
    # the markers the benchmark and tools/smoke_bundle.sh read, in this order
    err = done.stderr
    assert err.index("ketnoi: window frame painted") < err.index("ketnoi: window ready")
    assert err.index("ketnoi: window ready") < err.index("ketnoi: window opened:")


def test_the_launcher_and_the_cli_module_load_no_sqlalchemy(tmp_path: Path) -> None:
    """What the launcher imports before the window: app.cli parses ``ketnoi`` without
    SQLAlchemy (each command imports what it uses)."""
    code = "import sys, ui.launcher, app.cli, ui.main, ui.main_window\nprint(*sorted(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True, cwd=ROOT,
        env=_env(tmp_path),
    )  # fmt: skip
    assert _heavy(done.stdout.split()) == []


def test_the_frame_lists_the_same_views_as_db_kinds() -> None:
    from db import kinds
    from ui.main_window import RECORDS, meet_with

    assert kinds.RECORD_KINDS == RECORDS
    assert meet_with() == tuple(k for k in RECORDS if kinds.info(k).meeting_link)


def _frame(qtbot: Any, settings: Any, url: str) -> Any:
    from ui.main_window import MainWindow

    window = MainWindow(settings=settings, opening=url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


NEED_THE_DATABASE = (
    "act_new", "act_log_meeting", "act_new_action", "act_search", "act_edit", "act_delete", "act_undo",
    "act_import", "act_export", "act_brief", "act_settings", "act_backups", "act_history", "act_trash",
    "act_duplicates", "act_letters", "act_guide", "act_about",
)  # fmt: skip


def test_the_frame_says_it_is_opening_and_holds_back_what_needs_the_database(
    qtbot: Any, settings: Any, tmp_path: Path
) -> None:
    from PySide6.QtGui import QAction

    window = _frame(qtbot, settings, f"sqlite:///{tmp_path / 'office.db'}")
    actions = {a.objectName(): a for a in window.findChildren(QAction)}
    for name in NEED_THE_DATABASE:
        assert not actions[name].isEnabled(), name
    assert actions["act_quit"].isEnabled()
    assert all(a.isEnabled() for a in window.view_actions)  # choosing a view is safe
    assert window.opening_page.isVisible()
    assert window.opening_page.label.text() == "Opening office.db…"
    assert window.statusBar().currentMessage() == "Opening office.db…"
    assert window.db_label.text() == str(tmp_path / "office.db")  # the file, not a URL
    assert window.menuBar().actions() and window.toolbar.isVisible() and window.nav.count() == 6
    actions["act_new"].trigger()  # a disabled action does nothing (no dialog, no error)
    assert QApplication.activeModalWidget() is None


def test_attach_builds_the_views_into_the_same_window_and_turns_the_commands_on(
    qtbot: Any, settings: Any, engine: Any, db_path: Path
) -> None:
    from ui.context import AppContext
    from ui.main_window import VIEWS

    window = _frame(qtbot, settings, f"sqlite:///{db_path}")
    window.nav.setCurrentRow(VIEWS.index("contact"))  # chosen while it opened
    ctx = AppContext(engine, settings)
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    window.attach(ctx)
    assert ready == [True] and window.is_ready and window.ctx is ctx
    assert window.opening_page is None
    assert window.stack.count() == len(VIEWS)
    assert window.stack.currentWidget() is window.views["contact"]  # the choice is honoured
    assert window.act_new.isEnabled() and window.act_search.isEnabled() and window.act_import.isEnabled()
    # the opening notice went; in its place, at a first start with no one chosen under
    # Settings → I am, which name the history records (tests/ui/test_who_records.py)
    assert "Opening" not in window.statusBar().currentMessage()
    assert "“I am”" in window.statusBar().currentMessage()
    assert window.db_label.text() == str(db_path)  # the file, as a person knows it
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    ctx.tasks.wait()


def _slow_check(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """db.migrate.quick_check holds until the test lets it go: the window stays "opening"."""
    import db.migrate

    go = threading.Event()
    check = db.migrate.quick_check

    def slow(*args: Any, **kwargs: Any) -> str | None:
        go.wait(30)
        return check(*args, **kwargs)

    monkeypatch.setattr(db.migrate, "quick_check", slow)
    return go


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The main windows this test shows (an earlier test's may still be among the app's)."""
    from ui.main_window import MainWindow

    windows: list[Any] = []
    show = MainWindow.show

    def record(self: Any) -> None:
        windows.append(self)
        show(self)

    monkeypatch.setattr(MainWindow, "show", record)
    return windows


def _gone(window: Any) -> bool:
    return not shiboken6.isValid(window) or not window.isVisible()


def test_run_opens_in_the_frame_it_showed_and_input_meanwhile_is_safe(
    qtbot: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[Any]
) -> None:
    from ui import main
    from ui.main_window import VIEWS

    db = _demo(tmp_path / "k.db")
    go = _slow_check(monkeypatch)
    seen: dict[str, Any] = {}

    def while_opening() -> None:
        if not shown:
            QTimer.singleShot(10, while_opening)
            return
        frame = shown[-1]
        seen["frame"], seen["ready"] = frame, frame.is_ready
        seen["new"] = frame.act_new.isEnabled()
        frame.act_new.trigger()  # Ctrl+N before the database is open: nothing happens
        frame.act_search.trigger()
        seen["modal"] = QApplication.activeModalWidget()
        frame.nav.setCurrentRow(VIEWS.index("organisation"))  # shown once open
        go.set()

    def fake_exec() -> int:
        window = shown[-1]
        seen["window"], seen["entity"] = window, window.current_entity()
        seen["rows"] = window.views["organisation"].list.model.rowCount()
        window.ctx.tasks.wait()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    QTimer.singleShot(0, while_opening)
    assert main.run(str(db), settings=settings) == 0
    assert seen["ready"] is False and seen["new"] is False and seen["modal"] is None
    assert seen["window"] is seen["frame"]  # the same window, not a second one swapped in
    assert seen["window"].is_ready and seen["entity"] == "organisation" and seen["rows"] > 0


def test_closing_the_window_while_it_opens_ends_the_start(
    qtbot: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[Any]
) -> None:
    from ui import main

    db = _demo(tmp_path / "k.db")
    go = _slow_check(monkeypatch)

    def close() -> None:
        if not shown:
            QTimer.singleShot(10, close)
            return
        shown[-1].close()
        go.set()

    def fake_exec() -> int:
        raise AssertionError("the event loop must not start after the window was closed")

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    QTimer.singleShot(0, close)
    assert main.run(str(db), settings=settings) == 0
    assert len(shown) == 1 and _gone(shown[0])


def test_a_database_error_is_named_over_the_frame_which_then_goes(
    qtbot: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[Any]
) -> None:
    from ui import main

    garbage = tmp_path / "notes.txt"
    garbage.write_bytes(b"this is not a database at all" * 100)
    boxes: list[tuple[str, str]] = []

    def critical(parent: Any, _title: str, text: str) -> None:
        boxes.append((parent.objectName() if parent is not None else "", text))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    assert main.run(str(garbage), settings=settings) == 1
    parent, text = boxes[0]
    assert "cannot open the database" in text and "notes.txt" in text
    assert parent == "main_window"  # over the frame, not a lone box
    assert len(shown) == 1 and _gone(shown[0])


def test_a_damaged_file_is_offered_its_backup_over_the_frame_before_anything_reads_it(
    qtbot: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.migrate
    from tests.ui.test_main import _damaged_with_backup
    from ui import main

    damaged, _copy = _damaged_with_backup(tmp_path)
    opened: list[str] = []
    real_open = db.migrate.open_database
    monkeypatch.setattr(db.migrate, "open_database", lambda url: opened.append(url) or real_open(url))
    seen: dict[str, Any] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "damaged_database":
            QTimer.singleShot(20, answer)
            return
        frame = box.parent()
        seen["parent"] = frame.objectName() if frame is not None else None
        seen["ready"] = frame.is_ready if frame is not None else None
        seen["opened"] = list(opened)
        box.button(QMessageBox.StandardButton.Close).click()

    QTimer.singleShot(0, answer)
    assert main.run(str(damaged), settings=settings) == 1
    assert seen == {"parent": "main_window", "ready": False, "opened": []}
    assert opened == []  # declined: nothing opened it


def test_an_older_file_says_it_is_being_upgraded_while_it_opens(
    qtbot: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[Any]
) -> None:
    """An upgrade can take a while (0014 rebuilds the search indexes: ~13 s at a million
    contacts); the frame then says so instead of only "Opening …", and the window opens."""
    from alembic import command

    from db.migrate import HEAD_REVISION, alembic_config, stored_revision
    from ui import main
    from ui.main_window import MainWindow

    url = f"sqlite:///{tmp_path / 'old.db'}"
    open_database(url).dispose()
    command.downgrade(alembic_config(url), "-1")
    said: list[str] = []
    say = MainWindow.say_opening
    monkeypatch.setattr(MainWindow, "say_opening", lambda self, text: (said.append(text), say(self, text)))

    def fake_exec() -> int:
        window = shown[-1]
        said.append(f"ready {window.is_ready} {window.statusBar().currentMessage()!r}")
        window.ctx.tasks.wait()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert main.run(url, settings=settings) == 0
    assert said[0].startswith("Upgrading old.db for this version of Ketnoi (a copy is kept first)")
    assert said[-1].startswith("ready True '")  # the notice went with the opening
    assert "Upgrading" not in said[-1] and "Opening" not in said[-1]
    engine = open_database(url)
    assert stored_revision(engine) == HEAD_REVISION
    engine.dispose()
