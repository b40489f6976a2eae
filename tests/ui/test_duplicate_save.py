"""A new contact that is very probably one already saved asks once before it is saved.

Reviewer: the strip said "Có vẻ trùng với Ngô Minh An…" and Ctrl+Return saved a second Ngô
Minh An, same organisation and phone. The same name alone (Vietnamese names repeat) saves
without a question.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from db.engine import read_session
from db.models import Contact
from tests.ui.helpers import wait_idle


def _named(engine: Any, name: str) -> int:
    with read_session(engine) as s:
        query = select(func.count()).select_from(Contact).where(Contact.full_name == name)
        return int(s.execute(query.where(Contact.deleted_at.is_(None))).scalar_one())


def _form(qtbot: Any, ctx: Any, name: str, email: str) -> Any:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, "contact")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    field = form.widgets["full_name"]
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    emails = form.widgets["emails"]
    emails.setFocus()
    qtbot.keyClicks(emails, email)
    return form


@pytest.mark.parametrize("answer", ["cancel", "open", "save"])
def test_ctrl_return_on_a_likely_duplicate_asks_once(qtbot, ctx, engine, monkeypatch, answer) -> None:
    from ui.dupwarn import RecordPeek

    asked: list[tuple[str, str]] = []

    def ask(_parent: Any, _entity: str, name: str, why: str) -> str:
        asked.append((name, why))
        return answer

    monkeypatch.setattr("ui.dupwarn.ask_about_duplicate", ask)
    form = _form(qtbot, ctx, "Pham Quoc Hung", "hung@genetica.asia")
    # pressed at once, before the strip's look-up: the save waits for it and asks
    qtbot.keyClick(form.widgets["emails"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked) or form.saved_id is not None, timeout=10_000)
    assert asked and "Phạm Quốc Hùng" in asked[0][0] and "same email" in asked[0][1]
    if answer != "save":
        qtbot.wait(100)
        assert form.isVisible() and form.saved_id is None and _named(engine, "Pham Quoc Hung") == 0
        assert bool(form.findChildren(RecordPeek)) == (answer == "open")
        assert form.buttons.isEnabled()
    else:
        qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
        assert _named(engine, "Pham Quoc Hung") == 1 and len(asked) == 1
    wait_idle(qtbot, ctx)


def test_the_same_name_without_a_matching_detail_saves_without_a_question(
    qtbot, ctx, engine, monkeypatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr("ui.dupwarn.ask_about_duplicate", lambda *a: asked.append(a[2]) or "cancel")
    form = _form(qtbot, ctx, "Vu Ngoc Bao", "bao.vu@example.vn")  # another Vũ Ngọc Bảo, no firm
    qtbot.waitUntil(form.duplicates.isVisible, timeout=10_000)  # the strip still says it
    qtbot.keyClick(form.widgets["emails"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
    assert asked == [] and _named(engine, "Vu Ngoc Bao") == 1
    wait_idle(qtbot, ctx)


def test_log_meeting_asks_before_a_new_attendee_that_is_one_already_saved(
    qtbot, ctx, ids, engine, monkeypatch
) -> None:
    from tests.ui.helpers import open_log_meeting

    answers = ["cancel", "save"]
    asked: list[str] = []

    def ask(_parent: Any, entity: str, name: str, _why: str) -> str:
        asked.append(f"{entity}: {name}")
        return answers[len(asked) - 1]

    monkeypatch.setattr("ui.dupwarn.ask_about_duplicate", ask)
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    qtbot.keyClicks(dialog.title, "Gap anh Hung")
    people = dialog.attendees
    people.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is people.input)
    qtbot.keyClicks(people.input, "pham quoc hung")
    qtbot.keyClick(people.input, Qt.Key.Key_Up)  # the last suggestion: "New contact …"
    qtbot.keyClick(people.input, Qt.Key.Key_Return)
    assert [c.id for c in people.values()] == [None]
    qtbot.keyClick(people.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert len(asked) == 1 and asked[0].startswith("contact: Phạm Quốc Hùng")
    qtbot.wait(100)
    assert dialog.isVisible() and dialog.saved_id is None and _named(engine, "pham quoc hung") == 0
    qtbot.keyClick(people.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    assert len(asked) == 2
    wait_idle(qtbot, ctx)
