"""The conflict dialog showed a phone list stored by another save as the database keeps it
("Saved now: +84988777666") beside the officer's own typed the app's way ("Yours: 0959 002 358,
0912 000 111") (reviewer, two officers on one contact): both sides now read as the record's
page writes phones; the database keeps E.164."""

from __future__ import annotations

from typing import Any

from tests.ui.helpers import open_form, saved


def test_both_sides_of_a_phone_clash_are_written_as_the_page_writes_phones(
    qtbot: Any, ctx: Any, ctx_b: Any, ids: dict[str, Any], asked: list[list[list[str]]]
) -> None:
    mine, theirs = (
        open_form(qtbot, ctx, "contact", ids["nhung"]),
        open_form(qtbot, ctx_b, "contact", ids["nhung"]),
    )
    theirs.widgets["phones"].setText("+84988777666")
    saved(qtbot, theirs)
    mine.widgets["phones"].setText("0959002358, 0912000111")
    mine.save()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    rows = {row[0]: row[1:] for row in asked[0]}
    assert rows["Phones"] == ["0988 777 666", "0959 002 358, 0912 000 111"], asked
