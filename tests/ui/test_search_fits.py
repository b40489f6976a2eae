"""Search everywhere (Ctrl+K): a long result ends in "…" within the box, its tooltip whole
(reviewer: the list scrolled sideways and cut "…Quốc gi")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.helpers import searched


def test_a_long_result_fits_the_box_and_its_tooltip_has_it_whole(qtbot: Any, ctx: Any) -> None:
    from ui.dialogs.search import SearchDialog

    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)  # (opened as wide as its title: ui.window_titles)
    dialog.resize(220, 300)  # made narrower than "Trung tâm Đổi mới sáng tạo Quốc gia"
    searched(qtbot, dialog, "quoc gia")
    view = dialog.results
    assert view.count() >= 1
    qtbot.wait(50)
    item = view.item(0)
    assert item.text().startswith("Trung tâm Đổi mới sáng tạo Quốc gia")
    assert view.fontMetrics().horizontalAdvance(item.text().split("\n")[0]) > view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0  # no sideways scroll
    assert view.visualItemRect(item).width() <= view.viewport().width()  # drawn elided within it
    assert item.toolTip() == item.text()
    assert view.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_lookups_list_of_matches_is_as_wide_as_its_names_within_the_screen(qtbot: Any, ctx: Any) -> None:
    """Reviewer: "Other organisation" listed "Bộ Khoa học và Công ng…" in a list as narrow as
    its box."""
    from ui.widgets import Lookup

    box = Lookup(ctx, "organisation")
    qtbot.addWidget(box)
    box.resize(120, box.sizeHint().height())
    box.move(40, 40)
    box.show()
    qtbot.waitExposed(box)
    box.setFocus()
    qtbot.keyClicks(box, "khoa hoc")
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    name = box.completer().completionModel().index(0, 0).data()
    assert name.startswith("Bộ Khoa học và Công nghệ")  # the seed's ministry
    assert popup.viewport().width() >= popup.fontMetrics().horizontalAdvance(name)
    screen = box.screen().availableGeometry()
    assert popup.geometry().right() <= screen.right() + 1
