"""The log-meeting dialog: Esc never throws typed minutes away, and a conflicting save never
writes over someone else's change."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app import records
from db.engine import read_session, unit_of_work


def test_esc_with_typed_text_asks_before_discarding(qtbot, ctx, monkeypatch):
    from ui import widgets
    from ui.dialogs.log_meeting import LogMeetingDialog

    asked: list[str] = []
    answer = [False]

    def confirm(_parent, title):
        asked.append(title)
        return answer[0]

    monkeypatch.setattr(widgets, "confirm_discard", confirm)
    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    assert not dialog.isVisible() and not asked

    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.minutes.setPlainText("Biên bản dài gõ trong cuộc họp")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()  # "keep editing": the text is still there
    assert dialog.minutes.toPlainText() == "Biên bản dài gõ trong cuộc họp"
    answer[0] = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_meeting_conflict_shows_both_versions_and_never_overwrites_silently(
    qtbot, ctx, ids, engine, monkeypatch
):
    from ui.dialogs import log_meeting

    meeting_id = ids["past_meeting"]
    dialog = log_meeting.LogMeetingDialog(ctx, meeting_id)
    qtbot.addWidget(dialog)
    with unit_of_work(engine) as s:  # someone else saves the minutes meanwhile
        version = records.get(s, "meeting", meeting_id)["version"]
        records.update(s, "meeting", meeting_id, {"minutes": "THEIR MINUTES"}, expected_version=version)
    shown: list[object] = []

    def keep_editing(conflict_dialog):
        shown.append(conflict_dialog)
        conflict_dialog.choice = "edit"
        return 0

    monkeypatch.setattr(log_meeting.ConflictDialog, "exec", keep_editing)
    dialog.title.setText("Renamed by me")
    dialog.minutes.setPlainText("MY MINUTES")  # theirs too: a clash (a title alone merges)
    dialog.save()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    dialog.save()  # still the old version: conflicts again instead of writing over theirs
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    with read_session(engine) as s:
        saved = records.get(s, "meeting", meeting_id)
    assert saved["minutes"] == "THEIR MINUTES" and saved["title"] != "Renamed by me"


def test_a_refused_save_is_said_in_the_windows_language(qtbot, ctx, qapp):
    """Reviewer: the Vietnamese Log meeting dialog said "⚠ a title is required" (the service's
    English sentence); the New contact form "⚠ a name is required"."""
    from ui import i18n
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.dialogs.record_form import RecordForm

    assert i18n.install(qapp, "vi") == "vi"
    try:
        dialog = LogMeetingDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.save()  # no title
        qtbot.waitUntil(dialog.errors["title"].isVisible, timeout=10_000)
        assert dialog.errors["title"].text() == "⚠ cần nhập tiêu đề"
        form = RecordForm(ctx, "contact")
        qtbot.addWidget(form)
        form.show()
        shown = form.findChildren(type(dialog.errors["title"]))
        form.save()
        qtbot.waitUntil(lambda: any(label.isVisible() for label in shown), timeout=10_000)
        assert [label.text() for label in shown if label.isVisible()] == ["⚠ cần nhập tên"]
    finally:
        i18n.install(qapp, "en")
        ctx.tasks.wait()
