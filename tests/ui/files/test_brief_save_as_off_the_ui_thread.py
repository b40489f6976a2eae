"""A brief's Save as… reads the file name it suggests off the UI thread: the subject's name and,
for a meeting, the confidential people and organisations its title might name (a scan of the
contacts). On the 100k demo or a far team server the window froze before the file dialog opened
(tests/benchmarks/probe_brief_save_as.py). Here every query waits, as on a far server: pressing
Save as… returns at once, no query runs on the UI thread, and the file dialog opens with the
name once it is read — a confidential meeting's by its day only, as before."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from app import records
from db.engine import unit_of_work
from tests.app.lists.seed import TODAY, seed_network
from ui import briefs, file_dialogs

FAR_S = 0.4  # what each query waits
TIMEOUT = 30_000


@pytest.fixture
def far(ctx: Any) -> Any:
    """The database answers each query ``FAR_S`` late; the threads queries ran on are noted."""
    threads: list[int] = []

    def wait(*_a: Any) -> None:
        threads.append(threading.get_ident())
        time.sleep(FAR_S)

    sa.event.listen(ctx.engine, "before_cursor_execute", wait)
    yield threads
    sa.event.remove(ctx.engine, "before_cursor_execute", wait)


@pytest.fixture
def seeded(engine: Any, ctx: Any) -> dict[str, Any]:
    ctx.today = lambda: TODAY
    ids = seed_network(engine)
    with unit_of_work(engine) as s:  # "Genetica pitch" names a confidential organisation
        version = s.execute(
            sa.text("SELECT version FROM organisation WHERE id = :i"), {"i": ids["genetica"]}
        ).scalar()
        records.update(s, "organisation", ids["genetica"], {"confidential": True}, expected_version=version)
    return ids


def test_save_as_answers_at_once_and_asks_with_the_name_read_meanwhile(
    qtbot: Any,
    ctx: Any,
    seeded: dict[str, Any],
    far: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(briefs, "open_in_viewer", lambda p: pytest.fail("saved where chosen: not opened"))
    suggested: list[str] = []

    def file_dialog(_parent: Any, _title: str, name: str, _filters: str) -> tuple[str, str]:
        suggested.append(Path(name).name)
        return str(tmp_path / "pitch"), ""

    monkeypatch.setattr(file_dialogs, "get_save_file_name", file_dialog)
    ui_thread = threading.get_ident()
    dialog = briefs.brief_meeting(None, ctx, seeded["next_meeting"])
    qtbot.addWidget(dialog)
    started = time.monotonic()
    dialog.save_button.click()  # at once: the name is still being read
    assert time.monotonic() - started < FAR_S
    assert suggested == [] and not dialog.save_button.isEnabled()  # not pressed twice meanwhile
    qtbot.waitUntil(lambda: bool(suggested), timeout=TIMEOUT)
    day = (TODAY + dt.timedelta(days=2)).isoformat()
    assert suggested == [f"brief-meeting-{day}-confidential-{TODAY.isoformat()}.pdf"]
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=TIMEOUT)
    assert dialog.written == tmp_path / "pitch.pdf"
    assert len(PdfReader(str(dialog.written)).pages) >= 1
    assert far and ui_thread not in far, "a query ran on the UI thread"


def test_a_brief_closed_before_its_name_is_read_asks_nothing(
    qtbot: Any, ctx: Any, seeded: dict[str, Any], far: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        file_dialogs, "get_save_file_name", lambda *a, **_k: (asked.append(a[2]), ("", ""))[1]
    )
    dialog = briefs.brief_contact(None, ctx, seeded["nhung"])
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    dialog.reject()
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=TIMEOUT)
    qtbot.wait(50)
    assert asked == []
