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
    assert "Also removed, left by imports undone before: 1 organisation" in dialog.detail.text()
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
    assert not dialog.undo_button.isEnabled()  # while it reads what the undo will remove
    qtbot.waitUntil(dialog.progress.isVisible, timeout=TIMEOUT)  # asked (answered), started
    assert dialog.progress.maximum() == 0  # busy, no figures
    assert dialog.progress_label.text() == f"Undoing import #{batch}…"
    assert not dialog.undo_button.isEnabled()
    dialog.reject()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not history_dialog.shiboken6.isValid(dialog), timeout=TIMEOUT)
    release.set()
    qtbot.waitUntil(lambda: bool(said), timeout=TIMEOUT)
    assert said == [
        f"Import #{batch} was undone: 3 records removed, 0 fields put back on records that existed before."
    ]
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


def test_a_big_undo_counts_its_records_and_can_be_cancelled(  # type: ignore[no-untyped-def]
    qtbot, ctx, engine, tmp_path: Path, monkeypatch
) -> None:
    """Not a busy bar for seconds: "Undoing import #1… 900 of 2,003 records" on a bar with those
    figures; Cancel undo rolls it back and says nothing was changed."""
    import threading
    import time

    from db.models import ImportBatch
    from ui.import_wizard import history_dialog

    rows = [
        ["Họ và tên", "Email", "Đơn vị"],
        *[[f"Người {i}", f"n{i}@vidu.vn", f"Viện {i % 3}"] for i in range(2000)],
    ]
    batch = run_import(engine, preview(engine, write_xlsx(tmp_path / "lon.xlsx", {"Danh bạ": rows}))).batch_id
    people = live(engine, Contact)
    halfway, release = threading.Event(), threading.Event()
    real = history_dialog.undo_import

    def paused_undo(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def report(done: int, total: int) -> None:
            if done >= 900 and not halfway.is_set():
                time.sleep(0.06)  # past the task's 20-a-second throttle: this count is shown
                progress(done, total)
                halfway.set()
                assert release.wait(20), "the test never released the undo"
                return
            progress(done, total)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(history_dialog, "undo_import", paused_undo)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    dialog.select(batch)
    dialog.undo_button.click()
    qtbot.waitUntil(halfway.is_set, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: dialog.progress.value() == 900, timeout=TIMEOUT)
    assert dialog.progress.maximum() == 2003  # the contacts and the three organisations made for them
    assert dialog.progress_label.text() == f"Undoing import #{batch}… 900 of {ctx.fmt_number(2003)} records"
    assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT)
    assert said == [f"Undo of import #{batch} cancelled: nothing was changed."]
    assert dialog.detail.text() == said[0]
    assert not dialog.progress.isVisible() and not dialog.cancel_button.isVisible()
    assert live(engine, Contact) == people  # rolled back
    with read_session(engine) as s:
        assert s.get(ImportBatch, batch).undone_at is None  # type: ignore[union-attr]
    assert dialog.undo_button.isEnabled()  # and it can be undone again


def test_the_wizards_undo_counts_its_records_too(qtbot, ctx, engine, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The wizard's own Undo (on its last page) fills its bar with the records dealt with."""
    from tests.ui.files.test_import_wizard import open_wizard, to_preview
    from ui.import_wizard.common import BusyStrip

    rows = [["Họ và tên", "Email"], *[[f"Người {i}", f"n{i}@vidu.vn"] for i in range(1000)]]
    w = open_wizard(qtbot, ctx, write_xlsx(tmp_path / "lon.xlsx", {"Danh bạ": rows}))
    to_preview(qtbot, w)
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    w.next()
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    shown: list[tuple[int, int]] = []
    real = BusyStrip.progress
    monkeypatch.setattr(BusyStrip, "progress", lambda self, d, t: shown.append((d, t)) or real(self, d, t))
    cp.undo_import()
    qtbot.waitUntil(lambda: cp.state == "undone", timeout=TIMEOUT)
    assert shown and shown[-1] == (1000, 1000)
    w.accept()


def test_who_says_whose_import_or_that_no_name_was_recorded(qtbot, ctx, engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An import made with no one chosen under Settings → I am stores no name ("", history is
    not rewritten): the Who column says no name was recorded, and how to have one, rather
    than a bare "—"; a named import shows its name."""
    from PySide6.QtCore import Qt

    from ui.import_wizard.history_dialog import COL_WHO

    a = write_xlsx(
        tmp_path / "a.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["Lê Văn Mười", "muoi@vidu.vn"]]}
    )
    b = write_xlsx(tmp_path / "b.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["Lê Văn Một", "mot@vidu.vn"]]})
    run_import(engine, preview(engine, a), actor="")
    run_import(engine, preview(engine, b), actor="Quang")
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=TIMEOUT)
    named, unnamed = dialog.model.index(0, COL_WHO), dialog.model.index(1, COL_WHO)
    assert named.data() == "Quang" and not named.data(Qt.ItemDataRole.ToolTipRole)
    assert unnamed.data() == "No name recorded"
    assert "File → Settings → “I am”" in unnamed.data(Qt.ItemDataRole.ToolTipRole)
    assert unnamed.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed: not a person's name
