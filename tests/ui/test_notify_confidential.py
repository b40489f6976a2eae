"""The due banner marks a confidential action's title, and the tray's message (which the system
shows over any window and keeps in its notification list) leaves it out (reviewer h103: the
banner named "Viettel gửi 7 đề xuất phát triển UAV", a confidential action, unmarked)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import records
from db.engine import unit_of_work


class _Tray:
    def __init__(self) -> None:
        self.said: list[str] = []

    def showMessage(self, _title: str, text: str, *_args: Any) -> None:
        self.said.append(text)


def test_a_confidential_actions_title_is_marked_in_the_banner_and_left_out_of_the_tray(
    qtbot: Any, ctx: Any, engine: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    from ui.notify import Banner, DueNotifier

    yesterday = ctx.today() - dt.timedelta(days=1)
    with unit_of_work(engine) as s:
        records.create(s, "action", {"title": "Nop bao cao mat", "due_date": yesterday, "confidential": True})
        records.create(s, "action", {"title": "Goi lai Viettel", "due_date": yesterday})
    banner = Banner()
    qtbot.addWidget(banner)
    tray = _Tray()
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    notifier = DueNotifier(ctx, banner, tray)  # type: ignore[arg-type]
    with qtbot.waitSignal(notifier.notified, timeout=10_000):
        notifier.check(force=True)
    shown = banner.detail.toolTip() or banner.detail.text()
    assert "Nop bao cao mat (Confidential)" in shown and "Goi lai Viettel" in shown
    assert len(tray.said) == 1
    assert "Goi lai Viettel" in tray.said[0] and "Nop bao cao mat" not in tray.said[0]
