"""Reschedule's reason under the date is read whole in both languages: the dialog grows to
its lines (reviewer h108: in Vietnamese '⚠ "31/11/2026" không phải là ngày: hãy gõ theo dạng
dd/mm/yyyy, ví dụ 15/01/2027' was squeezed into one line's height, the accents cut top and
bottom, and the dialog kept its size), and the reason begins with a capital."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

BEFORE_MEETING = "hạn xử lý sớm hơn cuộc họp đã giao việc này (09/12/2026)"


def _whole(dialog: Any) -> None:
    label = dialog.problem
    assert label.isVisible()
    need = label.heightForWidth(label.width())
    assert label.height() >= need, (label.height(), need, label.text())
    buttons = [dialog.findChild(object, f"reschedule_{w}") for w in ("day", "week", "month", "3workdays")]
    assert all(label.geometry().bottom() < b.geometry().top() for b in buttons)  # nothing drawn over it
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())


@pytest.mark.parametrize("language", ["vi", "en"])
def test_reschedule_grows_to_its_reason(qtbot: Any, qapp: Any, ctx: Any, language: str) -> None:
    from ui import i18n
    from ui.commands import RescheduleDialog

    assert i18n.install(qapp, language) == language
    try:
        dialog = RescheduleDialog(ctx, None, None, lambda _day: BEFORE_MEETING)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.date.setFocus()
        qtbot.keyClicks(dialog.date, "31/11/2026")
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert "31/11/2026" in dialog.problem.text()
        qtbot.wait(50)
        _whole(dialog)

        qtbot.keyClicks(dialog.date, "15/01/2027")
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # a date, refused by the check
        assert dialog.isVisible()
        assert dialog.problem.text() == "⚠ H" + BEFORE_MEETING[1:]  # a sentence: a capital
        qtbot.wait(50)
        _whole(dialog)
    finally:
        i18n.install(qapp, "en")
