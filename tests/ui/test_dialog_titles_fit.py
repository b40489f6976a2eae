"""A dialog is never narrower than its own title, in English and in Vietnamese: the window
manager cut the new-staff dialog's title ("Cán b… Ketnoi", reviewer) because the dialog was
sized by its field and two buttons alone.

Measured independently of the rule (ui.window_titles): the title as the window manager is given
it ("Cán bộ mới — Ketnoi") in the application's font made bold, as title bars draw it, plus what
Openbox's title bar takes beside it (its icon and three buttons: 75 px at 1366×768, rounded up).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.ui.helpers import wait_idle

BESIDE_TITLE = 80


@pytest.fixture
def named(qapp: Any) -> Iterator[None]:
    """The application's display name as ``ketnoi`` sets it: the window manager shows it after
    every title."""
    before = qapp.applicationDisplayName()
    qapp.setApplicationDisplayName("Ketnoi")
    yield
    qapp.setApplicationDisplayName(before)


def needed(window: Any) -> int:
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QApplication

    font = QFont(QApplication.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(f"{window.windowTitle()} — Ketnoi") + BESIDE_TITLE


def test_the_new_staff_dialog_shows_its_title(qtbot: Any, language: str, ctx: Any, named: None) -> None:
    """Settings → New staff member…: the dialog asking the name is as wide as its title."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    from ui.dialogs.settings import SettingsDialog

    settings = SettingsDialog(ctx)
    qtbot.addWidget(settings)
    settings.show()
    wait_idle(qtbot, ctx)
    seen: list[tuple[str, int, int]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(20, look)
            return
        QTimer.singleShot(
            50, lambda: (seen.append((box.windowTitle(), box.width(), needed(box))), box.reject())
        )

    QTimer.singleShot(0, look)
    settings.add_staff.click()
    assert seen, "no dialog asked the name"
    title, width, need = seen[0]
    assert title == settings.tr("New staff member")
    assert width >= need, (language, title, width, need)
    settings.close()


def test_every_dialog_shows_its_title(
    qtbot: Any, language: str, ctx: Any, ids: dict[str, Any], named: None
) -> None:
    """Every dialog the menus open (those tests/ui/test_fit.py walks), and a message box whose
    question is shorter than its title."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.test_fit import _dialogs
    from ui.briefs import BriefDialog
    from ui.dialogs.about import AboutDialog
    from ui.dialogs.guide import GuideDialog
    from ui.import_wizard.history_dialog import ImportHistoryDialog
    from ui.posts_dialog import PostForm

    def more() -> Iterator[Any]:
        yield from _dialogs(ctx, ids)
        yield ImportHistoryDialog(ctx)
        yield BriefDialog(ctx, "organisation", ids["nic"])
        yield BriefDialog(ctx, "digest", None)
        yield AboutDialog()
        yield GuideDialog(language=language)
        yield PostForm(None, 0)

    problems: list[str] = []
    seen = 0
    for dialog in more():
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle(qtbot, ctx)
        qtbot.wait(10)  # (a dialog that sizes itself as it is shown is widened once that is done)
        seen += 1
        if dialog.width() < needed(dialog):
            problems.append(
                f"{type(dialog).__name__} {dialog.windowTitle()!r}: {dialog.width()} < {needed(dialog)}"
            )
        dialog.close()
    box = QMessageBox(QMessageBox.Icon.Question, "Xoá vĩnh viễn các mục trong thùng rác?", "Xoá?")
    qtbot.addWidget(box)
    box.show()
    qtbot.wait(50)  # (it lays itself out again once shown)
    if box.width() < needed(box):
        problems.append(f"QMessageBox {box.windowTitle()!r}: {box.width()} < {needed(box)}")
    box.close()
    assert seen >= 15
    assert problems == [], "\n".join(problems)
