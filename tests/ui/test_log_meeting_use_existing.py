"""Log meeting's "Use this one" (an organisation or person typed as new looks like an existing
record) leaves the typing in the attendees' box. Reviewer: after clicking it no field had the
focus — it had gone to Save — so the letters of the next name went nowhere and the first Space
saved the meeting half-typed (no attendees, no actions)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from db.engine import read_session
from db.models import Meeting
from tests.ui.helpers import open_log_meeting


def _meetings(engine: Any) -> int:
    with read_session(engine) as s:
        return int(s.execute(select(func.count()).select_from(Meeting)).scalar_one())


def _type_where_the_focus_is(qtbot: Any, dialog: Any, text: str) -> None:
    """As a user does: each key goes to the widget that has the focus at that moment."""
    for ch in text:
        qtbot.keyClicks(QApplication.focusWidget() or dialog, ch)
        QApplication.processEvents()


def _warned(qtbot: Any, dialog: Any, entity: str) -> Any:
    warning = dialog.duplicates[entity]
    qtbot.waitUntil(lambda: warning.isVisible() and warning.use_button.isVisible(), timeout=10_000)
    return warning


def test_after_use_this_one_the_next_letters_and_space_go_into_the_attendees_box(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    before = _meetings(engine)
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])  # Ctrl+M on Genetica
    qtbot.keyClicks(dialog.title, "Thu lan ba")
    orgs = dialog.organisations
    orgs.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orgs.input)
    qtbot.keyClicks(orgs.input, "genetica")
    qtbot.keyClick(orgs.input, Qt.Key.Key_Return)  # Genetica is chosen already: "genetica" is new
    assert [(c.id, c.label) for c in orgs.values()] == [(ids["genetica"], "Genetica"), (None, "genetica")]
    warning = _warned(qtbot, dialog, "organisation")
    assert "Genetica" in warning.text.text()

    qtbot.mouseClick(warning.use_button, Qt.MouseButton.LeftButton)
    assert [(c.id, c.label) for c in orgs.values()] == [(ids["genetica"], "Genetica")]
    qtbot.waitUntil(lambda: not warning.isVisible())

    _type_where_the_focus_is(qtbot, dialog, "Lan ")
    qtbot.wait(200)  # a save, had one started, would have written by now
    assert _meetings(engine) == before  # (was: saved by the Space, with no attendees)
    assert dialog.isVisible() and dialog.result() == 0 and dialog.saved_id is None
    assert QApplication.focusWidget() is dialog.attendees.input
    assert dialog.attendees.input.text() == "Lan "


def test_use_this_one_for_a_person_then_typing_goes_on_in_the_attendees_box(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    before = _meetings(engine)
    dialog = open_log_meeting(qtbot, ctx)
    dialog.title.setText("Gặp chị Nhung")
    people = dialog.attendees
    people.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is people.input)
    qtbot.keyClicks(people.input, "nguyen thi hong nhung")
    qtbot.keyClick(people.input, Qt.Key.Key_Up)  # the last suggestion: "New contact …"
    qtbot.keyClick(people.input, Qt.Key.Key_Return)
    assert [c.id for c in people.values()] == [None]
    warning = _warned(qtbot, dialog, "contact")

    qtbot.mouseClick(warning.use_button, Qt.MouseButton.LeftButton)
    assert [c.id for c in people.values()] == [ids["nhung"]]
    qtbot.waitUntil(lambda: not warning.isVisible())
    assert QApplication.focusWidget() is people.input

    _type_where_the_focus_is(qtbot, dialog, "Hung ")
    assert dialog.isVisible() and dialog.saved_id is None
    assert people.input.text() == "Hung "
    qtbot.wait(200)
    assert _meetings(engine) == before


def test_use_this_one_reached_by_tab_and_pressed_with_space_does_not_leave_the_focus_on_save(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    before = _meetings(engine)
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    orgs = dialog.organisations
    orgs.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orgs.input)
    qtbot.keyClicks(orgs.input, "genetica")
    qtbot.keyClick(orgs.input, Qt.Key.Key_Return)
    warning = _warned(qtbot, dialog, "organisation")
    warning.use_button.setFocus(Qt.FocusReason.TabFocusReason)  # Tab reaches it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is warning.use_button)
    qtbot.keyClick(warning.use_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not warning.isVisible())
    assert QApplication.focusWidget() is dialog.attendees.input
    _type_where_the_focus_is(qtbot, dialog, "a ")
    assert dialog.isVisible() and dialog.saved_id is None
    assert _meetings(engine) == before


def test_a_click_on_open_leaves_the_focus_in_the_field_being_typed_in(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    orgs = dialog.organisations
    orgs.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orgs.input)
    qtbot.keyClicks(orgs.input, "genetica")
    qtbot.keyClick(orgs.input, Qt.Key.Key_Return)
    warning = _warned(qtbot, dialog, "organisation")
    qtbot.mouseClick(warning.open_button, Qt.MouseButton.LeftButton)
    peeks = [w for w in QApplication.topLevelWidgets() if w.objectName() == "record_peek"]
    assert peeks and peeks[-1].isVisible()
    for w in peeks:
        w.close()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orgs.input)


def test_in_a_record_form_a_click_on_open_leaves_the_typing_in_the_name(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, "contact")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    name = form.widgets["full_name"]
    name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    qtbot.keyClicks(name, "Pham Quoc Hung")
    warning = form.duplicates
    assert warning is not None
    qtbot.waitUntil(warning.isVisible, timeout=10_000)
    assert warning.candidates[0].id == ids["hung"]
    qtbot.mouseClick(warning.open_button, Qt.MouseButton.LeftButton)
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "record_peek":
            w.close()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    _type_where_the_focus_is(qtbot, form, " Jr")
    assert name.text() == "Pham Quoc Hung Jr"


def test_an_organisation_deleted_meanwhile_is_named_with_who_deleted_it(qtbot: Any, ctx: Any) -> None:
    """Reviewer h130: "⚠ there is no organisation with id 7" after a colleague deleted it."""
    from app import records
    from db.engine import unit_of_work
    from ui.dialogs.pickers import Chosen

    with unit_of_work(ctx.engine) as s:
        org = records.create(s, "organisation", {"name": "Sở KH&CN Hà Nội"})
    dialog = open_log_meeting(qtbot, ctx)
    dialog.title.setText("Họp Sở về đề án")
    dialog.organisations.set_values([Chosen(org, "Sở KH&CN Hà Nội")])
    with unit_of_work(ctx.engine) as s:  # a colleague, meanwhile
        records.delete(s, "organisation", org, actor="Trần Thị Lan")
    dialog.save()
    shown = dialog.errors["organisation_ids"]
    qtbot.waitUntil(lambda: bool(shown.text()), timeout=10_000)
    assert '"Sở KH&CN Hà Nội" was deleted by Trần Thị Lan' in shown.text()
    assert "in the trash" in shown.text() and f"id {org}" not in shown.text()
    assert dialog.title.text() == "Họp Sở về đề án"  # nothing typed is lost
    assert [c.id for c in dialog.organisations.values()] == [org]
