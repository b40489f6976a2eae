"""Ctrl+Z (Edit → Undo) right after an import: the import is undone in File → Import history, not
by Ctrl+Z, so Ctrl+Z says so — "Nothing to undo" read as "the import cannot be undone" — with
an "Import history…" button beside the message that opens the dialog on that import. And an
older operation is not undone in its place: the import is the newest thing the user did."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from app.importing import run_import
from db import clock
from db.engine import read_session
from db.models import Contact, ImportBatch
from tests.app.importing.helpers import preview, write_xlsx
from tests.ui.helpers import sized, wait_idle

TIMEOUT = 20_000
PEOPLE = [["Họ và tên", "Email"], *[[f"Người Thứ {i}", f"nguoi{i}@vidu.vn"] for i in range(1, 4)]]


def _live(engine: Any) -> int:
    with read_session(engine) as s:
        return int(s.execute(select(func.count()).where(col(Contact.deleted_at).is_(None))).scalar_one())


def _import(ctx: Any, engine: Any, tmp_path: Path) -> int:
    """An import as the wizard writes it (by the window's user), then the window told."""
    path = write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": PEOPLE})
    batch = run_import(engine, preview(engine, path), actor=ctx.actor()).batch_id
    assert batch is not None
    ctx.remember(f"import-{batch}")  # as the wizard's commit page does: this window's import
    ctx.changed.emit("", [])
    return int(batch)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Import history dialogs opened (shown, not run modally)."""
    from ui.import_wizard.history_dialog import ImportHistoryDialog

    shown: list[Any] = []

    def exec_(self: Any) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(ImportHistoryDialog, "exec", exec_)
    monkeypatch.setattr(ImportHistoryDialog, "deleteLater", lambda self: None)
    yield shown


def test_ctrl_z_after_an_import_says_where_it_is_undone(
    qtbot: Any, window: Any, ctx: Any, engine: Any, tmp_path: Path, opened: list[Any]
) -> None:
    people = _live(engine)
    batch = _import(ctx, engine, tmp_path)
    wait_idle(qtbot, ctx)
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    said = window.statusBar().currentMessage()
    with read_session(engine) as s:
        at = clock.local(s.get(ImportBatch, batch).created_at)  # type: ignore[union-attr]
    when = ctx.fmt_date(
        at.date()
    )  # the clock is pinned: 23/11/2026 09:00 UTC, that day in this machine's zone
    assert (
        said
        == "Nothing to undo here. The import of “danh-ba.xlsx” (3 contacts) is undone in File → Import history."
    )
    assert window.import_offer.toolTip() == (  # in full, with the day
        f"Nothing to undo here. Use File → Import history to undo the import of “danh-ba.xlsx” (3 contacts, {when})."
    )
    assert _live(engine) == people + 3  # nothing was undone
    offer = window.import_offer
    assert offer.isVisible() and offer.text() == "Import history…"
    offer.click()
    assert len(opened) == 1
    dialog = opened[0]
    qtbot.waitUntil(lambda: dialog.current() is not None, timeout=TIMEOUT)
    assert dialog.current().id == batch  # opened on that import, ready for "Undo import"
    assert dialog.undo_button.isEnabled()


def test_the_offer_goes_with_the_next_answer(
    qtbot: Any, window: Any, ctx: Any, engine: Any, tmp_path: Path, opened: list[Any]
) -> None:
    _import(ctx, engine, tmp_path)
    wait_idle(qtbot, ctx)
    window.act_undo.trigger()
    assert window.import_offer.isVisible()
    ctx.status_message.emit("Saved contact “Lan”")
    assert not window.import_offer.isVisible()


def test_an_older_operation_is_not_undone_in_the_imports_place(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], tmp_path: Path, opened: list[Any]
) -> None:
    window.commands.delete("contact", [ids["hung"]])  # undoable with Ctrl+Z …
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(window.undo_button.isVisible, timeout=TIMEOUT)
    people = _live(engine)
    batch = _import(ctx, engine, tmp_path)  # … until an import is done after it
    wait_idle(qtbot, ctx)
    assert window.act_undo.text() == "&Undo"  # no longer "Undo: Deleted 1 contact"
    assert not window.undo_button.isVisible()
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    assert (
        window.statusBar().currentMessage().startswith("Nothing to undo here. The import of “danh-ba.xlsx”")
    )
    assert _live(engine) == people + 3  # the deleted contact is still deleted
    # once the import is undone (Import history), Ctrl+Z reaches the delete again
    window.import_offer.click()
    dialog = opened[-1]
    qtbot.waitUntil(lambda: dialog.current() is not None and dialog.current().id == batch, timeout=TIMEOUT)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: _live(engine) == people, timeout=TIMEOUT)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: window.act_undo.text().startswith("&Undo: "), timeout=TIMEOUT)
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    assert _live(engine) == people + 1
    assert window.statusBar().currentMessage().startswith("Undone: ")


def test_in_vietnamese(qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, opened: list[Any]) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.main_window import MainWindow

    app = QApplication.instance()
    assert i18n.install(app, "vi") == "vi"
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.show()
        wait_idle(qtbot, ctx)
        _import(ctx, engine, tmp_path)
        wait_idle(qtbot, ctx)
        w.act_undo.trigger()
        wait_idle(qtbot, ctx)
        said = w.statusBar().currentMessage()
        assert said == (
            "Không có gì để hoàn tác ở đây. Lần nhập “danh-ba.xlsx” (3 người liên hệ) được hoàn tác trong Tệp → Lịch sử nhập."
        )
        assert w.import_offer.toolTip().startswith(
            "Không có gì để hoàn tác ở đây. Hãy dùng Tệp → Lịch sử nhập để hoàn tác lần nhập “danh-ba.xlsx” (3 người liên hệ, "
        )
        assert w.import_offer.text() == "Lịch sử nhập…"
    finally:
        i18n.install(app, "en")


def message_room(window: Any) -> int:
    """How wide the status bar's message can be drawn: up to the first permanent widget shown
    (QStatusBarPrivate::messageRect: from 6 px to 2 px before it)."""
    bar = window.statusBar()
    right = bar.width() - 12
    for w in (window.import_offer, window.file_offer, window.undo_button, window.count_label):
        if w.isVisible():
            return int(w.x() - 2 - 6)
    for w in (window.live_label, window.db_label):
        if w.isVisible():
            right = min(right, w.x() - 2)
    return int(right - 6)


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize(
    "file_name",
    ["danh-ba.xlsx", "Danh sách khách mời Hội nghị thường niên mạng lưới chuyên gia 2026 (bản cuối).xlsx"],
)
def test_the_sentence_reads_whole_at_1280(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, opened: list[Any], language: str, file_name: str
) -> None:
    """On a 1280×720 laptop, on the list with the most beside the message (the Actions list's
    count), the sentence fits the status bar's message area whole; a long file name is cut in
    its middle, whole in the button's tooltip."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.main_window import VIEWS, MainWindow

    app = QApplication.instance()
    assert i18n.install(app, language) == language
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        sized(w, 1280, 720)
        w.show()
        qtbot.waitExposed(w)
        wait_idle(qtbot, ctx)
        w.nav.setCurrentRow(VIEWS.index("action"))
        path = write_xlsx(tmp_path / file_name, {"Danh bạ": PEOPLE})
        batch = run_import(engine, preview(engine, path), actor=ctx.actor()).batch_id
        ctx.remember(f"import-{batch}")  # as the wizard's commit page does
        ctx.changed.emit("", [])
        wait_idle(qtbot, ctx)
        w.act_undo.trigger()
        wait_idle(qtbot, ctx)
        qtbot.waitUntil(lambda: w.count_label.isVisible() and w.import_offer.isVisible())
        qtbot.wait(50)  # the status bar lays its widgets out
        said = w.statusBar().currentMessage()
        assert said and "%" not in said
        need = w.statusBar().fontMetrics().horizontalAdvance(said)
        assert need <= message_room(w), (said, need, message_room(w))
        assert file_name in w.import_offer.toolTip()
        assert (file_name in said) == (len(file_name) < 40)
    finally:
        i18n.install(app, "en")


def test_the_status_bar_button_names_what_it_undoes_beside_an_import_undone(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], tmp_path: Path, opened: list[Any]
) -> None:
    """Reviewer: "Import #1 undone: 65 records removed…" with a bare "Undo" beside it read as
    "undo that undo", and one click took away an older, unrelated operation. The button names
    the operation it undoes."""
    window.commands.delete("contact", [ids["hung"]])
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(window.undo_button.isVisible, timeout=TIMEOUT)
    label = window.act_undo.text().removeprefix("&Undo: ")
    _import(ctx, engine, tmp_path)
    wait_idle(qtbot, ctx)
    window.act_undo.trigger()
    window.import_offer.click()
    dialog = opened[-1]
    qtbot.waitUntil(lambda: dialog.current() is not None and dialog.undo_button.isEnabled(), timeout=TIMEOUT)
    dialog.undo_button.click()
    bar = window.statusBar()
    qtbot.waitUntil(
        lambda: "undone" in bar.currentMessage() and window.undo_button.isVisible(), timeout=TIMEOUT
    )
    wait_idle(qtbot, ctx)
    assert bar.currentMessage().startswith("Import #")
    button = window.undo_button
    assert button.text() == f"Undo: {label}" and label.startswith("Delete")
    assert button.toolTip() == f"Undo: {label} (Ctrl+Z)"
