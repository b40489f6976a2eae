"""An organisation whose only actions have no date: its page lists them as open commitments and
its timeline does not say there are none. Reviewer h98: MPI's page said "No meetings or actions
yet" right under its two open commitments."""

from __future__ import annotations

from typing import Any

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import show_page


def test_the_timeline_of_undated_actions_does_not_say_there_are_none(qtbot: Any, ctx: Any) -> None:
    from ui.details.pane import DetailPane

    with unit_of_work(ctx.engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Kế hoạch và Đầu tư", "acronym": "MPI"})
        records.create(s, "action", {"title": "Gửi dự thảo quy định", "organisation_id": org})
    pane = DetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    page = show_page(qtbot, pane, "organisation", org)
    assert "Gửi dự thảo quy định" in page
    assert "No meetings or actions yet" not in page
    assert "No meetings yet, and no action with a date." in page
