"""Log meeting's suggestions float over the dialog, as a completer's do (reviewer: the layout
jumped while they showed), and each attendee is listed with the organisation that saving links
to the meeting with them (reviewer: an attendee chosen from the suggestions linked their
organisation without the dialog showing it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from db.engine import read_session
from db.models import MeetingOrganisation


def _rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _open(qtbot: Any, ctx: Any) -> Any:
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_the_suggestions_float_over_the_dialog_and_move_nothing(qtbot: Any, ctx: Any) -> None:
    dialog = _open(qtbot, ctx)
    picker = dialog.attendees
    watched = [
        picker.input,
        picker.chosen_view,
        dialog.duplicates["contact"],
        dialog.agenda,
        dialog.followups,
    ]
    watched += [dialog.organisations.chosen_view, dialog.buttons]
    before = [_rect(w, dialog) for w in watched]
    picker.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.input)
    qtbot.keyClicks(picker.input, "nhung")
    shown = picker.suggestions
    assert shown.isVisible() and shown.count() == 2  # Nhung, and "New contact “nhung”"
    QApplication.processEvents()
    assert [_rect(w, dialog) for w in watched] == before  # nothing moved
    place = _rect(shown, dialog)
    field = _rect(picker.input, dialog)
    assert place.top() == field.bottom() + 1 and place.left() == field.left()
    assert place.width() >= field.width() and dialog.rect().contains(place)
    # on top of what lies under it: a click there reaches the suggestions
    under = dialog.childAt(place.center())
    assert under is not None and (under is shown or shown.isAncestorOf(under))
    assert QApplication.focusWidget() is picker.input  # typing goes on in the field
    qtbot.keyClick(picker.input, Qt.Key.Key_Escape)
    assert not shown.isVisible() and dialog.isVisible()
    assert [_rect(w, dialog) for w in watched] == before


def test_each_attendee_shows_the_organisation_saving_links(
    qtbot: Any, ctx: Any, ids: dict[str, Any], engine: Any
) -> None:
    dialog = _open(qtbot, ctx)
    picker = dialog.attendees
    picker.input.setFocus()
    qtbot.keyClicks(picker.input, "nhung")
    qtbot.keyClick(picker.input, Qt.Key.Key_Return)
    qtbot.keyClicks(picker.input, "smith")  # John Smith: no organisation
    qtbot.keyClick(picker.input, Qt.Key.Key_Return)
    rows = [picker.chosen_view.topLevelItem(n) for n in range(picker.chosen_view.topLevelItemCount())]
    texts = [r.text(0) for r in rows]
    nic = "Trung tâm Đổi mới sáng tạo Quốc gia"
    assert texts == [f"Nguyễn Thị Hồng Nhung\n{nic}", "John Smith"]  # the organisation under the name
    assert (
        rows[0].toolTip(0) == f"Nguyễn Thị Hồng Nhung works at {nic}: saving links {nic} to the meeting too."
    )
    assert [c.label for c in picker.values()] == ["Nguyễn Thị Hồng Nhung", "John Smith"]
    assert dialog.organisations.values() == []  # none chosen: linked through Nhung, as shown
    dialog.title.setText("Gặp chị Nhung")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        linked = set(
            s.execute(
                select(MeetingOrganisation.organisation_id).where(
                    MeetingOrganisation.meeting_id == dialog.saved_id
                )
            ).scalars()
        )
    assert linked == {ids["nic"]}
