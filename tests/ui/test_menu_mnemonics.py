"""Each menu's Alt letters are its own, in English and in Vietnamese. Reviewer: File held
"&Brief (PDF)" and "&Backups…" both on B, so Alt+F, B only moved between them (Qt cycles
through items sharing a letter instead of choosing one); File, Edit and View held eleven such
pairs between the two languages."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any


def _letters(menu: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = re.search(r"&([^&])", action.text())
        if letter is not None:
            found[letter.group(1).lower()].append(action.text())
    return found


def test_no_two_items_of_a_menu_share_an_alt_letter(qtbot: Any, ctx: Any, language: str) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=30_000)
    menus = [("menu bar", window.menuBar())]
    menus += [(a.text(), a.menu()) for a in window.menuBar().actions()]
    menus += [
        (sub.text(), sub.menu()) for _t, m in menus[1:] for sub in m.actions() if sub.menu() is not None
    ]
    shared = {
        (name, letter): texts
        for name, menu in menus
        for letter, texts in _letters(menu).items()
        if len(texts) > 1
    }
    assert shared == {}
    assert len(menus) >= 6  # (the five menus and Edit → Selection looked at)
    window.close()


def test_the_backups_dialog_buttons_have_alt_letters_of_their_own(
    qtbot: Any, ctx: Any, language: str
) -> None:
    """Reviewer: Back up now, Restore… and Open folder could not be reached by Alt letters."""
    from PySide6.QtWidgets import QPushButton

    from ui.dialogs.backups import BackupsDialog

    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [
        b.text()
        for b in dialog.findChildren(QPushButton)
        if b in (dialog.take_button, dialog.restore_button, dialog.folder_button, dialog.save_copy_button)
    ]
    letters = [re.search(r"&([^&])", t) for t in texts]
    assert all(letters), texts
    assert len({m.group(1).lower() for m in letters if m}) == len(texts)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)


def test_every_menu_item_has_an_alt_letter(qtbot: Any, ctx: Any, language: str) -> None:
    """Reviewer: the six sections under View (Dashboard, Organisations… Stakeholder map) had
    none; they have Ctrl+1…6, but a menu walked by Alt letters stopped at them."""
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=30_000)
    without = [
        f"{menu.title()} → {action.text()}"
        for top in window.menuBar().actions()
        for menu in [top.menu()]
        for action in menu.actions()
        if not action.isSeparator() and action.isVisible() and not re.search(r"&[^&]", action.text())
    ]
    assert without == []
    window.close()


def test_record_history_is_in_the_view_menu(qtbot: Any, ctx: Any) -> None:
    """Ctrl+H (the selected record's history) was in no menu, only in Ctrl+/'s list (reviewer
    h108): View → History…, its shortcut shown beside it."""
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.act_history in window.menus["view"].actions()
    assert window.act_history.shortcut().toString() == "Ctrl+H"
