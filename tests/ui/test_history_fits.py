"""The History window on a laptop (1366×768, 1280×720), in English and Vietnamese: the Change
column says each change whole, Before and After keep room for their values, and a value longer
than its column goes on over more lines (its tooltip has it whole). A reviewer saw the Change
column cut at a third of the table ("Reorganisation: merged on 01/03/2025 (Nghị quyết …") beside
wide Before and After columns holding a few words each."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle

SIZES = [(1366, 768), (1280, 720)]


def _history(qtbot: Any, ctx: Any, entity: str, record_id: int, screen: tuple[int, int]) -> Any:
    """The record's History window as big as it opens on a screen this size (the offscreen
    test screen is smaller), its rows read."""
    from ui.history import show_history
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = show_history(window, ctx, entity, record_id)
    dialog.resize(min(1120, screen[0] - 40), min(560, screen[1] - 60))
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    return dialog


def _drawn(table: Any, row: int, column: int) -> int:
    """How wide the cell's text is on one line, with its icon."""
    index = table.model().index(row, column)
    width = table.fontMetrics().horizontalAdvance(str(index.data()))
    if index.data(1) is not None:  # Qt.DecorationRole
        width += table.iconSize().width() + 4
    return width


@pytest.mark.parametrize("screen", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_change_is_whole_and_the_values_keep_room(
    qtbot: Any, language: str, demo_ctx: Any, screen: tuple[int, int]
) -> None:
    with demo_ctx.engine.connect() as c:  # the ministry a reorganisation merged into (the demo)
        mof = int(c.execute(text("SELECT id FROM organisation WHERE acronym = 'MOF'")).scalar_one())
    dialog = _history(qtbot, demo_ctx, "organisation", mof, screen)
    table, model = dialog.table, dialog.model
    changes = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert any("176/2025/QH15" in c for c in changes), changes  # the reorganisation's row
    longest = max(range(model.rowCount()), key=lambda r: _drawn(table, r, 2))
    assert _drawn(table, longest, 2) <= table.columnWidth(2), (changes[longest], table.columnWidth(2))
    room = table.viewport().width() - table.columnWidth(0) - table.columnWidth(1)
    for column in (3, 4):  # each value column keeps a fifth of the room (or what it needs)
        need = max(_drawn(table, r, column) for r in range(model.rowCount()))
        assert table.columnWidth(column) >= min(need, room // 5), (column, table.columnWidth(column))
    assert not table.horizontalScrollBar().isVisible()


def test_a_long_value_goes_on_over_more_lines_and_its_tooltip_has_it_whole(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from PySide6.QtCore import Qt

    long = "Gặp lãnh đạo Trung tâm để trao đổi về chương trình hỗ trợ khởi nghiệp đổi mới sáng tạo năm 2027 tại Hà Nội"
    with unit_of_work(ctx.engine) as s:  # the notes rewritten: a long value before and after
        records.update(s, "contact", ids["dang"], {"notes": long.upper()}, expected_version=None)
        records.update(s, "contact", ids["dang"], {"notes": long}, expected_version=None)
    wait_idle(qtbot, ctx)
    dialog = _history(qtbot, ctx, "contact", ids["dang"], (1366, 768))
    table, model = dialog.table, dialog.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 4).data() == long)
    assert model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == long
    assert _drawn(table, row, 4) > table.columnWidth(4)  # too long for one line here
    assert table.rowHeight(row) >= 2 * table.fontMetrics().lineSpacing()  # so it is on two or more
    created = model.rowCount() - 1  # "Created": one line, as tall as a list's row
    assert model.index(created, 2).data() == "Created"
    assert table.rowHeight(created) < table.rowHeight(row)
