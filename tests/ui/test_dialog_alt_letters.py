"""Every dialog's Save answers an Alt letter, and no two things shown in one dialog share one,
in English and in Vietnamese. Reviewer: the record forms' "Lưu" had none, and Alt+L typed an
"l" into the field with the focus (Qt's own "Save" carries no Alt letter; on a Qt cycle
through widgets sharing a letter, Alt+letter moves between them instead of pressing one)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from tests.ui.helpers import wait_idle
from tests.ui.test_fit import _dialogs

_LETTER = re.compile(r"&([^&\s])")


def alt_letters(root: Any) -> dict[str, list[str]]:
    """The Alt letters of what ``root`` shows: buttons, labels with a buddy, tabs."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar

    found: dict[str, list[str]] = defaultdict(list)

    def note(text: str) -> None:
        letter = _LETTER.search(text.replace("&&", ""))
        if letter is not None:
            found[letter.group(1).lower()].append(text)

    for w in root.findChildren(QAbstractButton):
        if w.isVisible():
            note(w.text())
    for w in root.findChildren(QLabel):
        if w.isVisible() and w.buddy() is not None:
            note(w.text())
    for w in root.findChildren(QGroupBox):
        if w.isVisible() and w.isCheckable():
            note(w.title())
    for w in root.findChildren(QTabBar):
        if w.isVisible():
            for i in range(w.count()):
                note(w.tabText(i))
    return found


def test_save_has_an_alt_letter_of_its_own_in_every_dialog(
    qtbot: Any, language: str, ctx: Any, ids: dict[str, Any]
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    shared: list[str] = []
    saves = 0
    for dialog in _dialogs(ctx, ids):
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle(qtbot, ctx)
        name = type(dialog).__name__
        letters = alt_letters(dialog)
        shared += [f"{name}: {texts}" for texts in letters.values() if len(texts) > 1]
        for box in dialog.findChildren(QDialogButtonBox):
            save = box.button(QDialogButtonBox.StandardButton.Save)
            if save is not None and save.isVisible():
                saves += 1
                assert _LETTER.search(save.text()), f"{name}: {save.text()!r}"
        dialog.close()
    assert saves >= 8  # (the record forms, Log meeting, the letter forms, the posts and reorganisation)
    assert shared == [], "\n".join(shared)
