"""Issue 16 item 4 in the Log meeting dialog: a follow-up names the organisation it is about
(one of the meeting's, an attendee's, or any other through "Other organisation…") and any
person there as responsible; the attendees' organisations are linked to the meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app import story
from db.engine import read_session
from db.models import Action
from tests.app.lists.seed import TODAY
from tests.ui.test_keyboard_flows import type_into


def test_a_follow_up_about_another_organisation_from_the_dialog(qtbot, ctx, ids, engine):
    from app.meetings import Chosen
    from ui.dialogs.followups import OTHER
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx, organisation_id=ids["ministry"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Làm việc với Bộ KH&CN")
    dialog.attendees.add(Chosen(ids["nhung"], "Nguyễn Thị Hồng Nhung"))  # from NIC
    fu = dialog.followups
    # the attendee's organisation is read off the UI thread
    qtbot.waitUntil(lambda: fu.about.findData(f"id:{ids['nic']}") >= 0, timeout=10_000)
    offered = [fu.about.itemData(i) for i in range(fu.about.count())]
    assert offered == [f"id:{ids['ministry']}", f"id:{ids['nic']}", OTHER]  # the meeting's first
    assert fu.about.currentData() == f"id:{ids['ministry']}"

    fu.what.setText("Issue introduction letter to Genetica")
    fu.about.setCurrentIndex(fu.about.findData(OTHER))
    assert fu.other.isVisible()
    qtbot.waitUntil(fu.other.hasFocus)
    type_into(fu.other, "gene")
    popup = fu.other.completer().popup()  # the matches are looked up off the UI thread
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() > 0, timeout=10_000)
    row = popup.model().index(0, 0)
    assert row.data().startswith("Genetica")
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(row).center())
    assert not fu.other.isVisible()
    assert fu.about.currentData() == f"id:{ids['genetica']}" and fu.about.currentText() == "Genetica"
    # Genetica's people can now be responsible, beside our staff and the attendees (read off
    # the UI thread)
    qtbot.waitUntil(lambda: fu.who.findData(f"contact:id:{ids['hung']}") >= 0, timeout=10_000)
    hung = fu.who.findData(f"contact:id:{ids['hung']}")
    assert hung >= 0 and fu.who.findData(f"contact:id:{ids['bao']}") >= 0
    fu.who.setCurrentIndex(hung)
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    assert fu.list.topLevelItem(0).text(1) == "Genetica"
    assert fu.list.topLevelItem(0).text(2) == "Phạm Quốc Hùng"

    fu.what.setText("Send the minutes")  # the organisation picked before is still offered
    assert fu.about.findData(f"id:{ids['genetica']}") >= 0
    fu.about.setCurrentIndex(0)
    fu.who.setCurrentIndex(0)
    qtbot.keyClick(fu.what, Qt.Key.Key_Return)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)

    with read_session(engine) as s:
        acts = {
            a.title: a
            for a in s.execute(select(Action).where(Action.meeting_id == dialog.saved_id)).scalars()
        }
        letter = acts["Issue introduction letter to Genetica"]
        assert letter.organisation_id == ids["genetica"] and letter.responsible_contact_id == ids["hung"]
        assert letter.direction == "they_owe"  # a contact responsible: they owe it
        assert acts["Send the minutes"].organisation_id == ids["ministry"]
        from app import records

        meeting = records.get(s, "meeting", dialog.saved_id)
        assert meeting["organisation_ids"] == [ids["ministry"], ids["nic"]]  # Nhung's NIC linked
        page = story.organisation_story(s, ids["genetica"], today=TODAY)
        assert "Issue introduction letter to Genetica" in [c.title for c in page.commitments.they_owe]


def test_editing_a_meeting_shows_what_each_follow_up_is_about(qtbot, ctx, ids, engine):
    from app import records
    from db.engine import unit_of_work
    from ui.dialogs.log_meeting import LogMeetingDialog

    with unit_of_work(engine) as s:  # a follow-up of NIC's meeting that is Genetica's
        records.create(
            s,
            "action",
            {"title": "Intro letter", "meeting_id": ids["past_meeting"], "organisation_id": ids["genetica"]},
        )
    dialog = LogMeetingDialog(ctx, ids["past_meeting"])
    qtbot.addWidget(dialog)
    rows = dialog.followups.list
    shown = [
        (rows.topLevelItem(i).text(0), rows.topLevelItem(i).text(1)) for i in range(rows.topLevelItemCount())
    ]
    assert shown == [("Intro letter", "Genetica")]


def test_a_long_organisation_name_ends_in_an_ellipsis_not_mid_letter(qtbot, ctx, ids):
    """Reviewer: the About box showed "Trung tâm Đổi mới sáng tạo Quố" — cut mid-letter, no
    "…". The chosen item is elided, and the tooltip then holds it whole."""
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx, organisation_id=ids["nic"])
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    about = dialog.followups.about
    about.setCurrentIndex(about.findData(f"id:{ids['nic']}"))  # our office: picked, never the default
    full = about.currentText()
    about.setFixedWidth(about.fontMetrics().horizontalAdvance(full) // 2)
    qtbot.waitUntil(lambda: about.shown_text() != full)
    assert about.shown_text().endswith("…") and full.startswith(about.shown_text()[:-1])
    about.grab()  # painted: the tooltip follows what is shown
    assert about.toolTip() == full
    about.setFixedWidth(about.fontMetrics().horizontalAdvance(full) + 200)
    qtbot.waitUntil(lambda: about.shown_text() == full)
    about.grab()
    assert about.toolTip() == "The organisation this follow-up is about"
