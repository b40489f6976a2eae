"""The window and every dialog fit a laptop screen (1280×720) in English and in Vietnamese.

Walked widget by widget: no text shown cut short without a tooltip saying the whole of it, no
widget wider than the window, no toolbar action pushed behind "»", no list scrolling sideways
by default, and the main window can be made as narrow as 1,024 px.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.ui.helpers import sized, wait_idle

SCREEN = (1280, 720)
TITLE_BAR = 30  # what a window manager takes above a dialog


@pytest.fixture(autouse=True)
def laptop_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen these tests mean, as a dialog that sizes itself to the screen reads it (Log
    meeting: ui.dialogs.log_meeting.LogMeetingDialog._room); Qt's offscreen one is 800 px tall."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, *SCREEN))


def _visible(w: Any) -> bool:
    return bool(w.isVisible() and w.width() > 0)


def cut_texts(root: Any) -> list[str]:  # noqa: C901 (one check per kind of widget, in a row)
    """Where the text shown is cut short and no tooltip gives the whole of it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QListWidget,
        QTableView,
        QToolBar,
        QToolButton,
    )

    out: list[str] = []
    name = type(root).__name__

    def where(w: Any) -> str:
        return f"{name} > {type(w).__name__} {w.objectName()!r}"

    for w in root.findChildren(QLabel):
        if not _visible(w) or w.wordWrap() or w.toolTip() or not w.text():
            continue
        if w.textFormat() == Qt.TextFormat.RichText or (
            w.textFormat() == Qt.TextFormat.AutoText and "<" in w.text()
        ):
            continue
        width = max(w.fontMetrics().horizontalAdvance(line) for line in w.text().split("\n"))
        if width > w.contentsRect().width() + 1:
            out.append(f"{where(w)}: {w.text()!r} ({width} > {w.contentsRect().width()})")
    for w in root.findChildren(QAbstractButton):
        if not _visible(w) or not w.text() or w.toolTip():
            continue
        if isinstance(w, QToolButton) and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            continue
        if w.sizeHint().width() > w.width() + 1:
            out.append(f"{where(w)}: {w.text()!r} ({w.sizeHint().width()} > {w.width()})")
    for w in root.findChildren(QComboBox):
        if not _visible(w) or w.toolTip() or w.isEditable():
            continue
        text = w.currentText()
        room = w.width() - 28  # the arrow and the frame
        if w.fontMetrics().horizontalAdvance(text) > room:
            out.append(f"{where(w)}: {text!r} ({w.fontMetrics().horizontalAdvance(text)} > {room})")
    for w in root.findChildren(QLineEdit):
        if not _visible(w) or w.text() or not w.placeholderText() or w.toolTip():
            continue
        icons = sum(24 for a in w.actions() if a.isVisible()) + (24 if w.isClearButtonEnabled() else 0)
        room = w.width() - icons - 8
        width = w.fontMetrics().horizontalAdvance(w.placeholderText())
        if width > room:
            out.append(f"{where(w)} placeholder: {w.placeholderText()!r} ({width} > {room})")
    for w in root.findChildren(QToolBar):
        ext = w.findChild(QToolButton, "qt_toolbar_ext_button")
        if _visible(w) and ext is not None and ext.isVisible():
            out.append(f"{where(w)}: actions hidden behind »")
    for w in root.findChildren(QTableView):
        if not _visible(w) or w.model() is None or not w.model().rowCount():
            continue
        if w.horizontalScrollBar().isVisible():
            out.append(f"{where(w)}: columns wider than the pane")
        header: QHeaderView = w.horizontalHeader()
        if not header.property("ketnoi_header_tips"):
            for i in range(header.count()):
                if not header.isSectionHidden(i) and header.sectionSizeHint(i) > header.sectionSize(i) + 1:
                    text = w.model().headerData(i, Qt.Orientation.Horizontal)
                    out.append(f"{where(w)} header {text!r} cut, no tooltip")
    for w in root.findChildren(QListWidget):
        if not _visible(w):
            continue
        for i in range(w.count()):
            item = w.item(i)
            need = w.fontMetrics().horizontalAdvance(item.text()) + w.iconSize().width() + 12
            if w.wordWrap() and need > w.viewport().width():  # on more lines: as many as it has room for
                room = w.viewport().width() - w.iconSize().width() - 12
                lines = w.fontMetrics().boundingRect(0, 0, room, 1000, Qt.TextFlag.TextWordWrap, item.text())
                if lines.width() <= room and lines.height() <= w.visualItemRect(item).height():
                    continue
            if need > w.viewport().width() and not item.toolTip():
                out.append(f"{where(w)} item {item.text()!r} ({need} > {w.viewport().width()})")
    return out


def too_wide(root: Any) -> list[str]:
    from PySide6.QtWidgets import QWidget

    return [
        f"{type(w).__name__} {w.objectName()!r} {w.width()} px"
        for w in root.findChildren(QWidget)
        if _visible(w) and not w.isWindow() and w.width() > root.width()
    ]


def settled(qtbot: Any, check: Any, timeout_ms: int = 2000) -> list[str]:
    """The problems ``check()`` finds once layouts and column fitting (queued) have run."""
    found: list[str] = check()
    waited = 0
    while found and waited < timeout_ms:
        qtbot.wait(50)
        waited += 50
        found = check()
    return found


def test_main_window_fits_1280_by_720(qtbot: Any, language: str, ctx: Any) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sized(window, *SCREEN)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, ctx)
    assert window.minimumSizeHint().width() <= 1024, language
    assert window.width() == SCREEN[0]
    problems: list[str] = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        wait_idle(qtbot, ctx)
        view = window.current_entity()  # columns are fitted to the pane once it has its size
        problems += [f"[{view}] {p}" for p in settled(qtbot, lambda: cut_texts(window) + too_wide(window))]
        assert window.minimumSizeHint().width() <= 1024, (language, view)
    assert problems == [], "\n".join(problems)
    window.resize(1366, 768)
    wait_idle(qtbot, ctx)
    assert settled(qtbot, lambda: cut_texts(window)) == []


