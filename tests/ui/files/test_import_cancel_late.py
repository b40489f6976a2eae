"""Cancel at the end of an import's writing (reviewer: Cancel pressed when the bar read
"60,000 / 60,000", still enabled, said "Cancelling…", then "Import #5 is done" with nothing about
the cancel). A cancel is honoured up to the COMMIT; once it runs Cancel is disabled and the bar
says the import is finishing; one that came too late is said, with the way to undo the import.

The worker is held at the moment named by a real function of the import (the sheet's mapping
remembered after its last rows, the session's COMMIT) while the window is driven."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import Session

from db.models import Contact, ImportBatch
from tests.ui.files.test_import_wizard import TIMEOUT, count, open_wizard, qtbot_left, to_preview
from tests.ui.files.workbooks import contacts_workbook

FINISHING = "Finishing: saving the import (it can no longer be cancelled)…"
TOO_LATE = "Cancel came too late: import #1 was written. File → Import history… can undo it."


class Hold:
    """The import's worker stopped at one point until :meth:`release` (never the UI thread)."""

    def __init__(self) -> None:
        self.reached, self.go = threading.Event(), threading.Event()

    def __call__(self) -> None:
        if threading.current_thread() is threading.main_thread() or self.reached.is_set():
            return
        self.reached.set()
        self.go.wait(TIMEOUT / 1000)

    def release(self) -> None:
        self.go.set()


@pytest.fixture
def at_commit(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hold]:
    """The worker held as its session's COMMIT is about to run."""
    hold, real = Hold(), Session.commit

    def commit(self: Session) -> None:
        hold()
        real(self)

    monkeypatch.setattr(Session, "commit", commit)
    yield hold
    hold.release()


def test_cancel_after_the_last_rows_is_honoured_before_the_commit(qtbot, ctx, engine, tmp_path, monkeypatch):
    hold = Hold()
    from app.importing import commit as service

    real = service.remember_mapping

    def remembered(*args: Any, **kw: Any) -> None:  # every row written, the bar full
        real(*args, **kw)
        hold()

    monkeypatch.setattr(service, "remember_mapping", remembered)
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    to_preview(qtbot, w)
    cp = w.commit_page
    w.next()
    qtbot.waitUntil(hold.reached.is_set, timeout=TIMEOUT)
    assert cp.busy.cancel.isEnabled()
    qtbot.mouseClick(cp.busy.cancel, qtbot_left())
    hold.release()
    qtbot.waitUntil(lambda: not w.busy(), timeout=TIMEOUT)
    assert cp.state == "cancelled"
    assert cp.headline.text() == "Nothing was written."
    assert count(engine, ImportBatch) == 0
    assert count(engine, Contact) == 0


def test_a_cancel_pressed_as_the_commit_begins_is_said_too_late(qtbot, ctx, engine, tmp_path, at_commit):
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    to_preview(qtbot, w)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    cp = w.commit_page
    w.next()
    # the worker passed its last check and the COMMIT is starting; the window has not heard yet
    # (no event processed meanwhile), so its Cancel is still enabled: the click lands too late
    assert at_commit.reached.wait(TIMEOUT / 1000)
    assert cp.busy.cancel.isEnabled()
    cp.busy.cancel.click()
    at_commit.release()
    qtbot.waitUntil(lambda: not w.busy(), timeout=TIMEOUT)
    assert cp.state == "done"
    assert count(engine, ImportBatch) == 1  # written: the cancel came after the last check
    assert cp.headline.text() == "Cancel came too late: import #1 was written."
    assert cp.message.text().splitlines() == [
        "Undo this import removes it again; edits made since are kept.",
        "The mapping is remembered for the next file with the same headers.",  # (kept, below)
    ]
    assert cp.undo.isVisible() and cp.undo.isEnabled()
    assert said == [TOO_LATE]


def test_while_the_commit_runs_cancel_is_disabled_and_closing_says_it_was_written(
    qtbot, ctx, engine, tmp_path, at_commit
):
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    w.show()
    to_preview(qtbot, w)
    cp = w.commit_page
    w.next()
    qtbot.waitUntil(at_commit.reached.is_set, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: cp.busy.label.text() == FINISHING, timeout=5_000)
    assert not cp.busy.cancel.isEnabled()  # (it read "60,000 / 60,000", enabled, and was ignored)
    assert not cp.isComplete()
    w.close()  # nothing to ask: it can no longer be stopped; it closes once written
    assert w.discard_box is None
    at_commit.release()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=TIMEOUT)
    assert count(engine, ImportBatch) == 1
    assert w.cancelled_box is not None and w.cancelled_box.isVisible()  # the page is not seen again
    assert w.cancelled_box.text() == TOO_LATE
    w.cancelled_box.accept()
