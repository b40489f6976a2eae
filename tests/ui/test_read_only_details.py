"""Small things of a window on a file opened read-only: Settings → "New staff member…" writes, so
it is held like every other write command, its tooltip saying why (reviewer: it was enabled, and
adding one ended in an English "Not changed: … is open read-only" in the Vietnamese window); the
map does not offer re-rating by dragging."""

from __future__ import annotations

from typing import Any

from tests.ui.test_read_only_backups_dialog import ro_ctx

__all__ = ["ro_ctx"]


def test_new_staff_member_is_held_and_says_why(qtbot: Any, ro_ctx: Any) -> None:
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ro_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.add_staff.isVisible()
    assert not dialog.add_staff.isEnabled()
    assert "is open read-only" in dialog.add_staff.toolTip()
    assert dialog.staff.isEnabled()  # who I am is a setting of this computer, not of the file


def test_the_maps_hint_does_not_offer_re_rating_by_dragging(qtbot: Any, ro_ctx: Any) -> None:
    """Reviewer: the map of a file opened read-only said "Drag a dot to re-rate it", which it
    does not do there."""
    from PySide6.QtWidgets import QLabel

    from ui.stakeholder_map import MapView

    view = MapView(ro_ctx, commands=None)
    qtbot.addWidget(view)
    hint = view.findChild(QLabel, "map_hint")
    assert not view.canvas.editable
    assert "re-rate" not in hint.text() and hint.text().startswith(
        "Dot size: meetings in the last 12 months. Click a dot to open it."
    )
