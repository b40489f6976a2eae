"""Tools → Letters and Tools → Working days in the real main window: a new outgoing letter from
the form, signed (the register's next number), drafted as .docx; an incoming letter whose reply
is late shows in the banner; the office's make-up Saturday added from the dialog; the dashboard
says when the next holiday begins."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx import Document
from PySide6.QtWidgets import QMessageBox

from app import workdays
from app.letters import register
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle
from ui import file_dialogs


def _open(qtbot: Any, window: Any, ctx: Any) -> Any:
    window.act_letters.trigger()
    dialog = window.letters_dialog
    wait_idle(qtbot, ctx)
    return dialog


def test_a_letter_from_the_form_to_a_signed_draft(
    qtbot: Any, window: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: Any, qtmodeltester: Any
) -> None:
    dialog = _open(qtbot, window, ctx)
    assert dialog.model.rowCount() == 0

    def fill(form: Any) -> None:
        form.subject.setText("Giới thiệu cán bộ đến làm việc")
        form.organisation.setText("NIC")
        form.save()

    monkeypatch.setattr(
        "ui.letters.LetterForm.exec", lambda form: (fill(form), wait_idle(qtbot, ctx))[0] or form.result()
    )
    dialog.buttons["new_out"].click()
    wait_idle(qtbot, ctx)
    qtmodeltester.check(dialog.model, force_py=True)
    assert dialog.model.rowCount() == 1
    dialog.table.selectRow(0)
    assert dialog.buttons["sign"].isEnabled() and not dialog.buttons["sent"].isEnabled()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.buttons["sign"].click()
    wait_idle(qtbot, ctx)
    assert dialog.model.index(0, 0).data() == "01/NIC-HTQT"
    assert "01/NIC-HTQT" in dialog.message.text()

    assert window.ctx.undo_offer and "Giới thiệu cán bộ" in window.ctx.undo_offer[0]  # the save is undoable
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a signed scan")
    monkeypatch.setattr(file_dialogs, "get_open_file_names", lambda *a, **k: ([str(scan)], ""))
    dialog.table.selectRow(0)
    dialog.buttons["attach"].click()
    wait_idle(qtbot, ctx)
    assert "scan.pdf" in dialog.message.text()
    with read_session(engine) as s:
        assert register.get_letter(s, dialog.current_id())["files"] == ["scan.pdf"]

    target = tmp_path / "thu.docx"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    dialog.table.selectRow(0)
    dialog.buttons["draft"].click()
    wait_idle(qtbot, ctx, timeout=120_000)
    texts = [p.text for t in Document(str(target)).tables for c in t._cells for p in c.paragraphs]
    assert "Số: 01/NIC-HTQT" in texts and target.with_suffix(".pdf").is_file()
    dialog.close()


def test_a_late_reply_in_the_banner_and_the_late_filter(
    qtbot: Any, window: Any, ctx: Any, engine: Any
) -> None:
    with unit_of_work(engine) as s:
        register.add_letter(
            s,
            {
                "direction": "incoming",
                "reference": "45/BKHCN-HTQT",
                "letter_date": dt.date(2026, 11, 2),
                "subject": "Đề nghị cử cán bộ",
                "reply_due": dt.date(2026, 11, 13),
            },
        )
    window.notifier.refresh()
    wait_idle(qtbot, ctx)
    assert "letter" in window.banner.text.text()
    dialog = _open(qtbot, window, ctx)
    dialog.late.setChecked(True)
    wait_idle(qtbot, ctx)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 0).data() == "45/BKHCN-HTQT"
    dialog.close()


def test_a_make_up_saturday_from_the_dialog_counts(
    qtbot: Any, window: Any, ctx: Any, engine: Any, monkeypatch: Any
) -> None:
    from PySide6.QtCore import QDate

    from ui.workdays import WorkingDaysDialog

    dialog = WorkingDaysDialog(ctx, window)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, ctx)
    assert dialog.model.rowCount() > 5  # the public holidays of the year
    saturday = dt.date(2026, 11, 28)
    dialog.day.setDate(QDate(2026, 11, 28))
    dialog.working.setChecked(True)
    dialog.note.setText("Làm bù")
    dialog.findChild(type(dialog.remove_button), "workdays_add").click()
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        cal = workdays.load_calendar(s)
    assert cal.is_working_day(saturday)
    assert cal.add(dt.date(2026, 11, 27), 1) == saturday
    assert any(r[0] == saturday and r[3] for r in dialog.model.rows)
    dialog.close()


def test_the_dashboard_says_when_the_next_holiday_begins(window: Any) -> None:
    # the pinned day is Monday 23/11/2026; 24/11 is a public holiday in the holidays package
    assert "24/11/2026" in window.dashboard.holiday.text()


def test_on_the_holiday_itself_the_dashboard_says_when_work_resumes(qtbot: Any, ctx: Any) -> None:
    """Opened on the day off, the line said "Next holiday: …, from 24/11/2026" (last round's
    tester): it says the holiday is now, and the working day it ends on."""
    from db import clock
    from ui.main_window import MainWindow

    clock.set_fixed(dt.datetime(2026, 11, 24, 9, 0))  # Vietnamese Culture Day, a Tuesday
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard.holiday.text() != "", timeout=20_000)
    said = window.dashboard.holiday.text()
    assert said.startswith("Holiday: ") and said.endswith("work resumes on 25/11/2026"), said
    assert "Next holiday" not in said

    from ui.workdays import WorkingDaysDialog

    dialog = WorkingDaysDialog(ctx, window)  # Tools → Working days… says it the same way
    qtbot.addWidget(dialog)
    wait_idle(qtbot, ctx)
    assert dialog.next.text() == said


def test_draft_letter_from_an_action_page(qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]) -> None:
    window.navigate("action", ids["a_overdue"])  # "Gửi thư giới thiệu tới Genetica"
    wait_idle(qtbot, ctx)
    assert window.act_draft_letter in window.record_actions["action"]
    window.act_draft_letter.trigger()
    wait_idle(qtbot, ctx)
    dialog = window.letters_dialog
    wait_idle(qtbot, ctx)
    row = dialog.current()
    assert row is not None and row["action_id"] == ids["a_overdue"] and row["status"] == "draft"
    # the subject without "Gửi thư" nor "tới Genetica": Genetica is the addressee
    assert row["subject"] == "Giới thiệu" and row["template"] == "introduction"
    window.act_draft_letter.trigger()  # again: the same draft, not a second one
    wait_idle(qtbot, ctx)
    assert dialog.model.rowCount() == 1
    dialog.close()


def test_the_banners_show_opens_the_late_letters_when_they_are_all_it_says(
    qtbot: Any, window: Any, ctx: Any, engine: Any
) -> None:
    from app import dashboard

    with unit_of_work(engine) as s:
        register.add_letter(
            s,
            {
                "direction": "incoming",
                "reference": "7/VPCP-KGVX",
                "letter_date": dt.date(2026, 11, 2),
                "subject": "Lấy ý kiến",
                "reply_due": dt.date(2026, 11, 13),
            },
        )
    window.banner.show_summary(dashboard.DueSummary(0, 0, (), 1))
    window.banner.button.click()
    wait_idle(qtbot, ctx)
    dialog = window.letters_dialog
    assert dialog.isVisible() and dialog.late.isChecked()
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == ["07/VPCP-KGVX"]
    dialog.close()


def test_a_draft_to_a_read_only_folder_says_which_file_and_why(
    qtbot: Any, window: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """It said "cannot write /ro/thu.docx: Read-only file system", in English in the Vietnamese
    window too; now the sentence of every chosen file (ui.not_written), through tr()."""
    from PySide6.QtCore import QCoreApplication

    from tests.read_only import read_only
    from tests.ui.test_not_written import _Marked, _said

    with unit_of_work(engine) as s:
        register.add_letter(s, {"subject": "Giới thiệu cán bộ", "symbol": "NIC-HTQT"})
    dialog = _open(qtbot, window, ctx)
    ro = tmp_path / "ro"
    ro.mkdir()
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(ro / "thu.docx"), ""))

    def draft() -> str:
        dialog.table.selectRow(0)
        dialog.buttons["draft"].click()
        wait_idle(qtbot, ctx, timeout=120_000)
        qtbot.waitUntil(lambda: "…" not in dialog.message.text(), timeout=120_000)
        return str(dialog.message.text())

    with read_only(ro):
        _said(draft(), "thu.docx", ro)
        marked = _Marked()
        QCoreApplication.installTranslator(marked)
        try:
            assert draft().startswith("VI thu.docx was not written: ")
        finally:
            QCoreApplication.removeTranslator(marked)
    assert list(ro.iterdir()) == []
    dialog.close()


def test_an_invitation_to_no_meeting_is_refused_naming_what_is_missing(
    qtbot: Any, window: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """Reviewer h119: an invitation tied to no meeting was drafted as "invite you to attend our
    recent meeting." and "Time: , .". The window's Draft now says what is missing, writing
    nothing (tests/app/letters/test_invitation_without_meeting.py: the CLI's --event)."""
    with unit_of_work(engine) as s:
        register.add_letter(
            s,
            {
                "subject": "Mời tham dự Tuần lễ Đổi mới sáng tạo",
                "symbol": "NIC-HTQT",
                "template": "invitation",
            },
        )
    dialog = _open(qtbot, window, ctx)
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "thu.docx"), ""))
    dialog.table.selectRow(0)
    dialog.buttons["draft"].click()
    wait_idle(qtbot, ctx, timeout=120_000)
    qtbot.waitUntil(lambda: "Writing the draft" not in dialog.message.text(), timeout=120_000)
    said = str(dialog.message.text())
    assert "invites to an event but belongs to no meeting" in said
    assert "the event's name, its day and its starting time would be left blank" in said
    assert list(tmp_path.glob("thu*")) == []
    dialog.close()


