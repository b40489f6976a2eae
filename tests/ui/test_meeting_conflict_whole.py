"""Two officers edit the same meeting (Ctrl+E on its page), both add a line to the minutes, one
saves, then the other (reviewer h107). The conflict dialog said "“…” was saved by someone else"
— the meeting's dialog dropped who saved it and when, which the contact form's names — and its
"Yours" column showed the minutes cut ("Quan notes: agreed NDA draft.…"), the line just added
invisible, no tooltip: a choice between overwriting and throwing away text she could not see.
Now it names who saved and when, as the contact's does (on a file: another window or the command
line; on a team database: the colleague and their login), and each side's text is whole: the
cell wraps and grows to all its lines, its tooltip holds it too. Both languages."""

from __future__ import annotations

import os
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel

from app import history, records
from db import clock
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.helpers import open_log_meeting, saved

TIMEOUT = 10_000
BASE = "\n".join(
    [
        "Quan notes: agreed NDA draft.",
        "Genetica to send the pilot data by 15/12.",
        "MOST asks for a one-page summary of the programme.",
        "Budget line for the sequencing pilot still open.",
    ]
)
THEIRS = BASE + "\nQuân: NDA gửi bộ phận pháp chế rà soát trước thứ Sáu."
MINE = BASE + "\nLan: hẹn họp lại với Genetica ngày 18/12 để chốt danh sách dữ liệu chia sẻ."


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> list[dict[str, Any]]:
    """Each conflict dialog as it stood on screen, answered "Keep editing"."""
    from ui.dialogs.conflict import ConflictDialog

    seen: list[dict[str, Any]] = []

    def exec_(dialog: Any) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        table = dialog.table
        rows = []
        for r in range(table.rowCount()):
            cells = []
            for c in (1, 2):
                item = table.item(r, c)
                rect = table.visualItemRect(item)
                needed = table.fontMetrics().boundingRect(
                    QRect(0, 0, rect.width() - 8, 100_000), int(Qt.TextFlag.TextWordWrap), item.text()
                )
                cells.append(
                    {"text": item.text(), "tip": item.toolTip(), "fits": needed.height() <= rect.height()}
                )
            rows.append((table.item(r, 0).text(), cells))
        words = " ".join(w.text() for w in dialog.findChildren(QLabel))
        seen.append({"title": dialog.windowTitle(), "words": words, "rows": rows, "size": dialog.size()})
        dialog.choice = "edit"
        dialog.hide()
        return 0

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return seen


def _both_add_a_line(qtbot: Any, first: Any, second: Any, meeting: int) -> Any:
    start = open_log_meeting(qtbot, first, meeting_id=meeting)
    start.minutes.setPlainText(BASE)
    saved(qtbot, start)
    a = open_log_meeting(qtbot, first, meeting_id=meeting)
    b = open_log_meeting(qtbot, second, meeting_id=meeting)  # both open before A saves
    a.minutes.setPlainText(THEIRS)
    saved(qtbot, a)
    b.minutes.setPlainText(MINE)
    b.save()
    return b


def _saved_at(ctx: Any, meeting: int) -> str:
    with read_session(ctx.engine) as s:
        at = history.record_history(s, "meeting", meeting)[0].at
    return str(ctx.fmt_datetime(clock.local(at)))


def _whole(dialog: dict[str, Any]) -> None:
    ((_field, (theirs, mine)),) = dialog["rows"]
    assert theirs["text"] == THEIRS and mine["text"] == MINE
    assert theirs["fits"] and mine["fits"], dialog  # every line on screen, none cut
    assert "18/12 để chốt danh sách" in mine["tip"] and "pháp chế" in theirs["tip"]
    assert dialog["size"].width() <= 1280 and dialog["size"].height() <= 720


def test_on_a_file_the_meetings_conflict_says_when_and_shows_both_minutes_whole(
    qtbot: Any, ctx: Any, ctx_b: Any, ids: dict[str, Any], shown: list[Any], language: str
) -> None:
    meeting = ids["past_meeting"]
    b = _both_add_a_line(qtbot, ctx, ctx_b, meeting)
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    (dialog,) = shown
    when = _saved_at(ctx_b, meeting)
    if language == "vi":
        assert dialog["title"] == "Đã sửa ở một cửa sổ khác", dialog["title"]
        assert f"lúc {when}" in dialog["words"], dialog["words"]
        assert "người khác" not in dialog["words"]
    else:
        assert dialog["title"] == "Changed in another window"
        assert f"was saved at {when} from another window or the command line" in dialog["words"]
        assert "someone else" not in dialog["words"]
    _whole(dialog)
    assert b.isVisible() and b.minutes.toPlainText() == MINE  # what was typed kept


needs_postgres = pytest.mark.skipif(
    not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
    reason="KETNOI_TEST_POSTGRES_URL not set",
)


@pytest.mark.postgres
@needs_postgres
def test_on_a_team_database_the_meetings_conflict_names_the_colleague_and_the_time(
    qtbot: Any,
    settings: Any,
    shown: list[Any],
    language: str,
    ready: Team,  # noqa: F811
) -> None:
    from ui.context import AppContext

    crew = ready
    lan, minh = (AppContext(open_database(crew.urls[who]), settings) for who in ("lan", "minh"))
    try:
        with unit_of_work(lan.engine) as s:
            meeting = records.create(
                s,
                "meeting",
                {"title": f"Genetica data sharing follow-up {language}", "starts_at": "2026-12-01T09:00"},
            )
        _both_add_a_line(qtbot, lan, minh, meeting)
        qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
        (dialog,) = shown
        when = _saved_at(minh, meeting)
        if language == "vi":
            assert f"Trần Thị Lan (tài khoản {crew.prefix}lan) đã lưu" in dialog["words"], dialog["words"]
        else:
            assert f"Trần Thị Lan (login {crew.prefix}lan) saved" in dialog["words"], dialog["words"]
        assert when in dialog["words"]
        _whole(dialog)
    finally:
        for context in (lan, minh):
            context.tasks.cancel_all()
            context.tasks.wait()
            context.engine.dispose()
