"""Tools → Find duplicates: every group's reasons are shown whole in the list, each on a line of
its own and wrapped to the column, at the size the dialog opens on a 1366×768 screen and when
made narrower, in English and Vietnamese, without a horizontal scroll bar. Reviewer: at
1366×768 in Vietnamese the reasons, joined on one line, were cut with "…" and only a tooltip
held them. Measured as drawn: the row's height against the reason's text wrapped to the width
of its column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle

LAPTOP = (1366, 768)


def _twins(engine: Any, ids: dict[str, Any]) -> None:
    """Three people who are one (same email, same phone, the name without accents and in another
    order, at the same organisation) and two more with two emails and two phones each."""
    with unit_of_work(engine) as s:
        for name in ("Nguyễn Thị Phương Thảo", "Nguyen Thi Phuong Thao", "Phương Thảo Nguyễn Thị"):
            records.create(
                s,
                "contact",
                {"full_name": name, "organisation_id": ids["nic"], "emails": ["thao.ntp@nic.gov.vn"],
                 "phones": ["+84912345678"]},
            )  # fmt: skip
        for name in ("Trần Quốc Bảo", "Tran Quoc Bao"):
            records.create(
                s,
                "contact",
                {"full_name": name, "organisation_id": ids["genetica"],
                 "emails": ["bao.tq@genetica.asia", "tqbao.lab@gmail.com"],
                 "phones": ["+84983111222", "+842437654321"]},
            )  # fmt: skip


def _cut(dialog: Any) -> list[str]:
    """The cells (a group's records or reasons, a member's line) drawn shorter than their text
    wrapped to their column's width needs, or wider than the list."""
    tree = dialog.tree
    fm = QFontMetrics(tree.font())
    cut = []
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    items += [top.child(j) for top in items for j in range(top.childCount())]
    for item in items:
        rect = tree.visualItemRect(item)
        for col in (1, 2):
            text = item.text(col)
            width = tree.header().sectionSize(col) - 8  # (the cell's margins)
            needs = fm.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text).height()
            if text and rect.height() < needs:
                cut.append(f"{text!r}: {rect.height()} px high, needs {needs} at {width} px")
    if tree.horizontalScrollBar().isVisible():
        cut.append("a horizontal scroll bar")
    return cut


def test_find_duplicates_shows_every_reason_whole(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], language: str
) -> None:
    from ui.dialogs.duplicates import FindDuplicatesDialog
    from ui.dupwarn import reason_text

    _twins(engine, ids)
    dialog = FindDuplicatesDialog(ctx, window.commands, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.look_among("contact")
    qtbot.waitUntil(lambda: dialog._task is None and dialog.tree.topLevelItemCount() >= 2, timeout=10_000)
    tree = dialog.tree
    shown = {tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())}
    for group in dialog.groups:  # every reason, whole and in the window's language
        assert any(all(reason_text(r) in text for r in group.reasons) for text in shown), group.reasons
    assert any(len(g.reasons) >= 3 for g in dialog.groups)  # (several reasons to a group)
    if language == "vi":
        assert any("cùng email thao.ntp@nic.gov.vn" in text for text in shown), shown
    tree.expandAll()
    assert _cut(dialog) == [], (dialog.width(), _cut(dialog))  # as it opens
    # as wide as it opens on a 1366×768 screen (1,180 px), as it used to open (900) and narrower
    for width in (min(1180, LAPTOP[0] - 80), 900, 640):
        dialog.resize(width, dialog.height())
        qtbot.waitUntil(lambda w=width: dialog.width() == w and tree.viewport().width() < w)
        qtbot.wait(20)  # (the rows' heights follow the columns' widths)
        assert _cut(dialog) == [], (width, _cut(dialog))
    dialog.close()
    wait_idle(qtbot, ctx)
