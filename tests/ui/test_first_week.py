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
