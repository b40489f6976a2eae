"""Issue 11: lists to the last row, and change propagation (design, not timing).

- the model knows every id without scrolling (rowCount is the size of the result);
- Ctrl+End reaches the last row, also when pressed before the last ids arrive;
- after a sort or a filter the current record stays selected and shown, or the page clears;
- a save of one row reads that row again without running the list's id query again, while a
  change to what the list sorts by does run it (counted with a SQLAlchemy event listener).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from app import lists, records
from db.engine import read_session
from tests.app.lists.seed import bulk_contacts
from tests.ui.helpers import wait_idle

N = 3_000
ID_QUERY = re.compile(r"^SELECT contact\.id\s+FROM contact\b.*ORDER BY", re.DOTALL)


@pytest.fixture
def id_queries(engine: Any) -> Iterator[list[str]]:
    """Every contacts-list id query the database sees (SELECT contact.id … ORDER BY)."""
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if ID_QUERY.match(statement):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    yield seen
    event.remove(engine, "before_cursor_execute", before)


def _contacts(qtbot: Any, window: Any, engine: Any) -> Any:
    bulk_contacts(engine, N)
    window.nav.setCurrentRow(2)
    panel = window.views["contact"].list
    panel.refresh()  # written behind the window's back
    qtbot.waitUntil(lambda: panel.model.complete, timeout=20_000)
    return panel


def test_row_count_is_the_result_size_without_scrolling(qtbot: Any, window: Any, engine: Any) -> None:
    panel = _contacts(qtbot, window, engine)
    model = panel.model
    with read_session(engine) as s:
        size = lists.count(s, model.query)
        assert model.loaded_ids() == lists.ids(s, model.query)
    assert size == N + 5
    assert model.rowCount() == size  # nothing scrolled
    qtbot.wait(300)  # the columns fit themselves to the rows on screen (ListPanel.fit_columns)
    assert model.rows_fetched <= 2 * model.BLOCK  # only the rows on screen were built
    bar = panel.view.verticalScrollBar()
    visible = panel.view.viewport().height() // panel.view.rowHeight(0)
    assert bar.maximum() >= size - visible - 1  # the scroll bar measures every row
    assert panel.total == size  # the count shown is the ids' count: no count query


def test_ctrl_end_reaches_the_last_row_and_builds_only_its_block(
    qtbot: Any, window: Any, engine: Any
) -> None:
    panel = _contacts(qtbot, window, engine)
    model, view = panel.model, panel.view
    built = model.rows_fetched
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == model.rowCount() - 1
    with read_session(engine) as s:
        last = lists.ids(s, model.query)[-1]
    assert panel.current_id() == last
    qtbot.waitUntil(lambda: model.rows_fetched > built)
    assert model.rows_fetched - built <= 2 * model.BLOCK


def test_ctrl_end_pressed_before_the_last_ids_arrive_goes_there_when_they_do(
    qtbot: Any, window: Any, engine: Any
) -> None:
    panel = _contacts(qtbot, window, engine)
    model, view = panel.model, panel.view
    org = model.columns.index("organisation")
    view.setFocus()
    view.horizontalHeader().setSortIndicator(org, Qt.SortOrder.DescendingOrder)  # sorts
    assert model.rowCount() == model.FIRST and not model.complete  # the first screen only
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.complete, timeout=20_000)
    qtbot.waitUntil(lambda: view.currentIndex().row() == N + 4, timeout=5_000)
    with read_session(engine) as s:
        assert panel.current_id() == lists.ids(s, model.query)[-1]


def test_the_current_record_follows_a_sort_and_a_filter(
    qtbot: Any, window: Any, engine: Any, ids: dict[str, Any]
) -> None:
    panel = _contacts(qtbot, window, engine)
    detail = window.views["contact"].detail
    assert panel.select_id(ids["hung"])
    assert detail.record_id == ids["hung"]
    before = panel.view.currentIndex().row()
    name = panel.model.columns.index("name")
    panel.view.horizontalHeader().setSortIndicator(name, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: panel.model.complete, timeout=20_000)
    qtbot.waitUntil(lambda: panel.current_id() == ids["hung"], timeout=5_000)
    assert panel.view.currentIndex().row() != before  # it moved, and the selection with it
    assert detail.record_id == ids["hung"]
    # a filter that keeps it: still selected; one that leaves it out: the page is cleared
    panel.search.setText("hung")
    panel.apply_filters()
    qtbot.waitUntil(lambda: panel.model.complete, timeout=20_000)
    assert panel.current_id() == ids["hung"] and detail.record_id == ids["hung"]
    panel.search.setText("nhung")
    panel.apply_filters()
    qtbot.waitUntil(lambda: panel.model.complete, timeout=20_000)
    assert panel.current_id() != ids["hung"]
    assert detail.record_id == 0


def test_a_column_the_list_cannot_sort_by_keeps_the_sort(qtbot: Any, window: Any) -> None:
    # an organisation's sectors are a list of values: the only column that does not sort
    panel = window.views["organisation"].list
    header = panel.view.horizontalHeader()
    before = panel.model.query
    sectors = panel.model.columns.index("sectors")
    header.setSortIndicator(sectors, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == panel.model.columns.index("name"))
    assert panel.model.query == before


def test_a_column_shown_from_another_table_sorts(qtbot: Any, window: Any) -> None:
    panel = window.views["contact"].list
    header = panel.view.horizontalHeader()
    email = panel.model.columns.index("email")
    header.setSortIndicator(email, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: panel.model.query.sort == "email" and panel.model.complete, timeout=20_000)
    assert header.sortIndicatorSection() == email
    shown = [panel.model.index(r, email).data() for r in range(panel.model.rowCount())]
    written = [e for e in shown if e]
    assert written and written == sorted(written)
    assert shown[: len(written)] == written  # those without one come last


def _save(qtbot: Any, ctx: Any, record_id: int, values: dict[str, Any]) -> None:
    def work(s: Any) -> int:
        return records.update(s, "contact", record_id, values, expected_version=None)

    ctx.write(work, entity="contact")
    wait_idle(qtbot, ctx)


def test_a_save_reads_its_row_again_without_running_the_id_query(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], id_queries: list[str]
) -> None:
    panel = _contacts(qtbot, window, engine)
    model = panel.model
    assert panel.select_id(ids["hung"])
    row = panel.view.currentIndex().row()
    pos = model.columns.index("position")
    assert model.index(row, pos).data() == "CEO"
    panel.view.viewport().repaint()  # the rows around it, built now rather than during the save
    id_queries.clear()
    built = model.rows_fetched
    _save(qtbot, ctx, ids["hung"], {"position": "Chủ tịch", "notes": "met in Hòa Lạc"})
    assert model.index(row, pos).data() == "Chủ tịch"  # the row was read again…
    assert model.rows_fetched - built <= model.BLOCK  # …with the rows on screen at most
    assert id_queries == []  # …and the list's order was not asked again
    assert window.views["contact"].detail.record_id == ids["hung"]

    # what the list sorts by changed: the id query runs again, and the record stays current
    _save(qtbot, ctx, ids["hung"], {"full_name": "Phạm Quốc Anh"})
    qtbot.waitUntil(lambda: model.complete, timeout=20_000)
    assert len(id_queries) >= 1
    assert panel.current_id() == ids["hung"]
    assert model.row_data(panel.view.currentIndex().row())["name"] == "Phạm Quốc Anh"  # type: ignore[index]
