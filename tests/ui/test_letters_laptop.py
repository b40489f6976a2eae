"""Tools → Letters on a laptop's 1280 px screen, in English and Vietnamese: its buttons go on a
second row rather than make the window wider than the screen (in Vietnamese they asked 1,326 px
on one row: "Đính kèm bản quét…" and "Xóa" off the right edge), each button's words whole."""

from __future__ import annotations

from typing import Any

from tests.ui.test_fit import cut_texts


def test_the_letters_window_fits_a_1280_screen(qtbot: Any, language: str, ctx: Any) -> None:
    from ui.letters import LettersDialog

    dialog = LettersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.minimumSizeHint().width() <= 1280 - 40, language
    assert dialog.width() <= 1280 - 40
    assert cut_texts(dialog) == [], language
    buttons = [dialog.buttons[k] for k in ("new_out", "delete")] + [dialog.lang]
    for b in buttons:  # on the dialog, none past its right edge
        assert b.mapTo(dialog, b.rect().topRight()).x() <= dialog.width(), b.objectName()
