"""A record's page: who made a history line is written on a line of its own under it, never after
it with a dash, which read as a value where the value was empty, itself a dash (reviewer h86:
"Responsible (us): Trần Thị Lan → — — Lê Minh Tuấn"); a high-priority action says so."""

from __future__ import annotations

from typing import Any

from app import bulk_edit
from db.engine import unit_of_work


def test_a_colleagues_change_to_empty_reads_plainly(qtbot: Any, window: Any, ctx: Any, ids: Any) -> None:
    with unit_of_work(ctx.engine) as s:
        bulk_edit.set_field(s, "action", [ids["a_later"]], "responsible_staff_id", None, actor="Lê Minh Tuấn")
    window.show_actions("all")
    window.navigate("action", ids["a_later"])
    browser = window.views["action"].detail.browser
    qtbot.waitUntil(lambda: "Lê Minh Tuấn" in browser.toPlainText(), timeout=10_000)
    lines = [line.strip() for line in browser.toPlainText().splitlines()]
    change = next(line for line in lines if line.startswith("Responsible (us):"))
    assert change.endswith("→ —"), lines
    assert "— Lê Minh Tuấn" not in browser.toPlainText()
    assert lines[lines.index(change) + 1] == "Lê Minh Tuấn", lines


def test_a_high_priority_actions_page_says_so(qtbot: Any, window: Any, ctx: Any, ids: Any) -> None:
    """A high-priority action is bold in the list; its page says why (reviewer h86)."""
    with unit_of_work(ctx.engine) as s:
        bulk_edit.set_field(s, "action", [ids["a_later"]], "priority", 1)
    window.show_actions("all")
    window.navigate("action", ids["a_later"])
    browser = window.views["action"].detail.browser
    qtbot.waitUntil(lambda: "Quarterly review" in browser.toPlainText(), timeout=10_000)
    assert "Priority: High" in browser.toPlainText()
