"""The Help menu: user guide (F1), keyboard shortcuts (Ctrl+/), the welcome, About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui import i18n

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def fill(window: MainWindow, menu: QMenu) -> dict[str, QAction]:
    """Add the Help actions to ``menu`` (and to the window, so their keys work everywhere)."""
    actions = {
        "guide": window._act("guide", tr("&User guide"), lambda: open_guide(window), ["F1"]),
        "shortcuts": window._act(
            "shortcuts", tr("&Keyboard shortcuts"), lambda: open_shortcuts(window), ["Ctrl+/"]
        ),
        "welcome": window._act("welcome", tr("&Welcome…"), lambda: open_welcome(window)),
        "about": window._act("about", tr("&About Ketnoi"), lambda: open_about(window), None, "app"),
    }
    menu.addActions([actions["guide"], actions["shortcuts"], actions["welcome"]])
    menu.addSeparator()
    menu.addAction(actions["about"])
    return actions


def open_guide(window: MainWindow) -> None:
    from ui.dialogs.guide import GuideDialog

    dialog = GuideDialog(window, i18n.resolved(window.ctx.settings.language))
    dialog.show()


def open_shortcuts(window: MainWindow) -> None:
    from ui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    dialog.show()


def open_welcome(window: MainWindow) -> None:
    from ui.welcome import show_welcome

    show_welcome(window)


def open_about(window: MainWindow) -> None:
    from db.engine import describe_url
    from ui.dialogs.about import AboutDialog

    dialog = AboutDialog(window, describe_url(str(window.ctx.engine.url)))
    dialog.show()
