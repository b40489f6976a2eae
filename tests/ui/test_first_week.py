"""What a new officer met in their first week (reviewer h143, English, 1280×720): each test
drives the real window or dialog and fails on the code before its fix."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import show_page, wait_idle


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("Emily Carter", "Good day, Emily"),
        ("Trần Minh Anh", "Good day, Anh"),
        ("Nguyen Thi Hong Nhung", "Good day, Nhung"),
    ],
)
def test_the_dashboard_greets_by_the_given_name(
    qtbot: Any, ctx: Any, engine: Engine, ids: Any, name: str, greeted: str
) -> None:
    """ "I am" Emily Carter was greeted "Good day, Carter": the last word, right only for a
    Vietnamese name. Now the given name, wherever the name's order puts it."""
    from ui.main_window import MainWindow

    with unit_of_work(engine) as s:
        records.update(s, "staff", ids["me"], {"name": name}, expected_version=None)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: window.dashboard.loaded)
    assert window.dashboard.heading.text().startswith(greeted + " — ")


def test_the_meeting_page_names_our_staff(qtbot: Any, ctx: Any, ids: Any, language: str) -> None:
    """`meeting show` said "Our staff  Emily Carter"; the meeting's page did not name them at
    all. Now it does, in the window's language."""
    from ui.details.pane import DetailPane

    with unit_of_work(ctx.engine) as s:
        emily = records.create(s, "staff", {"name": "Emily Carter"})
        records.update(
            s, "meeting", ids["past_meeting"], {"staff_ids": [emily, ids["colleague"]]}, expected_version=None
        )
    pane = DetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    page = show_page(qtbot, pane, "meeting", ids["past_meeting"])
    said = {"en": "Our staff", "vi": "Cán bộ bên ta"}[language]
    line = next((line for line in page.splitlines() if line.startswith(f"{said}: ")), "")
    assert sorted(line.removeprefix(f"{said}: ").split(", ")) == ["Emily Carter", "Lê Văn Bình"], page


@pytest.fixture
def namesakes(engine: Engine, ids: Any) -> tuple[int, int]:
    """Two contacts, one the other's name without accents (added before the window opens)."""
    with unit_of_work(engine) as s:
        kept = records.create(s, "contact", {"full_name": "Nguyễn Văn Hùng", "emails": ["hung@a.vn"]})
        other = records.create(s, "contact", {"full_name": "Nguyen Van Hung", "emails": ["hung@b.vn"]})
    return int(kept), int(other)


def test_undoing_a_merge_selects_the_contact_brought_back(
    qtbot: Any, namesakes: tuple[int, int], window: Any, ctx: Any
) -> None:
    """README: Ctrl+Z that brings one record back selects it in the list shown. After a merge
    undone the selection stayed on the kept contact (the undo rewrote two records, so it named
    none); now the one brought back from the trash is selected and shown."""
    from PySide6.QtCore import Qt

    from ui.dialogs.duplicates import MergeDialog
    from ui.main_window import VIEWS

    kept, other = namesakes
    window.nav.setCurrentRow(VIEWS.index("contact"))
    panel = window.views["contact"].list
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.row_of(other) >= 0)
    dialog = MergeDialog(ctx, window.commands, "contact", kept, other, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merged_ids == (kept, other), timeout=10_000)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.row_of(other) < 0)
    assert panel.select_id(kept)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.selected_ids() == [other], timeout=10_000)
    assert panel.view.current_id() == other
    qtbot.waitUntil(lambda: window.views["contact"].detail.record_id == other)
