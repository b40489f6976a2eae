"""The window refuses a date outside those Ketnoi keeps (01/03/1900 to 31/12/2200,
app.dateranges), said beside the field in the window's language (reviewer h118: a meeting at
31/12/9999 23:30 could be logged, and a due date of 31/12/9999 then broke the calendar export
and Reschedule)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime

from ui.dialogs.record_form import RecordForm


@pytest.fixture
def vietnamese(qapp: Any) -> Iterator[None]:
    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    yield
    i18n.install(qapp, "en")


def test_the_new_action_form_refuses_a_due_date_of_9999(qtbot: Any, ctx: Any, vietnamese: None) -> None:
    form = RecordForm(ctx, "action")
    qtbot.addWidget(form)
    form.show()
    form.widgets["title"].setText("Gửi thư mời Genetica")
    form.widgets["due_date"].setText("31/12/9999")
    form.save()
    qtbot.waitUntil(form.errors["due_date"].isVisible, timeout=10_000)
    qtbot.waitUntil(form.buttons.isEnabled, timeout=10_000)
    assert form.errors["due_date"].text() == (
        "⚠ “31/12/9999” nằm ngoài khoảng ngày Ketnoi lưu (từ 01/03/1900 đến 31/12/2200)"
    )
    assert form.isVisible()


def test_log_meeting_refuses_a_meeting_in_9999(qtbot: Any, ctx: Any, vietnamese: None) -> None:
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Họp năm 9999")
    dialog.when.setDateTime(QDateTime(QDate(9999, 12, 31), QTime(23, 30)))
    dialog.save()
    qtbot.waitUntil(dialog.errors["starts_at"].isVisible, timeout=10_000)
    assert (
        "nằm ngoài khoảng ngày Ketnoi lưu (từ 01/03/1900 đến 31/12/2200)" in dialog.errors["starts_at"].text()
    )
    assert dialog.isVisible()
    with ctx.read() as s:
        from sqlalchemy import text

        assert s.execute(text("SELECT count(*) FROM meeting WHERE title = 'Họp năm 9999'")).scalar() == 0
