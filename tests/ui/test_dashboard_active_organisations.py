"""The dashboard's organisations figure counts the active ones and says so: an organisation
merged into another is not counted, though the Organisations list still shows it, greyed
(reviewer: "17 Organisations" on the dashboard, "19 organisations" under the list, no word why)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import records, reorg
from db.engine import unit_of_work


def test_the_figure_counts_active_organisations_and_says_so(qtbot: Any, window: Any, ctx: Any) -> None:
    dash = window.dashboard
    before = dash.counts["organisations"]
    with unit_of_work(ctx.engine) as s:
        mpi = records.create(s, "organisation", {"name": "Bộ Kế hoạch và Đầu tư", "acronym": "MPI"})
        mof = records.create(s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF"})
        reorg.succeed(s, mpi, [mof], kind="merged", on=dt.date(2025, 3, 1))
    with qtbot.waitSignal(dash.refreshed, timeout=10_000):
        dash.refresh()
    figure = dash.figures["organisations"]
    assert figure.value.text() == str(before + 1)  # (MOF; MPI, merged into it, is not)
    assert figure.caption.text() == "Active organisations"
    assert "list also shows those, greyed" in figure.toolTip()
