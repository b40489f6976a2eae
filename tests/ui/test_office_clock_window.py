"""The window keeps the office's time (Hanoi), whatever the laptop's zone (h144): a record's
history shows a save at Hanoi's time (two hours off on a laptop moved to Tokyo, seven on one in
Etc/UTC), and Log meeting starts at Hanoi's "now" (Tokyo's 10:05 was offered, and kept, as
Hanoi's 10:05)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from sqlalchemy.engine import Engine

from app import records
from db import clock
from db.engine import unit_of_work
from tests.helpers import laptop_zone
from tests.ui.helpers import open_log_meeting


@pytest.fixture(params=["Asia/Tokyo", "Etc/UTC"])
def abroad(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The laptop's own zone for the test."""
    with laptop_zone(monkeypatch, request.param) as zone:
        yield zone


def test_a_records_history_shows_the_offices_time(qtbot: Any, ctx: Any, engine: Engine, abroad: str) -> None:
    from ui.history import HistoryDialog

    clock.set_fixed(dt.datetime(2026, 12, 7, 1, 32, tzinfo=dt.UTC), ticking=False)  # 08:32 in Hanoi
    with unit_of_work(engine) as s:
        aid = records.create(s, "action", {"title": "Gửi công văn", "due_date": dt.date(2026, 12, 14)})
    clock.set_fixed(dt.datetime(2026, 12, 7, 17, 10, tzinfo=dt.UTC), ticking=False)  # 00:10 on 08/12
    with unit_of_work(engine) as s:
        v = records.get(s, "action", aid)["version"]
        records.update(s, "action", aid, {"due_date": dt.date(2026, 12, 15)}, expected_version=v)
    dialog = HistoryDialog(ctx, "action", aid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() >= 2, timeout=10_000)
    model = dialog.model
    shown = {model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())}
    assert {"07/12/2026 08:32", "08/12/2026 00:10"} <= shown, shown


def test_log_meeting_starts_at_the_offices_now(
    qtbot: Any, ctx: Any, ids: dict[str, Any], abroad: str
) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 1, 5, tzinfo=dt.UTC), ticking=False)  # 08:05 in Hanoi
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["genetica"])
    assert dialog.when.dateTime() == QDateTime(QDate(2026, 12, 7), QTime(8, 5))
