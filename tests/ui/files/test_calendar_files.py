"""File → Export calendar / vCard, a list's "Export to calendar…", File → Import calendar
invitation (issue 14 items 1 and 2 in the window)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import calendars, records, vcards
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.mail.test_calendars import _outlook
from ui import file_dialogs

TIMEOUT = 10_000


def test_file_menu_has_the_calendar_and_vcard_entries(window: Any) -> None:
    names = [a.objectName() for a in window.menus["file"].actions()]
    for name in ("act_import_ics", "act_export_ics", "act_export_vcard"):
        assert name in names
    assert window.act_meeting_ics in window.record_actions["meeting"]
    assert window.act_contact_vcard in window.record_actions["contact"]


def test_export_calendar_and_vcard_offer_the_file(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import calendar_files

    target = tmp_path / "lich.ics"
    calendar_files.export_calendar(window, ctx, path=target)
    qtbot.waitUntil(window.file_offer.isVisible, timeout=TIMEOUT)
    assert window.statusBar().currentMessage().startswith("Calendar written: ")
    cal = Calendar.from_ical(target.read_bytes())
    with read_session(ctx.engine) as s:
        upcoming = calendars.upcoming_meeting_ids(s)
    assert len(cal.walk("VEVENT")) >= len(upcoming)
    vcf = tmp_path / "danh ba.vcf"
    ctx.status_message.emit("")
    calendar_files.export_vcards(window, ctx, contact_ids=None, path=vcf)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("vCard written"), timeout=TIMEOUT)
    with read_session(ctx.engine) as s:
        assert len(vcards.parse_cards(vcf.read_text(encoding="utf-8"))) == len(vcards.live_contact_ids(s))


def test_a_selected_meeting_goes_to_the_calendar_alone(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import calendar_files

    with read_session(ctx.engine) as s:
        any_meeting = s.scalars(select(m.Meeting.id).order_by(m.Meeting.id)).first()
    target = tmp_path / "one.ics"
    calendar_files.export_calendar(window, ctx, meeting_ids=[any_meeting], path=target)
    qtbot.waitUntil(window.file_offer.isVisible, timeout=TIMEOUT)
    cal = Calendar.from_ical(target.read_bytes())
    assert len(cal.walk("VEVENT")) == 1 and str(cal.walk("VEVENT")[0]["UID"]).startswith(
        f"meeting-{any_meeting}@"
    )


def test_an_invitation_is_shown_then_imported_once(qtbot: Any, window: Any, ctx: Any, tmp_path: Path) -> None:
    from ui import calendar_files

    ics = tmp_path / "invite.ics"
    ics.write_bytes(_outlook())
    seen: list[Any] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "invitation_dialog":
            QTimer.singleShot(50, answer)
            return
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "huy@vinbio.vn":
                item.setCheckState(Qt.CheckState.Checked)
        dialog.accept()

    QTimer.singleShot(50, answer)
    calendar_files.import_invitation(window, ctx, ics)
    qtbot.waitUntil(
        lambda: "Meeting created from the invitation" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    assert any("Add as contact: Phạm Quốc Huy <huy@vinbio.vn>" in t for t in seen[0])
    calendar_files.import_invitation(window, ctx, ics, ask=False)
    qtbot.waitUntil(lambda: "changes nothing" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    with read_session(ctx.engine) as s:
        inv = calendars.read_ics(_outlook(), "invite.ics")
        plan = calendars.plan_invitation(s, inv)
        assert plan.meeting_id is not None
        names = [a["full_name"] for a in records.get(s, "meeting", plan.meeting_id)["attendees"]]
    assert "Phạm Quốc Huy" in names
    window.navigate("meeting", plan.meeting_id)  # its page says where it came from
    pane = window.views["meeting"].detail
    qtbot.waitUntil(lambda: "Họp Genetica" in pane.browser.toPlainText(), timeout=TIMEOUT)
    assert "From a calendar invitation by Trần Minh Anh <anh@nic.gov.vn>" in pane.browser.toPlainText()


def test_a_garbage_invitation_says_why(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import calendar_files

    shown: list[str] = []
    monkeypatch.setattr(calendar_files.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"\x00garbage" * 50)
    calendar_files.import_invitation(window, ctx, bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert shown == [
        "bad.ics: not a calendar file (.ics): it does not start with BEGIN:VCALENDAR. Choose the "
        "invitation's .ics file (attached to the e-mail, or saved from the calendar)."
    ]


def test_a_broken_invitation_dropped_on_the_vietnamese_window_says_why_in_vietnamese(
    qtbot: Any, window: Any, ctx: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Vietnamese window said "Họp NIC.ics: the event has no start (DTSTART)" in English."""
    from ui import calendar_files, i18n
    from ui.calendar_drops import CalendarDrops

    shown: list[str] = []
    monkeypatch.setattr(calendar_files.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "Họp NIC.ics"
    bad.write_bytes(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:h1@x\r\nSUMMARY:Họp NIC\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n".encode()
    )
    assert i18n.install(qapp, "vi") == "vi"
    try:
        window.findChild(CalendarDrops).open([bad])  # as a drop on the window does
        qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    finally:
        i18n.install(qapp, "en")
    assert shown == [
        "Họp NIC.ics: sự kiện không có thời điểm bắt đầu (DTSTART) nên không biết cuộc họp diễn ra khi "
        "nào. Hãy nhờ người tổ chức gửi lại lời mời, hoặc tự ghi cuộc họp (Ghi nhận cuộc họp…)."
    ]


def test_the_dialog_words_the_notes_in_the_windows_language(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.calendar_files import InvitationDialog, _Read

    inv = calendars.read_ics(_outlook(), "invite.ics")
    with read_session(ctx.engine) as s:
        plan = calendars.plan_invitation(s, inv)
    dialog = InvitationDialog(_Read(inv, plan))
    qtbot.addWidget(dialog)
    notes = dialog.findChild(QLabel, "invitation_notes")
    assert notes is not None and notes.text() == "A repeating event: only its first occurrence is imported."
    assert inv.warnings == ["a repeating event: only its first occurrence is imported"]  # the CLI's


def test_a_vcf_goes_through_the_import_wizard(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    from ui.import_wizard import open_import_wizard
    from ui.import_wizard.wizard import PAGE_COMMIT, PAGE_MAPPING, PAGE_PREVIEW

    path = tmp_path / "điện thoại.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Phạm Quốc Huy\r\nN:Phạm;Huy;Quốc;;\r\nORG:VinBio\r\n"
        "TEL;TYPE=CELL:0912 345 678\r\nEMAIL;TYPE=WORK:huy@vinbio.vn\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nTEL:0903 112 233\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    w = open_import_wizard(None, ctx, path)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    tree = w.file_page.tree
    assert tree.topLevelItem(0).text(0) == "điện thoại" and tree.topLevelItem(0).text(1) == "Contacts"
    assert tree.topLevelItem(0).text(2) == "—"  # no header row: card N is row N
    w.next()
    assert w.currentId() == PAGE_MAPPING
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    counts = w.preview_page.model.counts()
    assert counts["new"] == 1 and counts["error"] == 1
    w.preview_page.show_only(("error",))
    assert w.preview_page.model.row_at(0).row == 2  # the second card
    w.preview_page.show_only(None)
    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    with read_session(ctx.engine) as s:
        (cid,) = s.scalars(select(m.Contact.id).where(m.Contact.full_name == "Phạm Quốc Huy")).all()
        assert records.get(s, "contact", cid)["phones"] == ["+84912345678"]
    w.accept()


def test_export_to_calendar_on_the_selected_meetings(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    target = tmp_path / "chon.ics"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    import datetime as dt

    from db.engine import unit_of_work
    from ui.main_window import VIEWS

    with unit_of_work(ctx.engine) as s:
        for day in (10, 11):
            records.create(
                s, "meeting", {"title": f"Họp {day}", "starts_at": dt.datetime(2026, 12, day, 9, 0)}
            )
    window.nav.setCurrentRow(VIEWS.index("meeting"))
    view = window.views["meeting"]
    view.list.refresh()
    qtbot.waitUntil(lambda: view.list.total >= 2, timeout=TIMEOUT)
    with qtbot.waitSignal(view.list.selection_complete, timeout=TIMEOUT):
        view.list.select_all()
    chosen = view.list.selected_ids()
    assert len(chosen) > 1
    window.act_meeting_ics.trigger()
    qtbot.waitUntil(window.file_offer.isVisible, timeout=TIMEOUT)
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    with read_session(ctx.engine) as s:
        emails = set(s.scalars(select(m.Meeting.id).where(m.Meeting.kind == "email")).all())
    assert sorted(int(str(e["UID"]).split("@")[0].split("-")[1]) for e in events) == sorted(
        set(chosen) - emails
    )
    assert not Calendar.from_ical(target.read_bytes()).walk("VTODO")
    view.list.view.clearSelection()
    view.detail.record_id = None
    window.act_meeting_ics.trigger()
    assert window.statusBar().currentMessage() == "Select the meetings to export first."


def test_an_ics_and_a_vcf_dropped_on_the_window(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from ui import calendar_files
    from ui.calendar_drops import CalendarDrops

    opened: list[tuple[str, Path]] = []
    monkeypatch.setattr(calendar_files, "import_invitation", lambda _w, _c, p: opened.append(("ics", p)))
    monkeypatch.setattr("ui.import_wizard.open_import_wizard", lambda _w, _c, p: opened.append(("vcf", p)))
    drops = window.findChild(CalendarDrops)  # what Qt calls for a drop on the window (offscreen has no drag)

    def drop(path: Path) -> bool:
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        return bool(drops.eventFilter(window, event) and event.isAccepted())

    ics, vcf, txt = tmp_path / "a.ics", tmp_path / "b.VCF", tmp_path / "c.txt"
    assert drop(ics) and drop(vcf) and not drop(txt)
    assert opened == [("ics", ics), ("vcf", vcf)]


def test_an_organisers_cancellation_asks_then_moves_the_meeting_to_the_trash(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.app.mail.test_calendar_cancel import UID, write_ics
    from ui import calendar_files

    calendar_files.import_invitation(window, ctx, write_ics(tmp_path / "invite.ics"), ask=False)
    qtbot.waitUntil(
        lambda: "Meeting created from the invitation" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    cancel = write_ics(tmp_path / "Canceled.ics", method="CANCEL", status="CANCELLED", seq=1)
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "cancel_invitation":
            QTimer.singleShot(50, answer)
            return
        asked.append(box.text())
        (move,) = [b for b in box.buttons() if b.text() == "Move to trash"]
        move.click()

    QTimer.singleShot(50, answer)
    calendar_files.import_invitation(window, ctx, cancel)
    said = "Meeting “Họp Genetica về hợp tác” on 03/12/2026 09:30 cancelled by the organiser: moved to the trash."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said, timeout=TIMEOUT)
    assert asked == [
        "The organiser cancelled the meeting “Họp Genetica về hợp tác” on 03/12/2026 09:30. Move it to the trash?"
    ]
    with read_session(ctx.engine) as s:
        plan = calendars.plan_invitation(s, calendars.read_ics(cancel.read_bytes(), cancel.name))
        assert plan.meeting_id is not None and plan.in_trash and plan.cancel == "in_trash"
        assert s.scalar(select(m.MeetingCalendar.meeting_id).where(m.MeetingCalendar.ical_uid == UID))
    # Again, and one for a meeting never imported: said, nothing written, no question.
    shown: list[str] = []
    monkeypatch.setattr(calendar_files.QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    calendar_files.import_invitation(window, ctx, cancel)
    stranger = write_ics(tmp_path / "other.ics", uid="x@google.com", method="CANCEL", title="Họp lạ")
    calendar_files.import_invitation(window, ctx, stranger)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=TIMEOUT)
    assert sorted(shown) == [
        "Meeting “Họp Genetica về hợp tác” on 03/12/2026 09:30 was cancelled by the organiser: "
        "it is in the trash already.",
        "other.ics: the organiser cancelled “Họp lạ” on 03/12/2026 09:30, a meeting not in Ketnoi: nothing imported.",
    ]
    with read_session(ctx.engine) as s:
        assert s.scalar(select(m.Meeting.id).where(m.Meeting.title == "Họp lạ")) is None


def test_the_cancellation_sentences_in_vietnamese(qapp: Any, tmp_path: Path) -> None:
    from tests.app.mail.test_calendar_cancel import write_ics
    from ui import i18n
    from ui.calendar_files import cancel_text

    inv = calendars.read_ics(write_ics(tmp_path / "c.ics", method="CANCEL").read_bytes(), "c.ics")
    plan = calendars.Plan(None, None, False, [], [], [], None, "not_found")
    assert i18n.install(qapp, "vi") == "vi"
    try:
        words = {code: cancel_text(code, inv, plan) for code in ("ask", *calendars.CANCEL_OUTCOMES)}
    finally:
        i18n.install(qapp, "en")
    assert words["cancelled"] == (
        "Cuộc họp “Họp Genetica về hợp tác” ngày 03/12/2026 09:30 đã bị người tổ chức huỷ: đã chuyển vào thùng rác."
    )
    assert words["not_found"] == (
        "c.ics: người tổ chức đã huỷ “Họp Genetica về hợp tác” ngày 03/12/2026 09:30, một cuộc họp không có "
        "trong Ketnoi: không nhập gì."
    )
    english = {code: cancel_text(code, inv, plan) for code in words}
    assert all(words[c] != english[c] for c in words)  # every sentence has its Vietnamese


def test_an_older_invitation_dropped_in_says_nothing_changed(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path
) -> None:
    from tests.app.mail.test_calendar_cancel import write_ics
    from ui import calendar_files

    calendar_files.import_invitation(window, ctx, write_ics(tmp_path / "moved.ics", seq=2), ask=False)
    qtbot.waitUntil(
        lambda: "Meeting created from the invitation" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    calendar_files.import_invitation(window, ctx, write_ics(tmp_path / "first.ics", seq=0), ask=False)
    qtbot.waitUntil(
        lambda: (
            "older than the one “Họp Genetica về hợp tác” came from" in window.statusBar().currentMessage()
        ),
        timeout=TIMEOUT,
    )
    assert "nothing changed" in window.statusBar().currentMessage()


def test_an_older_invitation_opened_says_so_in_a_box_and_offers_nothing(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.app.mail.test_calendar_cancel import write_ics
    from ui import calendar_files

    calendar_files.import_invitation(window, ctx, write_ics(tmp_path / "moved.ics", seq=2), ask=False)
    qtbot.waitUntil(
        lambda: "Meeting created from the invitation" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    offered: list[Any] = []
    monkeypatch.setattr(calendar_files.InvitationDialog, "exec", lambda self: offered.append(self) or 0)
    calendar_files.import_invitation(window, ctx, write_ics(tmp_path / "first.ics", seq=0), ask=True)
    qtbot.waitUntil(lambda: bool(said), timeout=TIMEOUT)
    assert not offered and "older than the one “Họp Genetica về hợp tác” came from" in said[0]


def test_export_calendar_and_vcard_to_a_read_only_folder_say_which_file_and_why(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They said "OSError: [Errno 30] Read-only file system: '/ro/.ketnoi-6qgy8uwi'" (a Python
    type and a temporary name), in English in the Vietnamese window too."""
    from PySide6.QtCore import QCoreApplication

    from tests.read_only import read_only
    from tests.ui.test_not_written import _Marked, _said
    from ui import calendar_files

    shown: list[str] = []
    monkeypatch.setattr(calendar_files.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    ro = tmp_path / "ro"
    ro.mkdir()
    with read_only(ro):
        calendar_files.export_calendar(None, ctx, path=ro / "k.ics")
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=TIMEOUT)
        _said(shown[0], "k.ics", ro)
        marked = _Marked()  # the person's language: the sentence goes through tr()
        QCoreApplication.installTranslator(marked)
        try:
            calendar_files.export_vcards(None, ctx, path=ro / "k.vcf")
            qtbot.waitUntil(lambda: len(shown) == 2, timeout=TIMEOUT)
        finally:
            QCoreApplication.removeTranslator(marked)
        assert shown[1].startswith("VI k.vcf was not written: "), shown[1]
        assert list(ro.iterdir()) == []
    calendar_files.export_vcards(None, ctx, path=tmp_path / "nodir" / "k.vcf")
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=TIMEOUT)
    assert shown[2] == f"k.vcf was not written: there is no folder {tmp_path / 'nodir'}."
    assert not (tmp_path / "nodir").exists()


def test_a_revised_invitation_lists_what_it_changes_old_to_new(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    """Reviewer h12: the preview said "Updates meeting #9" and not that it moved 14:00 → 15:00."""
    import datetime as dt

    from PySide6.QtWidgets import QLabel

    from tests.app.mail.test_calendar_cancel import write_ics
    from ui.calendar_files import InvitationDialog, _Read

    start = dt.datetime(2026, 12, 18, 14, 0)
    first = write_ics(tmp_path / "invite.ics", start=start)
    with unit_of_work(ctx.engine) as s:
        calendars.import_invitation(s, calendars.read_ics(first.read_bytes(), "invite.ics"))
    revised = write_ics(tmp_path / "invite2.ics", start=start + dt.timedelta(hours=1), seq=1)
    inv = calendars.read_ics(revised.read_bytes(), "invite2.ics")
    with read_session(ctx.engine) as s:
        plan = calendars.plan_invitation(s, inv)
    dialog = InvitationDialog(_Read(inv, plan))
    qtbot.addWidget(dialog)
    changes = dialog.findChild(QLabel, "invitation_changes")
    assert changes is not None
    assert changes.text().splitlines() == ["Starts: 14:00 → 15:00", "Ends: 15:30 → 16:30"]
    same = calendars.read_ics(first.read_bytes(), "invite.ics")
    with read_session(ctx.engine) as s:
        plan = calendars.plan_invitation(s, same)
    dialog = InvitationDialog(_Read(same, plan))
    qtbot.addWidget(dialog)
    unchanged = dialog.findChild(QLabel, "invitation_changes")
    assert unchanged is not None and unchanged.text() == "No change to the title, time, location or agenda."


def test_export_to_calendar_on_the_selected_actions(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviewer h96: File → Export calendar wrote every open action of the office; an officer
    wanted her own follow-ups. The Actions list's selection goes alone; one without a due date
    is left out, and the status bar says how many and why."""
    import datetime as dt

    from PySide6.QtCore import QItemSelectionModel

    from ui.main_window import VIEWS

    target = tmp_path / "viec.ics"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    with unit_of_work(ctx.engine) as s:
        mine = records.create(s, "action", {"title": "Gửi thư giới thiệu", "due_date": dt.date(2026, 12, 10)})
        undated = records.create(s, "action", {"title": "Hẹn lịch gặp lại"})
        records.create(s, "action", {"title": "Việc của người khác", "due_date": dt.date(2026, 12, 11)})
    assert window.act_action_ics in window.record_actions["action"]
    window.nav.setCurrentRow(VIEWS.index("action"))
    view = window.views["action"]
    view.list.refresh()
    qtbot.waitUntil(
        lambda: view.list.model.complete and view.list.model.row_of(undated) >= 0, timeout=TIMEOUT
    )
    assert view.list.select_id(mine)
    other = view.list.model.index(view.list.model.row_of(undated), 0)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.list.view.selectionModel().select(other, flags)
    assert sorted(view.list.selected_ids()) == sorted([mine, undated])
    window.act_action_ics.trigger()
    qtbot.waitUntil(window.file_offer.isVisible, timeout=TIMEOUT)
    cal = Calendar.from_ical(target.read_bytes())
    uids = [str(c["UID"]).split("@")[0] for c in cal.walk() if c.name in ("VEVENT", "VTODO")]
    assert uids == [f"action-{mine}"]
    said = window.statusBar().currentMessage()
    assert said.startswith("Calendar written: 1 open action as all-day reminders → ")
    assert "(1 left out: done, cancelled or without a due date)" in said
    view.list.view.clearSelection()
    view.detail.record_id = None
    window.act_action_ics.trigger()
    assert window.statusBar().currentMessage() == "Select the actions to export first."
