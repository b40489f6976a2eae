"""Log meeting asks before saving a meeting a colleague logged already (app.already_logged):
"Trần Thị Lan already logged “…” with Genetica at 09:00" — Open it / Save anyway / Cancel.

Reviewer: Lan logged "Lam viec voi Genetica ve sandbox" (Genetica, Hồ Đức Giang); Hoa logged
"Lam viec voi Genetica" at the same minute: saved without a word, two meetings.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app import records
from app.meetings import Chosen, MeetingDraft, save_meeting
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Meeting
from tests.ui.helpers import open_log_meeting, wait_idle


def _meetings(engine: Any) -> int:
    with read_session(engine) as s:
        query = select(func.count()).select_from(Meeting).where(Meeting.deleted_at.is_(None))
        return int(s.execute(query).scalar_one())


@pytest.fixture
def lans(engine: Any, ids: dict[str, Any]) -> int:
    """Lan's meeting with Genetica and Phạm Quốc Hùng, at the minute the dialog opens on."""
    draft = MeetingDraft(
        {
            "title": "Lam viec voi Genetica ve sandbox",
            "starts_at": clock.now().replace(second=0, microsecond=0),
        },
        [Chosen(ids["genetica"], "Genetica")],
        [Chosen(ids["hung"], "Phạm Quốc Hùng")],
    )
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="Trần Thị Lan")


@pytest.mark.parametrize("answer", ["cancel", "open", "save"])
def test_a_meeting_a_colleague_logged_asks_first(qtbot, ctx, ids, engine, lans, monkeypatch, answer) -> None:
    from ui.dupwarn import RecordPeek

    asked: list[Any] = []

    def ask(_parent: Any, twin: Any, _date_format: str) -> str:
        asked.append(twin)
        return answer

    monkeypatch.setattr("ui.dupwarn.ask_already_logged", ask)
    before = _meetings(engine)
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    qtbot.keyClicks(dialog.title, "Lam viec voi Genetica")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked) or dialog.saved_id is not None, timeout=10_000)
    assert len(asked) == 1 and asked[0].meeting_id == lans and not asked[0].mine
    assert asked[0].by == "Trần Thị Lan" and asked[0].shared == "Genetica"
    assert asked[0].title == "Lam viec voi Genetica ve sandbox"
    if answer == "save":
        qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
        assert _meetings(engine) == before + 1 and len(asked) == 1
    else:
        qtbot.waitUntil(dialog.buttons.isEnabled, timeout=10_000)
        assert dialog.isVisible() and dialog.saved_id is None and _meetings(engine) == before
        assert bool(dialog.findChildren(RecordPeek)) == (answer == "open")
    wait_idle(qtbot, ctx)


def test_the_question_says_who_logged_it_and_cancel_is_the_default(qtbot, ctx, ids, engine, lans) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.already_logged import already_logged
    from ui import dupwarn

    with read_session(engine) as s:
        twin = already_logged(
            s,
            MeetingDraft({"title": "x", "starts_at": clock.now()}, [Chosen(ids["genetica"], "Genetica")]),
            actor=ctx.actor(),
        )
    assert twin is not None
    seen: list[tuple[str, str, list[str], str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        names = [b.text() for b in box.buttons()]
        seen.append((box.text(), box.informativeText(), names, box.defaultButton().text()))
        box.defaultButton().click()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(50)
    choice = dupwarn.ask_already_logged(None, twin, "dd/MM/yyyy")  # type: ignore[arg-type]
    timer.stop()
    assert choice == "cancel"
    text, more, names, default = seen[0]
    at = f"{clock.now():%H:%M}"
    assert text == f"Trần Thị Lan already logged “Lam viec voi Genetica ve sandbox” with Genetica at {at}."
    assert more.startswith("Logged ") and "Save this meeting as well?" in more
    assert "&Open it" in names and "&Save anyway" in names and default == "Cancel"


def test_an_edit_of_the_meeting_itself_and_another_organisation_save_without_a_question(
    qtbot, ctx, ids, engine, lans, monkeypatch
) -> None:
    asked: list[Any] = []
    monkeypatch.setattr("ui.dupwarn.ask_already_logged", lambda *a: asked.append(a) or "cancel")
    dialog = open_log_meeting(qtbot, ctx, meeting_id=lans)
    dialog.title.setText("Lam viec voi Genetica ve sandbox (sua)")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    other = open_log_meeting(qtbot, ctx, organisation_id=ids["ministry"])
    qtbot.keyClicks(other.title, "Hop voi Bo")
    qtbot.keyClick(other.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: other.saved_id is not None, timeout=10_000)
    assert asked == []
    with read_session(engine) as s:
        assert records.get(s, "meeting", lans)["title"] == "Lam viec voi Genetica ve sandbox (sua)"
    wait_idle(qtbot, ctx)
