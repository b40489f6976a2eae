"""A window on the sample database says so — in its title and in the status bar — and offers the
way back to the person's own database (reviewer: after ``ketnoi demo`` nothing told the sample
from one's own records, and the real list was imported into it). A window on any other database
shows neither."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app import sample_data
from db.migrate import open_database
from tests.ui.helpers import main_windows
from ui.context import AppContext
from ui.main_window import MainWindow


def _window(qtbot: Any, url: str, settings: Any) -> Any:
    w = MainWindow(AppContext(open_database(url), settings))
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_sample_window_says_so_and_leads_back_to_ones_own(qtbot: Any, settings: Any) -> None:
    from db.paths import default_url

    url = sample_data.ensure_sample()
    others = set(main_windows())
    sample = _window(qtbot, url, settings)
    try:
        assert sample.windowTitle().startswith("Sample data (made-up people)")
        leave = sample.findChild(object, "leave_sample")
        assert leave is not None and leave.isVisible()
        assert leave.text() == "Sample data · Open my database"
        assert "not your own" in leave.toolTip()
        leave.click()
        qtbot.waitUntil(lambda: sample not in main_windows(), timeout=20_000)
        (own,) = [w for w in main_windows() if w not in others]
        assert f"sqlite:///{own.ctx.engine.url.database}" == default_url()
        assert own.findChild(object, "leave_sample") is None
        assert not own.windowTitle().startswith("Sample data")
    finally:
        for w in main_windows():
            if w not in others:
                w.ctx.tasks.cancel_all()
                w.ctx.tasks.wait()
                w.close()


def test_another_database_is_not_marked(qtbot: Any, first: Any) -> None:
    assert first.findChild(object, "leave_sample") is None
    assert first.windowTitle() == "Relationships, meetings, commitments — Ketnoi"
    assert Path(str(first.ctx.engine.url.database)).name == "ketnoi.db"
