"""Every menu item — Edit → Selection and a list's context menu too, filled when they open —
and every button of the main dialogs has an Alt letter no other item there shares, in English
and Vietnamese (reviewer h149: Find duplicates' "Gộp…" (Merge…) and the items of Edit → Selected
items, "Sửa → Mục đã chọn", had none, contrary to the README; the menu test looked at the menus
as built, before Selection is filled, and the dialog test only at letters shared)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint

from tests.ui.helpers import wait_idle
from tests.ui.test_dialog_alt_letters import alt_letters

_LETTER = re.compile(r"&([^&\s])")
# Buttons a dialog reaches by other keys, said in Ctrl+/'s list: Log meeting's and Reschedule's
# due-date picks (Ctrl+0…4), the letter form's (+5 working days), and Log meeting's Add (Enter
# in the field beside it); the import wizard's Cancel is Qt's own (Escape).
_BY_OTHER_KEYS = {
    "LogMeetingDialog",
    "RescheduleDialog",
    "LetterForm",
    "ImportWizard",
}


def _problems(name: str, texts: list[str]) -> list[str]:
    found: dict[str, list[str]] = defaultdict(list)
    out = []
    for text in texts:
        letter = _LETTER.search(text.replace("&&", ""))
        if letter is None:
            out.append(f"{name}: no Alt letter: {text!r}")
        else:
            found[letter.group(1).lower()].append(text)
    return out + [f"{name}: one letter: {t}" for t in found.values() if len(t) > 1]


def _items(menu: Any) -> list[str]:
    """The texts of a menu's items a person can choose (not a greyed line that only says
    something, such as "2 selected")."""
    return [
        a.text()
        for a in menu.actions()
        if not a.isSeparator() and a.isVisible() and (a.isEnabled() or a.objectName() or a.menu())
    ]


def _walk(menu: Any, name: str) -> list[str]:
    menu.aboutToShow.emit()  # (menus filled when they open: Edit → Selection)
    out = _problems(name, _items(menu))
    for a in menu.actions():
        if a.menu() is not None and a.isVisible():
            out += _walk(a.menu(), f"{name} → {a.text()}")
    return out


def test_every_menu_item_has_an_alt_letter_of_its_own(
    qtbot: Any, language: str, ctx: Any, ids: dict[str, Any]
) -> None:
    from ui.main_window import VIEWS, MainWindow

    window = MainWindow(ctx)  # (in the language of the test)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, ctx)

    problems = _problems("menu bar", [a.text() for a in window.menuBar().actions()])
    for entity in ("organisation", "contact", "meeting", "action"):
        window.nav.setCurrentRow(VIEWS.index(entity))
        panel = window.views[entity].list
        qtbot.waitUntil(lambda p=panel: p.model.complete and p.model.rowCount() >= 2, timeout=10_000)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in (0, 1):  # two selected: Merge the two selected… is on too
            panel.view.selectionModel().select(panel.model.index(row, 0), flags)
        for top in window.menuBar().actions():
            problems += _walk(top.menu(), f"{entity}: {top.text()}")
        window._context_menu(entity, QPoint(5, 5))
        problems += _problems(f"{entity}: context menu", _items(window.context_menu))
        window.context_menu.close()
    window.close()
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))


def test_every_button_of_the_main_dialogs_has_an_alt_letter_of_its_own(
    qtbot: Any, language: str, ctx: Any, ids: dict[str, Any]
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from tests.ui.test_fit import _dialogs

    problems: list[str] = []
    for dialog in _dialogs(ctx, ids):
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle(qtbot, ctx)
        name = type(dialog).__name__
        shared = [texts for texts in alt_letters(dialog).values() if len(texts) > 1]
        problems += [f"{name}: one letter: {texts}" for texts in shared]
        if name not in _BY_OTHER_KEYS:
            for b in dialog.findChildren(QPushButton):
                box = b.parent()
                standard = (
                    isinstance(box, QDialogButtonBox)
                    and box.standardButton(b) != QDialogButtonBox.StandardButton.NoButton
                )
                if b.isVisible() and b.text() and not standard and not _LETTER.search(b.text()):
                    problems.append(f"{name}: no Alt letter: {b.text()!r}")
        dialog.close()
    assert problems == [], "\n".join(problems)
