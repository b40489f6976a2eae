"""File → Backups…: a copy on request, listed with why it was taken, and put back on request."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from app import records
from db.engine import read_session, unit_of_work
from db.models import Organisation


def test_back_up_then_restore_from_the_dialog(qtbot: Any, window: Any, ctx: Any, monkeypatch: Any) -> None:
    from ui.dialogs.backups import BackupsDialog

    assert window.act_backups in window.menus["file"].actions()  # File → Backups…
    dialog = BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.topLevelItemCount() == 0
    dialog.take_button.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1 and not dialog.busy, timeout=10_000)
    assert dialog.list.topLevelItem(0).text(1) == "Copy you asked for"

    with unit_of_work(ctx.engine) as s:  # work done after the copy…
        later = records.create(s, "organisation", {"name": "Công ty thêm sau"})
    changed: list[Any] = []
    ctx.changed.connect(lambda *a: changed.append(a))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and bool(changed), timeout=10_000)
    with read_session(ctx.engine) as s:  # …is gone, and the state it replaced was kept
        assert s.get(Organisation, later) is None
    reasons = [dialog.list.topLevelItem(n).text(1) for n in range(dialog.list.topLevelItemCount())]
    assert "Before a restore" in reasons and "Copy you asked for" in reasons
