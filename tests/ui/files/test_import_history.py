"""File → Import history…: past imports with their counts; any of them undone, in any order,
leaving no orphan and saying what was kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.modeltest import ModelTester
from sqlalchemy import select
from sqlmodel import col

from app.importing import run_import
from db.engine import read_session
from db.models import Contact, Organisation
from tests.app.importing.helpers import preview, write_xlsx
from ui.import_wizard.history_dialog import COL_NEW, COL_STATE, ImportHistoryDialog

TIMEOUT = 20_000


def live(engine: Any, model: Any) -> int:
    with read_session(engine) as s:
        return len(s.execute(select(model.id).where(col(model.deleted_at).is_(None))).all())


def test_import_history_lists_and_undoes_the_oldest_first(qtbot, ctx, engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    orgs_before, people_before = live(engine, Organisation), live(engine, Contact)
    a = write_xlsx(tmp_path / "a.xlsx", {"Tổ chức": [["Tên đơn vị", "Viết tắt"], ["Viện Công nghệ", "VCN"]]})
    b = write_xlsx(tmp_path / "b.xlsx", {"Danh bạ": [["Họ và tên", "Đơn vị"], ["Lê Văn Chín", "VCN"]]})
    first = run_import(engine, preview(engine, a)).batch_id
    second = run_import(engine, preview(engine, b)).batch_id
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    ModelTester(None).check(dialog.model)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=TIMEOUT)
    assert [e.id for e in dialog.model.rows] == [second, first]
    assert dialog.model.index(1, COL_NEW).data() == "1"
    assert dialog.model.index(1, COL_STATE).data() == "Can be undone"
    dialog.select(first)  # the oldest first: its organisation is used by the second's contact
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: f"Import #{first} was undone" in dialog.detail.text(), timeout=TIMEOUT)
    assert "is used by contact" in dialog.detail.text()
    assert live(engine, Organisation) == orgs_before + 1
    qtbot.waitUntil(lambda: dialog.model.rows[1].undone, timeout=TIMEOUT)
    assert dialog.model.index(1, COL_STATE).data().startswith("Undone")
    dialog.select(second)
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: f"Import #{second} was undone" in dialog.detail.text(), timeout=TIMEOUT)
    assert "Also removed, left by imports undone before: organisation 1" in dialog.detail.text()
    assert (live(engine, Organisation), live(engine, Contact)) == (orgs_before, people_before)  # no orphan
    dialog.select(second)
    qtbot.waitUntil(lambda: dialog.model.rows[0].undone, timeout=TIMEOUT)
    assert not dialog.undo_button.isEnabled()


def test_file_menu_opens_it(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[Any] = []
    monkeypatch.setattr(ImportHistoryDialog, "exec", lambda self: shown.append(self) or 0)
    assert window.act_import_history in window.menus["file"].actions()
    window.act_import_history.trigger()
    assert shown and shown[0].windowTitle() == "Import history"


def test_undo_shows_a_busy_bar_and_survives_the_dialog_closed_meanwhile(  # type: ignore[no-untyped-def]
    qtbot, ctx, engine, tmp_path: Path, monkeypatch
) -> None:
    """A big undo takes seconds: the dialog says what runs; closed meanwhile, it is not told
    (its widgets are gone) but the main window's status bar still is, and the lists refresh."""
    import threading

    from ui.import_wizard import history_dialog

    people_before = live(engine, Contact)
    b = write_xlsx(
        tmp_path / "b.xlsx",
        {"Danh bạ": [["Họ và tên", "Đơn vị"], ["Lê Văn Chín", "VCN"], ["Trần Thị Mười", "VCN"]]},
    )
    batch = run_import(engine, preview(engine, b)).batch_id
    release = threading.Event()
    real = history_dialog.undo_import

    def slow_undo(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(20), "the test never released the undo"
        return real(*args, **kwargs)

    monkeypatch.setattr(history_dialog, "undo_import", slow_undo)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    changes: list[Any] = []
    ctx.changes.connect(changes.append)
    dialog = ImportHistoryDialog(ctx)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    dialog.select(batch)
    dialog.undo_button.click()
    assert dialog.progress.isVisible() and dialog.progress.maximum() == 0  # busy, no figures
    assert dialog.progress_label.text() == f"Undoing import #{batch}…"
    assert not dialog.undo_button.isEnabled()
    dialog.reject()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not history_dialog.shiboken6.isValid(dialog), timeout=TIMEOUT)
    release.set()
    qtbot.waitUntil(lambda: bool(said), timeout=TIMEOUT)
    assert said == [f"Import #{batch} was undone: 3 records removed, 0 fields restored."]
    assert changes  # the lists are told what changed
    assert live(engine, Contact) == people_before


def test_undo_done_with_the_dialog_open_hides_the_busy_bar(  # type: ignore[no-untyped-def]
    qtbot, ctx, engine, tmp_path: Path
) -> None:
    b = write_xlsx(tmp_path / "b.xlsx", {"Danh bạ": [["Họ và tên", "Đơn vị"], ["Lê Văn Chín", "VCN"]]})
    batch = run_import(engine, preview(engine, b)).batch_id
    said: list[str] = []
    ctx.status_message.connect(said.append)
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    dialog.select(batch)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: f"Import #{batch} was undone" in dialog.detail.text(), timeout=TIMEOUT)
    assert not dialog.progress.isVisible() and not dialog.progress_label.isVisible()
    assert said == [dialog.detail.text().splitlines()[0]]
