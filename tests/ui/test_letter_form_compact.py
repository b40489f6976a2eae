"""The form of an incoming letter opens as tall as its rows: opened 420 px tall, its eight rows
stood 47 px apart, a gap under each (screenshot, 1366×768)."""

from __future__ import annotations

from typing import Any

from tests.ui.helpers import wait_idle


def test_an_incoming_letters_rows_stand_together(qtbot: Any, language: str, ctx: Any) -> None:
    from ui.letter_form import LetterForm

    form = LetterForm(ctx, None, direction="incoming")
    qtbot.addWidget(form)
    form.show()
    wait_idle(qtbot, ctx)
    pitch = form.reference.y() - form.subject.y()
    assert pitch <= form.subject.height() + 12, pitch  # (the style's row spacing, not a share of room)
    form.resize(form.width(), form.height() + 200)  # made taller by hand: the room goes under them
    wait_idle(qtbot, ctx)
    assert form.reference.y() - form.subject.y() == pitch
