"""Tools → Letters opened, closed, then the language switched: the window and its Letters dialog
are deleted and rebuilt, and a later save reaches no deleted dialog (reviewer h103: every change
after the switch printed "RuntimeError: Internal C++ object (LettersDialog) already deleted")."""

from __future__ import annotations

from typing import Any

import shiboken6

from tests.ui.helpers import wait_idle


def test_a_save_after_a_language_switch_reaches_no_deleted_letters_dialog(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from ui import i18n
    from ui.main_window import MainWindow

    window = MainWindow(ctx)  # not given to qtbot: the switch deletes it
    window.show()
    qtbot.waitExposed(window)
    window.open_letters()
    old = window.letters_dialog
    old.reject()  # Esc
    try:
        vi = window.change_language("vi")
        qtbot.addWidget(vi)
        qtbot.waitUntil(lambda: not shiboken6.isValid(old), timeout=10_000)
        ctx.changed.emit("contact", [ids["nhung"]])  # (pytest-qt fails the test on an error in a slot)
        vi.open_letters()  # the new window's own dialog still follows changes
        new = vi.letters_dialog
        ctx.changed.emit("contact", [ids["nhung"]])
        wait_idle(qtbot, ctx)
        assert new.isVisible()
    finally:
        i18n.install(qtbot_app(), "en")


def qtbot_app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()
