"""The due banner's counts are grouped like the dashboard's figures (QLocale): "5,275 overdue" in
English, "5.275 việc quá hạn" in Vietnamese, never "5275"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.dashboard import DueSummary


@pytest.fixture
def banner(qtbot: Any) -> Iterator[Any]:
    from ui.notify import Banner

    b = Banner()
    qtbot.addWidget(b)
    yield b


def test_banner_groups_counts_like_the_cards_in_english(qapp: Any, banner: Any) -> None:
    from ui import i18n

    assert i18n.install(qapp, "en") == "en"
    banner.show_summary(DueSummary(5275, 1, ("Gửi thư",), 12_000))
    assert banner.text.text() == "5,275 overdue · 1 due today · 12,000 letters to answer, past the deadline"
    banner.show_summary(DueSummary(0, 0, (), 1))
    assert banner.text.text() == "1 letter to answer, past the deadline"


def test_banner_groups_counts_like_the_cards_in_vietnamese(qapp: Any, banner: Any) -> None:
    from PySide6.QtCore import QLocale

    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    try:
        banner.show_summary(DueSummary(5275, 1234, ("Gửi thư",), 0))
        figure = QLocale().toString(5275)  # what the dashboard card shows (AppContext.fmt_number)
        assert figure == "5.275"
        assert banner.text.text() == f"{figure} việc quá hạn · 1.234 việc đến hạn hôm nay"
    finally:
        i18n.install(qapp, "en")