def test_an_introduction_to_a_new_company_drafted_from_the_window(
    qtbot: Any, window: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """h129: Letters → new outgoing, "Thư giới thiệu" to a company, Draft → .docx. The letter
    says "Quý Công ty", thanks no one for a cooperation that never was, leaves the officer blank
    — and the line below says so, naming the PDF beside the .docx without "(reportlab)", the
    program that drew it, which means nothing to the person reading."""
    from app import records

    with unit_of_work(engine) as s:
        company = records.create(s, "organisation", {"name": "Công ty TNHH Sao Việt", "kind": "enterprise"})
        register.add_letter(
            s,
            {
                "subject": "Giới thiệu Chương trình tăng tốc khởi nghiệp",
                "organisation_id": company,
                "template": "introduction",
            },
        )
    dialog = _open(qtbot, window, ctx)
    target = tmp_path / "gioi-thieu.docx"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    dialog.table.selectRow(0)
    dialog.buttons["draft"].click()
    wait_idle(qtbot, ctx, timeout=120_000)
    said = dialog.message.text()
    assert said.startswith(f"Draft written: {target} and gioi-thieu.pdf")
    assert "reportlab" not in said and "libreoffice" not in said.lower()
    assert "No officer in charge: the contact person is left blank (……) on the draft." in said
    body = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Quý Công ty" in body and "Quý cơ quan" not in body and "trong thời gian qua" not in body
    assert "cán bộ phụ trách" not in body and "ông/bà ……" in body
    dialog.close()
