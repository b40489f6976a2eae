"""File → Backups…: a copy on request, listed with why it was taken, and put back on request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app import records
from db.engine import read_session, unit_of_work
from db.models import Organisation


def test_back_up_then_restore_from_the_dialog(qtbot: Any, window: Any, ctx: Any, monkeypatch: Any) -> None:
    from ui.dialogs.backups import BackupsDialog

    assert window.act_backups in window.menus["file"].actions()  # File → Backups…
    dialog = BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.topLevelItemCount() == 0
    dialog.take_button.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1 and not dialog.busy, timeout=10_000)
    assert dialog.list.topLevelItem(0).text(1) == "Copy you asked for"
    # the column says what it holds (reviewer: "Trước khi" / "Before" over "Bản sao hằng ngày")
    assert dialog.list.headerItem().text(1) == "Kind of copy"

    with unit_of_work(ctx.engine) as s:  # work done after the copy…
        later = records.create(s, "organisation", {"name": "Công ty thêm sau"})
    changed: list[Any] = []
    ctx.changed.connect(lambda *a: changed.append(a))
    monkeypatch.setattr(BackupsDialog, "confirm_restore", lambda *_a: True)  # (its question: below)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and bool(changed), timeout=10_000)
    with read_session(ctx.engine) as s:  # …is gone, and the state it replaced was kept
        assert s.get(Organisation, later) is None
    reasons = [dialog.list.topLevelItem(n).text(1) for n in range(dialog.list.topLevelItemCount())]
    assert "Before a restore" in reasons and "Copy you asked for" in reasons


def test_a_damaged_file_set_aside_is_labelled_and_not_offered_for_restoring(
    qtbot: Any, window: Any, ctx: Any, monkeypatch: Any
) -> None:
    from db import backup as backups
    from db.engine import sqlite_path
    from ui.dialogs.backups import BackupsDialog

    db_file = sqlite_path(str(ctx.engine.url))
    assert db_file is not None
    good = backups.take(db_file, "daily")
    assert good is not None
    aside = backups.folder_for(db_file) / f"{db_file.stem}-20261120-101500-damaged.db"
    aside.write_bytes(good.read_bytes()[:4096] + b"\xff" * 8192)  # as a restore sets one aside
    assert [b.damaged for b in backups.listing(db_file)] == [False, True]

    dialog = BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    items = [dialog.list.topLevelItem(n) for n in range(dialog.list.topLevelItemCount())]
    assert items[1].text(0) == ctx.fmt_datetime(dt.datetime(2026, 11, 20, 10, 15))  # set aside then
    assert items[1].text(1) == "Damaged file set aside — kept, not restorable"
    assert "never restores or deletes" in items[1].toolTip(1)
    asked: list[Any] = []
    monkeypatch.setattr(BackupsDialog, "confirm_restore", lambda *a: asked.append(a) or True)
    dialog.list.setCurrentItem(items[1])
    assert not dialog.restore_button.isEnabled() and "cannot be restored" in dialog.restore_button.toolTip()
    dialog.restore_selected()  # even if called: refused before asking
    assert asked == [] and not dialog.busy
    dialog.list.setCurrentItem(items[0])
    assert dialog.restore_button.isEnabled()  # a good copy still can be


def test_the_restore_question_names_both_files_and_cancel_is_the_default(
    qtbot: Any, qapp: Any, window: Any, ctx: Any
) -> None:
    """Reviewer: the question had Yes as its default and did not say what would be replaced."""
    from db import backup as backups
    from db.engine import sqlite_path
    from ui import i18n
    from ui.dialogs.backups import BackupsDialog

    db_file = sqlite_path(str(ctx.engine.url))
    assert db_file is not None
    with unit_of_work(ctx.engine) as s:
        later = records.create(s, "organisation", {"name": "Công ty trước bản sao"})
    assert backups.take(db_file, "daily") is not None
    try:
        for lang, words in (
            ("en", ("Replace the database", "with the backup taken", "A copy of the database as it is now")),
            (
                "vi",
                ("Thay cơ sở dữ liệu", "bằng bản sao lưu lúc", "Ketnoi sao lưu cơ sở dữ liệu như hiện tại"),
            ),
        ):
            assert i18n.install(qapp, lang) == lang
            dialog = BackupsDialog(ctx, window)
            qtbot.addWidget(dialog)
            item = dialog.list.topLevelItem(0)
            box = dialog.restore_question(item)
            qtbot.addWidget(box)
            said = box.text() + " " + box.informativeText()
            assert all(w in said for w in words), said
            assert (
                db_file.name in box.text() and item.text(0) in box.text()
            )  # which file, which backup (when)
            assert str(backups.folder_for(db_file)) in box.informativeText()  # where the copy goes
            assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
            assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)

            # Enter on the question as it opens: nothing is restored
            def press_enter(b: QMessageBox = box) -> None:
                qtbot.waitUntil(b.isVisible, timeout=5_000)
                qtbot.keyClick(b, Qt.Key.Key_Return)

            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, press_enter)
            monkey = dialog.restore_question
            dialog.restore_question = lambda _item, b=box: b  # type: ignore[method-assign]
            assert dialog.confirm_restore(item) is False
            dialog.restore_question = monkey  # type: ignore[method-assign]
    finally:
        i18n.install(qapp, "en")
    assert not dialog.busy
    with read_session(ctx.engine) as s:  # nothing was put back
        assert s.get(Organisation, later) is not None


def test_each_copy_says_what_it_holds(qtbot: Any, window: Any, ctx: Any, monkeypatch: Any) -> None:
    """Reviewer: after a few restores, four rows "Before a restore" and nothing to say which
    held the meeting just logged; the wrong one was restored. Each row now says what it holds:
    its records and its last change, by whom."""
    from db import backup as backups
    from ui.dialogs.backups import BackupsDialog

    dialog = BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.take_button.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1 and not dialog.busy, timeout=10_000)
    before = backups.contents(Path(str(dialog.list.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole))))
    assert before is not None
    with unit_of_work(ctx.engine) as s:
        records.create(
            s,
            "meeting",
            {"title": "Call with Qualcomm", "starts_at": dt.datetime(2026, 12, 7, 9)},
            actor="Trần Quốc Bảo",
        )
    monkeypatch.setattr(BackupsDialog, "confirm_restore", lambda *_a: True)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.list.topLevelItemCount() == 2, timeout=10_000)
    holds = {}
    qtbot.waitUntil(
        lambda: all(item.text(2) != "…" for item in dialog._items()) and dialog.list.topLevelItemCount() == 2,
        timeout=10_000,
    )
    for item in dialog._items():
        holds[item.text(1)] = item.text(2)
    assert before.meetings >= 1  # (the seeded network's: "N meetings", plural, both ways)
    assert f"{before.meetings + 1} meetings," in holds["Before a restore"]
    assert (
        holds["Before a restore"].startswith("last change ")
        and " by Trần Quốc Bảo · " in holds["Before a restore"]
    )
    assert f"{before.meetings} meetings," in holds["Copy you asked for"]
    assert holds["Before a restore"] != holds["Copy you asked for"]


def test_a_copy_named_while_the_clock_was_ahead_says_so(qtbot: Any, window: Any, ctx: Any) -> None:
    """(Reviewer h118: a copy named 29/02/2028 was listed first, as the newest; see
    tests/app/test_backups_clock_ahead.py.)"""
    from db import backup as backups
    from db.engine import sqlite_path
    from ui.dialogs.backups import BackupsDialog

    db_file = sqlite_path(str(ctx.engine.url))
    assert db_file is not None
    good = backups.take(db_file, "daily")
    assert good is not None
    ahead = backups.folder_for(db_file) / f"{db_file.stem}-20990228-100000-before-import.db"
    ahead.write_bytes(good.read_bytes())
    dialog = BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    items = [dialog.list.topLevelItem(n) for n in range(dialog.list.topLevelItemCount())]
    marked = [item for item in items if "(clock was ahead)" in item.text(0)]
    assert len(marked) == 1 and "2099" in marked[0].text(0)
    assert items[0] is not marked[0]  # not listed as the newest
    assert "taken while the computer's clock was ahead" in marked[0].toolTip(0)


def test_the_dialog_opens_on_back_up_now_so_space_takes_a_copy(
    qtbot: Any, window: Any, ctx: Any, monkeypatch: Any
) -> None:
    """Reviewer h149: File → Backups… opened with the focus on the list of copies, so Space
    selected a row instead of pressing "Sao lưu ngay" (Back up now). It opens on that button,
    the default: Space takes a copy, the list is a Tab away."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.dialogs.backups import BackupsDialog

    seen: list[Any] = []

    def press_space() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BackupsDialog)
        try:
            seen.append((dialog.focusWidget() is dialog.take_button, dialog.take_button.isDefault()))
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)  # the key the reviewer pressed
            qtbot.wait(200)
            qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
            seen.append([dialog.list.topLevelItem(n).text(1) for n in range(dialog.list.topLevelItemCount())])
        finally:
            dialog.reject()

    QTimer.singleShot(0, press_space)
    window.act_backups.trigger()  # File → Backups…
    assert seen == [(True, True), ["Copy you asked for"]]
