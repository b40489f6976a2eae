"""A status-bar sentence too long for the room left of the record count (reviewer: a disabled
login's Vietnamese sentence ran into the count, "…hãy đề nghị quản trị '78 liên hệ", at 1366
pixels wide). It ends in "…" with a gap before the count, and the whole sentence is the bar's
tooltip; a sentence that fits is drawn whole, with no tooltip."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor

DISABLED = (
    "Tài khoản tuan đã bị vô hiệu hóa: cửa sổ này không thể đọc hay lưu gì nữa. Hãy đóng Ketnoi; "
    "nếu vẫn cần dùng, hãy đề nghị quản trị viên mở lại tài khoản."
)


def _ink_between(bar: Any, left: int, right: int) -> int:
    """Pixels darker than the bar's background in columns [left, right) (text drawn there)."""
    image = bar.grab().toImage()
    ratio = image.devicePixelRatio()
    background = QColor(image.pixel(int(2 * ratio), int(2 * ratio))).lightness()
    dark = 0
    for x in range(int(left * ratio), int(right * ratio)):
        for y in range(image.height()):
            if QColor(image.pixel(x, y)).lightness() < background - 60:
                dark += 1
    return dark


@pytest.mark.parametrize("width", [1366, 1280])
def test_a_long_sentence_is_cut_before_the_count_with_the_whole_as_tooltip(
    qtbot: Any, window: Any, ids: Any, width: int
) -> None:
    window.resize(width, 768)
    window.navigate("contact", ids["hung"])
    qtbot.waitUntil(lambda: bool(window.count_label.text()), timeout=5_000)
    window.status_line.announce(DISABLED, 0)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bar.currentMessage() == DISABLED, timeout=2_000)
    qtbot.wait(50)
    count_left = window.count_label.geometry().left()
    for widget in (window.undo_button, window.import_offer, window.file_offer):
        if widget.isVisible():
            count_left = min(count_left, widget.geometry().left())
    assert _ink_between(bar, count_left - 10, count_left) == 0  # a gap, then the count
    assert bar.toolTip() == DISABLED
    assert bar.currentMessage() == DISABLED  # (announcements are read whole by the tests)


def test_a_short_sentence_is_drawn_whole_without_a_tooltip(qtbot: Any, window: Any) -> None:
    window.resize(1366, 768)
    window.status_line.announce("Đã lưu.", 0)
    bar = window.statusBar()
    qtbot.wait(50)
    assert bar.toolTip() == ""
    assert bar.shown_message() == "Đã lưu."
