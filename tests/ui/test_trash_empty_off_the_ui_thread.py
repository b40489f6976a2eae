"""View → Trash → Empty trash… reads what it would remove off the UI thread before asking.

On a team database with 4,000 records in the trash, under row-level security, the read before
"Remove … for good?" held the window 1.6 s (tests/benchmarks/probe_trash_merge_freeze.py). Here
every query waits, as on a far server: the click returns at once, the button says it is counting
and is off, the window keeps answering (its timer runs) while the count is read, no query runs
on the UI thread, and the question comes, naming what goes, once the answer is known; closed
meanwhile, the dialog asks nothing. (The server away: tests/ui/test_team_asks_off_the_ui_thread.py.)
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import FarServer, wait_idle

FAR_S = 0.2  # what each query waits


@pytest.fixture
def trash_dialog(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> Any:
    """The Trash shown with two deleted contacts listed."""
    from ui.trash import TrashDialog

    with unit_of_work(ctx.engine) as s:
        for key in ("smith", "bao"):
            records.delete(s, "contact", ids[key])
    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 2, timeout=10_000)
    assert dialog.empty_button.isEnabled()
    return dialog


def _answered(monkeypatch: pytest.MonkeyPatch, far: FarServer, dialog: Any) -> list[dict[str, Any]]:
    """Empty trash's question answered Cancel; what was asked, and how things stood then."""
    asked: list[dict[str, Any]] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(
            {
                "text": text,
                "ticks": far.ticks,
                "on_ui_thread": far.on_ui_thread(),
                "button": (dialog.empty_button.text(), dialog.empty_button.isEnabled()),
            }
        )
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_empty_trash_asks_once_the_count_is_read_the_window_answering_meanwhile(
    qtbot: Any, ctx: Any, trash_dialog: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = trash_dialog
    far = FarServer(ctx.engine, FAR_S)
    asked = _answered(monkeypatch, far, dialog)
    far.start()
    try:
        started = time.monotonic()
        dialog.empty_button.click()
        took = time.monotonic() - started
        ticks_at_click = far.ticks
        assert asked == [] and took < FAR_S, f"the click waited {took:.2f} s for the count"
        assert dialog.empty_button.text() == "Counting…" and not dialog.empty_button.isEnabled()
        dialog.empty_button.click()  # (off: nothing twice)
        qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    finally:
        far.stop()
    wait_idle(qtbot, ctx)
    assert len(asked) == 1
    said = asked[0]
    assert said["text"].startswith("Remove 2 contacts for good?"), said["text"]
    assert not said["on_ui_thread"], "a query ran on the UI thread"
    assert far.threads, "the count was not read at all"
    assert said["ticks"] - ticks_at_click >= 5, "the window stood still while the count was read"
    assert said["button"] == ("&Empty trash…", True)  # itself again when asking
    assert dialog.model.rowCount() == 2  # (cancelled: all still there)


def test_the_trash_closed_while_counting_asks_nothing(
    qtbot: Any, ctx: Any, trash_dialog: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = trash_dialog
    far = FarServer(ctx.engine, FAR_S)
    asked = _answered(monkeypatch, far, dialog)
    far.start()
    try:
        dialog.empty_button.click()
        dialog.close()
        wait_idle(qtbot, ctx)
        qtbot.wait(50)
    finally:
        far.stop()
    assert asked == []
    assert (dialog.empty_button.text(), dialog.empty_button.isEnabled()) == ("&Empty trash…", True)
    # opened again, it asks as before
    dialog.show()
    dialog.empty_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0]["text"].startswith("Remove 2 contacts for good?")
