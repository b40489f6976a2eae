"""Ctrl+K ranks the people called what was typed first (reviewer h149 typed "Hà": the
organisations in Hà Nội came first, then the four Hà mixed with Hải and Hạnh), and Enter opens
the first of them; an organisation that only lies in Hà Nội comes after every name match."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.app import search_people
from tests.ui.test_keyboard_flows import type_into

ELSEWHERE = [  # found by another field, after every name match, by title
    "Bộ Khoa học và Công nghệ (MOST)",  # the window's seed (tests/app/lists/seed.py): in Hà Nội
    "Đỗ Minh Tuấn",  # an e-mail at hanoi-lab
    "FPT Corporation (FPT)",  # in Hà Nội
    "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)",  # the window's seed: in Hà Nội
]


def _typed(qtbot: Any, ctx: Any, text: str) -> Any:
    from ui.dialogs.search import SearchDialog

    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.box)
    type_into(dialog.box, text)  # (as a Vietnamese keyboard gives "à": QTest types ASCII only)
    assert dialog.box.text() == text
    qtbot.waitUntil(lambda: dialog.results.count() > 0 and not ctx.tasks.busy(), timeout=10_000)
    return dialog


def _titles(dialog: Any) -> list[str]:
    return [dialog.results.item(i).text().split("\n")[0] for i in range(dialog.results.count())]


def test_ha_typed_with_its_mark_lists_the_people_called_ha_first(qtbot: Any, ctx: Any, ids: Any) -> None:
    people = search_people.seed(ctx.engine)
    dialog = _typed(qtbot, ctx, "Hà")
    names = [t for t in search_people.HA_TYPED if t not in search_people.ELSEWHERE]
    assert _titles(dialog) == [*names, *ELSEWHERE]
    assert dialog.results.currentRow() == 0
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert dialog.chosen == ("contact", people["Bùi Văn Hà"])


def test_ha_typed_without_marks_lists_every_name_it_starts_alike(qtbot: Any, ctx: Any, ids: Any) -> None:
    search_people.seed(ctx.engine)
    dialog = _typed(qtbot, ctx, "ha")
    names = [t for t in search_people.HA_PLAIN if t not in search_people.ELSEWHERE]
    assert _titles(dialog) == [*names, *ELSEWHERE]
