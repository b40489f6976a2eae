"""Who is responsible for an action is shown whole in the actions list on a laptop's screen,
in its overdue rows' bold too, while the title column can give the room (reviewer h108:
"Trần Minh Qu…" cut in the bold overdue rows at 1366×768, the titles beside it whole)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.helpers import sized, wait_idle
from tests.ui.test_list_columns_fit import values_cut


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_responsible_is_whole_in_bold_rows(qtbot: Any, language: str, demo_ctx: Any, size: Any) -> None:
    from app import lists
    from ui.main_window import VIEWS, MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    sized(window, *size)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, demo_ctx)
    window._restore_views_state()  # the list and the page share the width as on a first start
    window.nav.setCurrentRow(VIEWS.index("action"))
    wait_idle(qtbot, demo_ctx)
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: panel.view.isVisible() and panel.model.rowCount() > 0)
    qtbot.wait(150)
    keys = lists.COLUMNS["action"]
    who, title = keys.index("responsible"), keys.index("title")
    for _ in range(20):  # (a fit is queued after each batch of rows)
        if not values_cut(panel.view, who):
            break
        qtbot.wait(100)
    width = panel.view.horizontalHeader().sectionSize
    assert not values_cut(panel.view, who), (width(who), panel.view.sizeHintForColumn(who))
    assert width(title) >= 200  # the titles keep their room
