"""An action's page listed its history with no names ("06/12/2026 09:35 Status: Open → Done")
while Record → History said Nguyễn Thị Hoa made the change (reviewer, team database). A page's
history line now says who made it when it was someone else — and on a team database every
line does —; the contact's role history the same. A change of your own on a file one person
uses stays as it was, without your name on every line."""

from __future__ import annotations

from typing import Any

from app import records
from app.story import story
from db.engine import read_session, unit_of_work
from tests.ui.helpers import show_page

HOA = "Nguyễn Thị Hoa"
ME = "Trần Minh Anh"  # the staff member chosen under Settings → I am (tests/app/lists/seed.py)


def _edits(ctx: Any, ids: dict[str, Any]) -> None:
    with unit_of_work(ctx.engine) as s:
        records.update(s, "action", ids["a_today"], {"status": "done"}, expected_version=None, actor=HOA)
        records.update(s, "action", ids["a_today"], {"notes": "Đã gửi"}, expected_version=None, actor=ME)
        records.update(
            s, "contact", ids["nhung"], {"position": "Phó Giám đốc"}, expected_version=None, actor=HOA
        )


def _line(page: str, words: str) -> str:
    return next(line for line in page.splitlines() if words in line)


def _by(page: str, words: str) -> str:
    """The line under the history line with ``words``: who made it (ui.details.story._by)."""
    lines = page.splitlines()
    return lines[lines.index(_line(page, words)) + 1].strip()


def test_a_colleagues_change_says_who_on_the_page_and_yours_does_not(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from ui.details.pane import DetailPane

    _edits(ctx, ids)
    pane = DetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    page = show_page(qtbot, pane, "action", ids["a_today"])
    assert _line(page, "Status:").endswith("Open → Done") and _by(page, "Status:") == HOA, page
    assert _line(page, "Notes:") == "Notes: — → Đã gửi", page  # yours: no name
    assert _by(page, "Notes:") != ME, page
    page = show_page(qtbot, pane, "contact", ids["nhung"])
    assert _line(page, "Position:").endswith("→ Phó Giám đốc") and _by(page, "Position:") == HOA, page


def test_on_a_team_database_every_line_says_who(ctx: Any, ids: dict[str, Any]) -> None:
    from ui.details.story import render

    _edits(ctx, ids)
    with read_session(ctx.engine) as s:
        action = story(s, "action", ids["a_today"], today=ctx.today())
    page = render(action, ctx.settings, "")  # (a team database: who reads is no matter)
    assert f"Done<br><span class='muted'>{HOA}</span>" in page
    assert f"Đã gửi<br><span class='muted'>{ME}</span>" in page
