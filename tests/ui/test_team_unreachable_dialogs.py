"""The windows opened from the menus (Trash, Search, Backups, History, Undo history, Duplicates,
Import history, Posts, Letters, Working days) on a team database whose server has gone away:
each says the one sentence in its own language — in its list, in place of the rows (the
windows that are one list: tests/ui/test_team_unreachable_lists.py), or in a box — never
psycopg's or SQLAlchemy's words, a traceback or an empty list that reads as "nothing here";
and each reads again once the server is back. (Last round covered the main window's
list, forms and commands alone: tests/ui/test_team_unreachable.py, whose fixtures these use.)"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.exceptions import TimeoutError

from tests.db.test_team import ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.test_team_unreachable import LIBRARY_WORDS, commands_window, lan  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


_made = itertools.count(1)  # (the team's database is the module's: one organisation a test)


def _shown_labels(widget: QWidget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisible() and w.text()]


def _dialogs(
    ctx: Any, commands: Any, window: QWidget, contact: int, org: int
) -> dict[str, Callable[[], Any]]:
    from ui.dialogs.backups import BackupsDialog
    from ui.dialogs.duplicates import FindDuplicatesDialog
    from ui.dialogs.search import SearchDialog
    from ui.dialogs.undo_history import UndoHistoryDialog
    from ui.history import HistoryDialog
    from ui.import_wizard.history_dialog import ImportHistoryDialog
    from ui.letters import LettersDialog
    from ui.posts_dialog import PostsDialog
    from ui.trash import TrashDialog
    from ui.workdays import WorkingDaysDialog

    def duplicates() -> Any:
        d = FindDuplicatesDialog(ctx, commands, window)
        d.show()
        d.look_among("contact")
        return d

    return {
        "trash": lambda: TrashDialog(ctx, window),
        "search": lambda: SearchDialog(ctx, window),
        "backups": lambda: BackupsDialog(ctx, window),
        "history": lambda: HistoryDialog(ctx, "contact", contact, window),
        "undo history": lambda: UndoHistoryDialog(ctx, window),
        "duplicates": duplicates,
        "import history": lambda: ImportHistoryDialog(ctx, window),
        "posts": lambda: PostsDialog(ctx, org, window),
        "letters": lambda: LettersDialog(ctx, window),
        "working days": lambda: WorkingDaysDialog(ctx, window),
    }


@pytest.fixture
def menus(qtbot: Any, lan: Any, monkeypatch: pytest.MonkeyPatch) -> Any:  # noqa: F811
    """The context, the cutter, the dialogs' makers, the boxes said (their text) and a deleted
    contact in the trash: what a window with its menus has."""
    from app import lists, records
    from db.engine import unit_of_work

    ctx, cut = lan
    with unit_of_work(ctx.engine) as s:
        org = records.create(s, "organisation", {"name": f"Sở KH&CN Hà Nội {next(_made)}"})
        gone = records.create(s, "contact", {"full_name": "Lê Thị Thu"})
        records.delete(s, "contact", gone)
    with ctx.read() as s:
        contact = lists.ids(s, lists.ListQuery("contact"))[0]
    window, commands, said = commands_window(qtbot, ctx, monkeypatch)
    return ctx, cut, commands, _dialogs(ctx, commands, window, contact, org), said


def _everything_said(dialog: QWidget, said: list[str]) -> list[str]:
    return said + _shown_labels(dialog)


def _search(dialog: Any) -> None:
    dialog.box.setText("Hà")
    dialog.run_search()


def test_every_menu_window_says_in_one_sentence_that_the_server_is_away(qtbot: Any, menus: Any) -> None:
    _ctx, cut, commands, dialogs, said = menus
    cut(True)
    quiet = []
    for name, make in dialogs.items():
        said.clear()
        dialog = commands.opened(make)
        assert dialog is not None, name
        dialog.show()
        if name == "search":  # (it reads as one types)
            _search(dialog)
        try:
            qtbot.waitUntil(
                lambda d=dialog: any(
                    "Cannot reach the database server" in t for t in _everything_said(d, said)
                ),
                timeout=10_000,
            )
        except TimeoutError:
            if name != "backups":  # (on a team database it reads nothing as it opens)
                quiet.append(name)
        for text in _everything_said(dialog, said):
            assert not any(w in text for w in LIBRARY_WORDS), (name, text)
        dialog.close()
        dialog.deleteLater()
    assert not quiet, f"these said nothing of the server: {quiet}"


def test_the_menu_windows_speak_vietnamese_when_the_window_does(qtbot: Any, menus: Any, qapp: Any) -> None:
    from ui import i18n

    _ctx, cut, commands, dialogs, said = menus
    cut(True)
    assert i18n.install(qapp, "vi") == "vi"
    try:
        for name in ("undo history", "duplicates", "import history", "posts", "search", "trash"):
            said.clear()
            dialog = commands.opened(dialogs[name])
            dialog.show()
            if name == "search":
                _search(dialog)
            qtbot.waitUntil(
                lambda d=dialog: any(
                    "Không kết nối được máy chủ cơ sở dữ liệu" in t for t in _everything_said(d, said)
                ),
                timeout=10_000,
            )
            assert not any("Cannot reach" in t for t in _everything_said(dialog, said)), name
            dialog.close()
            dialog.deleteLater()
    finally:
        i18n.install(qapp, "en")


def test_an_open_menu_window_reads_again_when_the_server_is_back(qtbot: Any, menus: Any) -> None:
    ctx, cut, commands, dialogs, said = menus
    cut(True)
    trash = commands.opened(dialogs["trash"])
    posts = commands.opened(dialogs["posts"])
    imports = commands.opened(dialogs["import history"])
    search = commands.opened(dialogs["search"])
    for d in (trash, posts, imports, search):
        d.show()
    _search(search)
    qtbot.waitUntil(  # (the search asks off the UI thread: its answer is awaited too)
        lambda: (
            trash.away.isVisible()
            and posts.error.isVisible()
            and bool(imports.detail.text())
            and "Cannot reach" in search.empty_note.text()
        ),
        timeout=10_000,
    )
    assert trash.model.rowCount() == 0
    assert not said, said  # each says it in its own place, none in a box

    cut(False)
    ctx.server_back.emit()  # the live feed connected again (ui.live)
    qtbot.waitUntil(lambda: trash.model.rowCount() >= 1, timeout=10_000)  # Lê Thị Thu, deleted
    assert not trash.away.isVisible()
    qtbot.waitUntil(lambda: not posts.error.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "Cannot reach" not in imports.detail.text(), timeout=10_000)
    assert "Sở KH&CN Hà Nội" in posts.windowTitle()
    _search(search)  # the next letter typed asks again
    qtbot.waitUntil(lambda: search.results.count() >= 1 and not search.empty_note.isVisible(), timeout=10_000)


def test_search_waits_for_a_server_away_off_the_ui_thread(
    qtbot: Any, menus: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """h42: Search everywhere asked on the UI thread: over a slow link, or with the server away,
    every letter typed froze the window until the answer (or the failed connection) came."""
    import time

    from tests.ui.helpers import HeldSearch

    _ctx, cut, commands, dialogs, _said = menus
    search = commands.opened(dialogs["search"])
    search.show()
    _search(search)  # "Hà": Phan Hồng Hà, found while the server is there
    qtbot.waitUntil(lambda: search.results.count() >= 1, timeout=10_000)
    found = search.results.count()
    slow = HeldSearch(monkeypatch)
    slow.held.add("Hà Nội")  # a link slow to say the server is gone
    cut(True)
    search.box.setText("Hà Nội")
    start = time.monotonic()
    search.run_search()
    assert time.monotonic() - start < 1.0  # the window does not wait for it
    assert search.results.count() == found and not search.empty_note.isVisible()  # kept meanwhile
    slow.release()
    qtbot.waitUntil(search.empty_note.isVisible, timeout=10_000)
    assert "Cannot reach the database server" in search.empty_note.text()
    assert not any(w in search.empty_note.text() for w in LIBRARY_WORDS)
    assert search.results.count() == 0  # (the sentence in place of the results)
    search.close()
    search.deleteLater()


@pytest.mark.skipif(not shutil.which("pg_dump"), reason="no pg_dump here")
def test_back_up_now_says_the_server_is_away_not_pg_dumps_words(
    qtbot: Any, menus: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """h40: Backups → Back up now on a team database runs pg_dump, whose "connection to server
    at … failed: Connection refused" was the reason shown."""
    from ui import file_dialogs

    _ctx, cut, commands, dialogs, _said = menus
    target = tmp_path / "team.dump"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *_a, **_k: (str(target), ""))
    dialog = commands.opened(dialogs["backups"])
    dialog.show()
    cut(True)
    boxes: list[str] = []

    def answer() -> None:  # the failure's box is modal: read it and close it
        box = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "backup_failed"), None)
        if box is not None and box.isVisible():
            boxes.append(f"{box.text()} {box.informativeText()}")
            box.close()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    dialog.take()
    qtbot.waitUntil(lambda: bool(boxes), timeout=30_000)
    assert "Cannot reach the database server" in boxes[0], boxes
    assert not any(w in boxes[0] for w in (*LIBRARY_WORDS, "pg_dump", "port")), boxes
    for text in _shown_labels(dialog):  # (its own note names pg_dump: what a copy is made with)
        assert not any(w in text for w in LIBRARY_WORDS), text
    assert not target.exists()
    dialog.close()
    dialog.deleteLater()
