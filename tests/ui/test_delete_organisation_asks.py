"""Del on an organisation that others name asks once, saying what names it (reviewer h149: one
Del put Genetica in the trash with its people, a meeting and actions on it, nothing asked, and
the Contacts list went on showing "Genetica" as if it were live). A contact or an action stays
a one-key delete, undone from the status bar; the lists and the record pages mark an
organisation in the trash where they name it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from db.engine import read_session
from db.models import Contact, Organisation
from tests.ui.helpers import show_page, wait_idle


def _deleted(engine: Any, model: Any, record_id: int) -> bool:
    with read_session(engine) as s:
        return s.scalar(select(model.deleted_at).where(model.id == record_id)) is not None


def _panel(qtbot: Any, window: Any, entity: str, record_id: int) -> Any:
    window.navigate(entity, record_id)
    panel = window.views[entity].list
    qtbot.waitUntil(lambda: panel.selected_ids() == [record_id], timeout=10_000)
    return panel


def _answer(qtbot: Any, press: str, asked: list[str]) -> list[int]:
    """When the question comes: note its text and press ``press`` ("delete" or "cancel"). It
    looks for 5 s at most; set the returned counter to 0 to stop it sooner (a look still
    running after its test answered another test's box: clean-clone CI ci78)."""

    tries = [100]

    def answer() -> None:
        if tries[0] <= 0:
            return
        box = QApplication.activeModalWidget()
        cancel = box.button(QMessageBox.StandardButton.Cancel) if isinstance(box, QMessageBox) else None
        if box is None or cancel is None:  # (not the question: no box yet, or another one)
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(50, answer)
            return
        tries[0] = 0
        asked.append(box.text())
        asked.append("default: cancel" if box.defaultButton() is cancel else "default: other")
        chosen = cancel if press == "cancel" else next(b for b in box.buttons() if b is not cancel)
        chosen.click()

    QTimer.singleShot(50, answer)
    return tries


def test_del_on_an_organisation_others_name_asks_first_saying_what_names_it(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], language: str
) -> None:
    genetica = ids["genetica"]
    panel = _panel(qtbot, window, "organisation", genetica)
    asked: list[str] = []
    _answer(qtbot, "cancel", asked)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert not _deleted(engine, Organisation, genetica)  # Cancel (the default) keeps it
    said = {
        "en": "Delete the organisation “Genetica”?\n\nStill naming it: 2 contacts, 1 meeting and 1 action.",
        "vi": "Xoá tổ chức “Genetica”?\n\nVẫn gắn với tổ chức này: 2 liên hệ, 1 cuộc họp và 1 việc cần làm.",
    }[language]
    assert asked[0].startswith(said), asked
    assert asked[1] == "default: cancel"

    window.activateWindow()  # (the question's box gone, the window active again: its Del)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    _answer(qtbot, "delete", asked)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(asked) == 4, timeout=10_000)
    qtbot.waitUntil(lambda: _deleted(engine, Organisation, genetica), timeout=10_000)
    wait_idle(qtbot, ctx)

    # the Contacts list and Phạm Quốc Hùng's page say where Genetica is
    people = _panel(qtbot, window, "contact", ids["hung"])
    column = people.model.columns.index("organisation")
    row = people.model.row_of(ids["hung"])
    mark = {"en": "Genetica (in the trash)", "vi": "Genetica (trong thùng rác)"}[language]
    qtbot.waitUntil(lambda: people.model.index(row, column).data() == mark, timeout=10_000)
    page = show_page(qtbot, window.views["contact"].detail, "contact", ids["hung"])
    assert mark in page, page
    # so do the meeting and the action that name it
    meetings = _panel(qtbot, window, "meeting", ids["next_meeting"])
    column = meetings.model.columns.index("organisations")
    row = meetings.model.row_of(ids["next_meeting"])
    qtbot.waitUntil(lambda: meetings.model.index(row, column).data() == mark, timeout=10_000)
    page = show_page(qtbot, window.views["action"].detail, "action", ids["a_overdue"])
    assert mark in page, page


def test_del_on_an_organisation_nothing_names_and_on_a_contact_asks_nothing(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    from app import records
    from db.engine import unit_of_work

    with unit_of_work(engine) as s:
        lone = records.create(s, "organisation", {"name": "Công ty chưa có ai"})
    window.views["organisation"].list.model.reload()  # (written beside the window: read again)
    wait_idle(qtbot, ctx)
    asked: list[str] = []
    looking = _answer(qtbot, "cancel", asked)  # (answers a question, were one asked)
    panel = _panel(qtbot, window, "organisation", lone)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _deleted(engine, Organisation, lone), timeout=10_000)
    panel = _panel(qtbot, window, "contact", ids["smith"])
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _deleted(engine, Contact, ids["smith"]), timeout=10_000)
    wait_idle(qtbot, ctx)
    qtbot.wait(200)
    looking[0] = 0
    assert asked == []
