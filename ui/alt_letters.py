"""Alt letters for menu items composed at run time ("Set %1…" for each field a bulk action sets):
each gets a letter no other item of its menu has, in the window's language (reviewer h149: Edit →
Selected items, "Sửa → Mục đã chọn", had none, and a list's context menu neither). Items written
with their own letter ("&Edit") keep it. As KDE's KAcceleratorManager does, a word's first letter
is preferred, then any other; only letters a keyboard types without a dead key (a–z, 0–9): "Đặt
người phụ trách…" takes the n of "người", not the Đ."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QTabBar,
    QWidget,
)

_LETTER = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    """The Alt letter of ``text`` (lower case), or None."""
    found = _LETTER.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _typable(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _candidates(text: str) -> list[int]:
    """Where a letter may go in ``text``: a word's first letter first, then the others."""
    starts = [i for i, ch in enumerate(text) if _typable(ch) and (i == 0 or not text[i - 1].isalnum())]
    return starts + [i for i, ch in enumerate(text) if _typable(ch) and i not in starts]


def with_letter(text: str, used: set[str]) -> str:
    """``text`` with an Alt letter not in ``used`` (added to it), or as it is when none is free."""
    if letter(text) is not None:
        return text
    for i in _candidates(text):
        if text[i].lower() not in used:
            used.add(text[i].lower())
            return f"{text[:i]}&{text[i:]}"
    return text


def give_letters(actions: Iterable[QAction], beside: Iterable[QAction] = ()) -> None:
    """Give each of ``actions`` that has none a letter that neither another of them nor one of
    ``beside`` (the other items of their menu) has. A greyed line that only says something
    ("2 selected") gets none."""
    actions = [a for a in actions if not a.isSeparator() and a.text() and (a.isEnabled() or a.objectName())]
    used = {x for a in [*beside, *actions] if (x := letter(a.text())) is not None}
    # the item with the fewest letters to choose from first ("Đặt hạn…": t, h or n)
    for a in sorted(actions, key=lambda a: len({a.text()[i].lower() for i in _candidates(a.text())})):
        a.setText(with_letter(a.text(), used))


def give_button_letters(root: QWidget) -> None:
    """Give each push button of ``root`` without an Alt letter ("Merge…", "Gộp…" in Find
    duplicates: reviewer h149) one that nothing else there has — its buttons, the labels of its
    fields, its tabs. A dialog button box's standard buttons (OK, Cancel, Close) are left as Qt
    writes them: Enter and Escape press those."""
    used: set[str] = set()
    buttons: list[QPushButton] = []
    for w in root.findChildren(QAbstractButton):
        box = w.parent()
        standard = (
            isinstance(box, QDialogButtonBox)
            and box.standardButton(w) != QDialogButtonBox.StandardButton.NoButton
        )
        if (x := letter(w.text())) is not None:
            used.add(x)
        elif isinstance(w, QPushButton) and w.text() and not standard:
            buttons.append(w)
    for label in root.findChildren(QLabel):
        if label.buddy() is not None and (x := letter(label.text())) is not None:
            used.add(x)
    for bar in root.findChildren(QTabBar):
        used.update(x for i in range(bar.count()) if (x := letter(bar.tabText(i))) is not None)
    for group in root.findChildren(QGroupBox):
        if (x := letter(group.title())) is not None:
            used.add(x)
    for b in buttons:
        b.setText(with_letter(b.text(), used))


def give_menu_letters(menu: QMenu, fresh: Iterable[QAction] = ()) -> None:
    """Letters for a menu put together from several places (a list's context menu: the record's
    actions, the bulk ones, the export ones): each item without one gets one no other item has;
    ``fresh`` (made for this menu only) are given theirs again, the whole menu known."""
    fresh = list(fresh)
    for a in fresh:
        a.setText(a.text().replace("&&", "\0").replace("&", "").replace("\0", "&&"))
    give_letters([a for a in menu.actions() if letter(a.text()) is None], beside=menu.actions())
