"""File → Backups… on a team database (no list of copies: the server keeps them) is its note and
its buttons, the note's text at the top and no empty band above it or under it. Reviewer: the
dialog kept the list's 1,000×440 with the list hidden, and the note, centred in all that room,
sat under an empty band a third of the dialog high. Measured on the dialog as drawn: the rows
of pixels the text covers."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

pytestmark = pytest.mark.postgres


def _inked_rows(image: QImage, left: int, right: int, top: int, bottom: int) -> list[int]:
    """The rows between ``top`` and ``bottom`` where something is drawn between ``left`` and
    ``right`` (a pixel of another colour than the dialog's background)."""
    background = image.pixelColor(left, top).rgb()
    return [
        y
        for y in range(top, bottom)
        if any(QColor(image.pixelColor(x, y)).rgb() != background for x in range(left, right, 2))
    ]


def _bands(dialog: Any) -> tuple[int, int]:
    """The empty band above the note's text (from the dialog's top) and the one between the
    text and the buttons, in pixels, as drawn."""
    image = dialog.grab().toImage()
    note, buttons = dialog.note.geometry(), dialog.take_button.geometry()
    inked = _inked_rows(image, note.left(), note.right(), 0, buttons.top())
    assert inked, "the note's text is not drawn"
    return inked[0], buttons.top() - inked[-1]


def test_a_team_databases_backups_dialog_has_its_note_at_the_top_and_no_empty_band(
    qtbot: Any, pg_url: str, settings: Any, language: str
) -> None:
    from db.migrate import open_database
    from ui.context import AppContext
    from ui.dialogs.backups import BackupsDialog

    engine = open_database(pg_url)
    ctx = AppContext(engine, settings)
    try:
        dialog = BackupsDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert not dialog.list.isVisible() and "pg_restore" in dialog.note.text()
        line = dialog.fontMetrics().lineSpacing()
        above, under = _bands(dialog)
        margin = dialog.layout().contentsMargins().top()
        assert above <= margin + line // 2, f"{above} px above the text"  # (was 170 px)
        assert under <= 3 * line, f"{under} px between the text and the buttons"
        assert dialog.width() <= 1366 - 80 and dialog.height() <= 768 - 80  # fits a laptop's screen

        dialog.resize(dialog.width(), dialog.height() + 200)  # made taller by hand
        qtbot.waitUntil(lambda: dialog.height() >= 250)
        above, _under = _bands(dialog)
        assert above <= margin + line // 2, f"{above} px above the text"  # the room goes under it
        assert (
            dialog.take_button.geometry().bottom() > dialog.height() - 3 * line
        )  # the buttons at the bottom
        dialog.close()
    finally:
        ctx.tasks.cancel_all()
        ctx.tasks.wait()
        engine.dispose()
