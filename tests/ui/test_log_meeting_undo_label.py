"""A meeting logged reads the same in Edit → Undo and Undo history whichever way it was logged.

Reviewer: Log meeting saved with a follow-up read "Ghi nhận cuộc họp …" (Logged meeting), saved
without one "Tạo cuộc họp …" (Created meeting), in Undo history of another kind ("New"
against "Log meeting"). Both are "Logged meeting "…"" now (with what came with it, when
something did), of the kind "Log meeting", in English and Vietnamese."""

from __future__ import annotations

from typing import Any

import pytest

from app import undo_history
from db.engine import read_session
from tests.ui.helpers import wait_idle
from ui import i18n
from ui.dialogs import log_meeting


def _log(qtbot: Any, window: Any, ctx: Any, monkeypatch: Any, title: str, followup: bool) -> None:
    """Ctrl+M's dialog, a title typed (and a follow-up added), saved with Ctrl+Enter."""

    def typed_and_saved(dialog: Any) -> int:
        dialog.title.setText(title)
        if followup:  # typed in the follow-up box and added (its + button)
            dialog.followups.what.setText("Gửi tài liệu")
            dialog.followups.add_button.click()
            assert len(dialog.followups.new_items()) == 1
        dialog.save()
        qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
        return 1

    monkeypatch.setattr(log_meeting.LogMeetingDialog, "exec", typed_and_saved)
    window.commands.log_meeting()
    wait_idle(qtbot, ctx)


@pytest.mark.parametrize(
    ("lang", "alone", "with_one"),
    [
        ("en", '&Undo: Logged meeting "Họp riêng"', '&Undo: Logged meeting "Họp có việc" with 1 action'),
        (
            "vi",
            '&Hoàn tác: Ghi nhận cuộc họp "Họp riêng"',
            '&Hoàn tác: Ghi nhận cuộc họp "Họp có việc" cùng 1 việc cần làm',
        ),
    ],
)
def test_log_meeting_with_or_without_a_follow_up_reads_the_same(
    qtbot: Any,
    qapp: Any,
    window: Any,
    ctx: Any,
    engine: Any,
    monkeypatch: Any,
    lang: str,
    alone: str,
    with_one: str,
) -> None:
    assert i18n.install(qapp, lang) == lang
    try:
        _log(qtbot, window, ctx, monkeypatch, "Họp riêng", followup=False)
        qtbot.waitUntil(lambda: window.act_undo.text() == alone, timeout=10_000)
        _log(qtbot, window, ctx, monkeypatch, "Họp có việc", followup=True)
        qtbot.waitUntil(lambda: window.act_undo.text() == with_one, timeout=10_000)
        with read_session(engine) as s:  # View → Undo history: one kind for both
            groups = undo_history.recent_groups(s, limit=2, lang=lang)
        assert [g.kind for g in groups] == ["log_meeting", "log_meeting"]
        assert [g.label for g in groups] == [with_one.split(": ", 1)[1], alone.split(": ", 1)[1]]
    finally:
        i18n.install(qapp, "en")