def test_the_checks_find_cut_text(qtbot: Any) -> None:
    """The walk above is not blind: a cut label, button and placeholder are found."""
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

    from ui.fit import ElidedLabel

    root = QWidget()
    qtbot.addWidget(root)
    lay = QHBoxLayout(root)
    label = QLabel("A label far too long to be shown whole in so narrow a window", root)
    label.setMinimumWidth(1)
    button = QPushButton("A button far too long to fit here", root)
    button.setMinimumWidth(1)
    edit = QLineEdit(root)
    edit.setPlaceholderText("A placeholder far too long to fit")
    elided = ElidedLabel("An elided label says it all in its tooltip when cut", root)
    for w in (label, button, edit, elided):
        w.setMinimumWidth(1)
        lay.addWidget(w)
    root.setFixedWidth(320)
    root.show()
    qtbot.waitExposed(root)
    found = " ".join(cut_texts(root))
    assert "A label far" in found and "A button" in found and "placeholder" in found
    assert "An elided label" not in found and elided.toolTip() == elided.text()
    assert elided.minimumSizeHint().width() <= 60


def _dialogs(ctx: Any, ids: dict[str, Any]) -> Iterator[Any]:
    from ui.bulk import ValueDialog
    from ui.commands import Commands, RescheduleDialog
    from ui.dialogs.backups import BackupsDialog
    from ui.dialogs.duplicates import FindDuplicatesDialog, MergeDialog
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.dialogs.record_form import RecordForm
    from ui.dialogs.search import SearchDialog
    from ui.dialogs.settings import SettingsDialog
    from ui.dialogs.undo_history import UndoHistoryDialog
    from ui.history import HistoryDialog
    from ui.import_wizard.wizard import ImportWizard
    from ui.trash import TrashDialog

    commands = Commands(ctx, None)  # type: ignore[arg-type]
    yield LogMeetingDialog(ctx, organisation_id=ids["nic"])
    for entity in ("organisation", "contact", "action"):  # a meeting is written by Log meeting
        yield RecordForm(ctx, entity)
    yield RecordForm(ctx, "organisation", ids["nic"])
    yield SettingsDialog(ctx)
    yield SearchDialog(ctx)
    yield BackupsDialog(ctx)
    yield FindDuplicatesDialog(ctx, commands)
    yield MergeDialog(ctx, commands, "contact", ids["nhung"], ids["dang"])
    yield ImportWizard(ctx)
    yield TrashDialog(ctx)
    yield UndoHistoryDialog(ctx)
    yield HistoryDialog(ctx, "organisation", ids["nic"])
    yield RescheduleDialog(ctx, None)
    yield ValueDialog(ctx, "tags", "x", "Nhãn")
    from ui.letter_form import LetterForm, OfficeDialog
    from ui.letters import LettersDialog
    from ui.workdays import WorkingDaysDialog

    yield LettersDialog(ctx)
    yield LetterForm(ctx, None, direction="outgoing")
    yield LetterForm(ctx, None, direction="incoming")
    yield OfficeDialog(ctx)
    yield WorkingDaysDialog(ctx)
    from ui.reorg import AssignHolderDialog, ReorganisationDialog

    yield ReorganisationDialog(ctx, ids["nic"])
    yield AssignHolderDialog(ctx, ids["nic"])
    from ui.posts_dialog import PostsDialog

    yield PostsDialog(ctx, ids["nic"])
    import datetime as dt

    from app.posts import PostHolding
    from ui.post_holding import EndHoldingForm

    yield EndHoldingForm(
        ctx,
        PostHolding(1, 1, "Quyền Phó Giám đốc phụ trách Hợp tác quốc tế", ids["nic"], "Trung tâm Đổi mới sáng tạo "
                    "Quốc gia", 2, 1, "Nguyễn Thị Hồng Nhung", "Bà", dt.date(2026, 11, 20), None, ""),
    )  # fmt: skip


def test_every_dialog_fits_1280_by_720(qtbot: Any, language: str, ctx: Any, ids: dict[str, Any]) -> None:
    problems: list[str] = []
    seen = 0
    for dialog in _dialogs(ctx, ids):
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle(qtbot, ctx)
        seen += 1
        name = type(dialog).__name__
        hint = dialog.minimumSizeHint()
        if hint.width() > SCREEN[0] or hint.height() > SCREEN[1] - TITLE_BAR:
            problems.append(f"{name} needs {hint.width()}×{hint.height()}")
        if dialog.width() > SCREEN[0] or dialog.height() > SCREEN[1] - TITLE_BAR:
            problems.append(f"{name} opens at {dialog.width()}×{dialog.height()}")
        problems += cut_texts(dialog) + [f"{name}: {p}" for p in too_wide(dialog)]
        dialog.close()
    assert seen >= 15
    assert problems == [], "\n".join(problems)


def test_log_meeting_shows_four_follow_ups_at_720_px(qtbot: Any, language: str, ctx: Any) -> None:
    """Reviewer h96: at 1280×720 the follow-up list showed two rows and a half under lists of
    one organisation and two people that kept four rows each."""
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, ctx)
    assert dialog.height() <= SCREEN[1] - TITLE_BAR
    listing = dialog.followups.list
    row = listing.fontMetrics().height() + 6  # a row with its padding
    shown = listing.viewport().height() // row
    assert shown >= 4, f"{shown} rows of the follow-ups shown"
    dialog.close()
