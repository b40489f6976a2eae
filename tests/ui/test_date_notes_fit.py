"""A date box's note (why a text is refused, what words became) fits the dialog it is in, in
both languages: under the box, whole, the dialog no wider than a 1,280 px screen. Screenshots at
1366×768 showed the letter form 1,468 px wide (the reply date's refusal beside its box), the
brief's date range with its two refusals cut off under the next rows, and Bulk edit's due date
with the lower lines of its refusal hidden."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateTimeEdit, QLabel, QLineEdit

from tests.ui.helpers import wait_idle

SCREEN_WIDTH = 1280
KINDS = (QAbstractButton, QComboBox, QDateTimeEdit, QLabel, QLineEdit)
# QTest types ASCII only: the unaccented Vietnamese words are read too (app/due.py)
TYPED = {"en": ("next friday", "blah"), "vi": ("thu sau tuan sau", "abc")}


def _type(qtbot: Any, box: Any, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def _dialogs(ctx: Any, ids: dict[str, Any]) -> Iterator[tuple[Any, Callable[[Any], list[Any]]]]:
    from ui.briefs import BriefDialog
    from ui.bulk import ValueDialog
    from ui.letter_form import LetterForm
    from ui.reorg import ReorganisationDialog

    yield ValueDialog(ctx, "date", "Due date", "New due date"), lambda d: [d.editor]
    yield LetterForm(ctx, None, direction="incoming"), lambda d: [d.letter_date, d.reply_due]
    yield ReorganisationDialog(ctx, ids["nic"]), lambda d: [d.on]
    yield BriefDialog(ctx, "digest", None), lambda d: [d.start, d.end]


def _problems(dialog: Any, boxes: list[Any]) -> list[str]:
    out = []
    name = type(dialog).__name__
    if dialog.width() > SCREEN_WIDTH:
        out.append(f"{name} is {dialog.width()} px wide")
    for box in boxes:
        note = box.note_label()
        if not box.said():
            out.append(f"{name}: {box.objectName()} says nothing")
            continue
        top = note.mapTo(dialog, QPoint(0, 0))
        under = box.mapTo(dialog, QPoint(0, box.height()))
        if top.y() < under.y():
            out.append(f"{name}: the note is not under its box ({top.y()} < {under.y()})")
        if note.height() < note.sizeHint().height():
            out.append(f"{name}: the note's lines cut off ({note.height()} < {note.sizeHint().height()})")
        if top.x() + note.sizeHint().width() > dialog.width():
            out.append(f"{name}: the note runs past the dialog's edge")
        mine = QRect(top, note.size())
        others = [w for kind in KINDS for w in dialog.findChildren(kind)]
        for other in others:
            if other is note or not other.isVisible() or other.parentWidget() is not note.parentWidget():
                continue
            if QRect(other.mapTo(dialog, QPoint(0, 0)), other.size()).intersects(mine):
                out.append(f"{name}: the note overlaps {type(other).__name__} {other.objectName()!r}")
    return out


@pytest.mark.parametrize("which", [0, 1], ids=["words", "refused"])
def test_date_notes_fit_their_dialogs(
    qtbot: Any, language: str, ctx: Any, ids: dict[str, Any], which: int
) -> None:
    typed = TYPED[language][which]
    problems: list[str] = []
    for dialog, boxes in _dialogs(ctx, ids):
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle(qtbot, ctx)
        for box in boxes(dialog):
            _type(qtbot, box, typed)
        wait_idle(qtbot, ctx)
        problems += _problems(dialog, boxes(dialog))
        if which == 1:
            assert all(box.said().startswith("⚠") for box in boxes(dialog))
        dialog.close()
    assert problems == [], "\n".join(problems)
