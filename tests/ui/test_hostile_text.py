"""A record page shows text of any content as text: markup stays visible, emoji with joiners,
right-to-left text and a 1 MB note are shown without breaking the page."""

from __future__ import annotations

import time
from typing import Any

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import show_page

NAME = "<b>Viện</b> & <script>alert(1)</script> 👩\u200d💻 مركز الابتكار"
NOTE = ("Ghi chú <i>không in nghiêng</i> שלום 👨\u200d👩\u200d👧\n" * 20_000)[:1_000_000]


def test_a_record_page_shows_hostile_text_as_text(qtbot: Any, window: Any, ctx: Any) -> None:
    with unit_of_work(ctx.engine) as s:
        org = records.create(s, "organisation", {"name": NAME, "notes": NOTE, "address": "x" * 10_000})
    pane = window.views["organisation"].detail
    started = time.perf_counter()
    text = show_page(qtbot, pane, "organisation", org, timeout=30_000)
    took = time.perf_counter() - started
    assert "<b>Viện</b> & <script>alert(1)</script>" in text  # not interpreted as markup
    assert "👩\u200d💻" in text and "مركز الابتكار" in text
    assert "שלום" in text and "<i>không in nghiêng</i>" in text  # the note, as text
    assert took < 20
