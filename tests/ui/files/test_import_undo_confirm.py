"""File → Import history → Undo import asks first (reviewer's defect: it started at once,
though an import's undo cannot itself be undone), naming what will be removed and put back,
with Cancel the default; and an undo that fails stops its busy bar and says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import select
from sqlmodel import col

from app.importing import run_import
from db.engine import read_session
from db.models import Contact, ImportBatch
from tests.app.importing.helpers import preview, write_xlsx
from ui.import_wizard import history_dialog
from ui.import_wizard.history_dialog import ImportHistoryDialog

TIMEOUT = 20_000
ROWS = [
    ["Họ và tên", "Đơn vị", "Email"],
    ["Lê Văn Chín", "Viện Công nghệ Sinh học", "chin@ibt.vn"],
    ["Trần Thị Mười", "Viện Công nghệ Sinh học", "muoi@ibt.vn"],
    ["Phạm Văn Một", "Trung tâm Đổi mới sáng tạo", "mot@nic.vn"],
]


def _live(engine: Any) -> int:
    with read_session(engine) as s:
        return len(s.execute(select(Contact.id).where(col(Contact.deleted_at).is_(None))).all())


def _undone(engine: Any, batch: int) -> bool:
    with read_session(engine) as s:
        return s.get(ImportBatch, batch).undone_at is not None  # type: ignore[union-attr]


@pytest.fixture
def imported(engine: Any, tmp_path: Path) -> int:
    book = write_xlsx(tmp_path / "field-contacts.xlsx", {"Danh bạ": ROWS})
    batch = run_import(engine, preview(engine, book)).batch_id
    assert batch is not None
    return batch


def _opened(qtbot: Any, ctx: Any, batch: int) -> ImportHistoryDialog:
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    dialog.select(batch)
    return dialog


def test_undo_import_asks_first_and_cancel_is_the_default(
    qtbot: Any, ctx: Any, engine: Any, imported: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = _live(engine)
    asked: list[QMessageBox] = []

    def cancel(box: QMessageBox) -> Any:
        asked.append(box)
        return box.defaultButton()  # Enter on the box: its default

    monkeypatch.setattr(history_dialog, "answer", cancel)
    dialog = _opened(qtbot, ctx, imported)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)  # once it read what will be removed
    [box] = asked
    text = box.text()
    day = ctx.fmt_date(history_dialog._local(dialog.current().created_at).date())  # type: ignore[union-attr]
    assert text.startswith(f"Undo import #{imported} (field-contacts.xlsx, {day})?")
    assert "3 contacts and 2 organisations it created will be removed." in text
    # (not "This cannot be undone." alone: what it removes can be restored from the trash, h118)
    assert text.endswith(
        "What it removes goes to the trash (View → Trash…); the undo itself cannot be reversed in one step."
    )
    assert box.defaultButton() is box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.findChild(QPushButton, "import_history_confirm_undo").text() == "Undo import"
    # Cancel: nothing starts, nothing changes
    assert not dialog.busy and not dialog.progress.isVisible() and dialog.undo_button.isEnabled()
    ctx.tasks.wait()
    assert _live(engine) == people and not _undone(engine, imported)

    monkeypatch.setattr(
        history_dialog, "answer", lambda box: box.findChild(QPushButton, "import_history_confirm_undo")
    )
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: f"Import #{imported} was undone" in dialog.detail.text(), timeout=TIMEOUT)
    assert _live(engine) == people - 3 and _undone(engine, imported)


def test_the_question_names_updates_too(ctx: Any) -> None:
    import datetime as dt

    from app.importing.history import ImportEntry

    e = ImportEntry(
        4, dt.datetime(2026, 12, 5, 2, 0, tzinfo=dt.UTC), "Anh", "field-contacts.xlsx", "Danh bạ",
        ("contact",), 59, 7, 0, 0, 12, 0, None, {"contact": 59, "organisation": 12, "action": 4},
    )  # fmt: skip
    text = history_dialog.undo_question(ctx, e)
    assert (
        "59 contacts, 12 organisations and 4 actions it created will be removed, and the updates it made put back."
        in text
    )
    only = ImportEntry(5, e.created_at, "", "b.xlsx", "", ("contact",), 0, 3, 0, 0, 0, 0, None, {})
    assert "The updates it made will be put back." in history_dialog.undo_question(ctx, only)
    one = ImportEntry(6, e.created_at, "", "c.xlsx", "", ("contact",), 1, 0, 0, 0, 0, 0, None, {"contact": 1})
    assert "\n\n1 contact it created will be removed.\n\n" in history_dialog.undo_question(ctx, one)


def test_a_failing_undo_stops_the_busy_bar_and_says_why(
    qtbot: Any, ctx: Any, engine: Any, imported: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(history_dialog, "undo_import", broken)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    dialog = _opened(qtbot, ctx, imported)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: "disk I/O error" in dialog.detail.text(), timeout=TIMEOUT)
    assert dialog.detail.text() == f"Import #{imported} was not undone: RuntimeError: disk I/O error"
    assert not dialog.busy and not dialog.progress.isVisible() and not dialog.cancel_button.isVisible()
    assert dialog.undo_button.isEnabled() and said == [dialog.detail.text()]


def test_a_failure_after_the_undo_still_stops_the_busy_bar(
    qtbot: Any, ctx: Any, engine: Any, imported: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The undo itself succeeded, but saying what it did failed: the bar stops, the import is
    shown undone (never a spinner for ever)."""

    def broken(*_a: Any) -> list[str]:
        raise KeyError("kept")

    monkeypatch.setattr(history_dialog, "undo_summary", broken)
    dialog = _opened(qtbot, ctx, imported)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT)
    assert dialog.detail.text().startswith(f"Import #{imported} was undone.")
    assert not dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rows[0].undone, timeout=TIMEOUT)


def test_the_question_in_vietnamese(qapp: Any, ctx: Any) -> None:
    import datetime as dt

    from app.importing.history import ImportEntry
    from ui import i18n

    e = ImportEntry(
        4, dt.datetime(2026, 12, 5, 2, 0, tzinfo=dt.UTC), "Anh", "field-contacts.xlsx", "Danh bạ",
        ("contact",), 59, 7, 0, 0, 12, 0, None, {"contact": 59, "organisation": 12, "action": 4},
    )  # fmt: skip
    assert i18n.install(qapp, "vi") == "vi"
    try:
        text = history_dialog.undo_question(ctx, e)
    finally:
        i18n.install(qapp, "en")
    assert text.startswith("Hoàn tác lần nhập #4 (field-contacts.xlsx, ")
    assert "59 người liên hệ, 12 tổ chức và 4 việc cần làm do lần nhập này tạo sẽ bị xoá" in text
    assert text.endswith("riêng việc hoàn tác này không thể đảo ngược bằng một bước.")


def test_the_status_bar_counts_one_record_as_one(qapp: Any, ctx: Any) -> None:
    """A reviewer read "1 records removed" in the status bar."""
    from app.importing import UndoResult
    from ui import i18n

    one = UndoResult(3, deleted={"contact": 1}, restored_fields=1)
    assert i18n.install(qapp, "en") == "en"  # not left to an earlier test: C has no "1,234"
    assert (
        history_dialog.undo_summary(ctx, one)[0]
        == "Import #3 was undone: 1 record removed, 1 field put back on records that existed before."
    )
    many = UndoResult(3, deleted={"contact": 1200, "organisation": 34}, restored_fields=0)
    assert history_dialog.undo_summary(ctx, many)[0] == (
        "Import #3 was undone: 1,234 records removed, 0 fields put back on records that existed before."
    )
    assert i18n.install(qapp, "vi") == "vi"
    try:
        said = history_dialog.undo_summary(ctx, one)[0]
    finally:
        i18n.install(qapp, "en")
    assert (
        said
        == "Đã hoàn tác lần nhập #3: xoá 1 bản ghi, trả lại giá trị cũ của 1 trường trên các bản ghi đã có từ trước."
    ), said


def test_the_undo_summary_says_what_stays_on_purpose(qapp: Any, ctx: Any) -> None:
    """The records removed are in the trash, the remembered columns stay: said, not silently
    different from the database before the import."""
    from app.importing import UndoResult

    lines = history_dialog.undo_summary(ctx, UndoResult(3, deleted={"contact": 2}, remembered=1))
    assert lines[1:] == [
        "What it removed is in the trash (View → Trash restores it).",
        "The column choices remembered for this file's layout stay for the next file laid out the same.",
    ]
    nothing = history_dialog.undo_summary(ctx, UndoResult(3, restored_fields=2, restored={"contact": 1}))
    assert len(nothing) == 1  # removed nothing, remembered no layout: nothing more to say


def test_the_wizards_own_undo_asks_too(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Undo this import" on the wizard's last page asks the same question; Cancel keeps it."""
    from tests.ui.files.test_import_wizard import open_wizard, to_preview

    w = open_wizard(qtbot, ctx, write_xlsx(tmp_path / "field-contacts.xlsx", {"Danh bạ": ROWS}))
    to_preview(qtbot, w)
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    w.next()
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    people = _live(engine)
    asked: list[str] = []

    def cancel(box: QMessageBox) -> Any:
        asked.append(box.text())
        return box.defaultButton()

    monkeypatch.setattr(history_dialog, "answer", cancel)
    cp.undo.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)  # once it read what will be removed
    assert len(asked) == 1 and "3 contacts and 2 organisations it created will be removed." in asked[0]
    assert cp.state == "done" and cp.undo.isEnabled() and _live(engine) == people
    monkeypatch.setattr(
        history_dialog, "answer", lambda box: box.findChild(QPushButton, "import_history_confirm_undo")
    )
    cp.undo.click()
    qtbot.waitUntil(lambda: cp.state == "undone", timeout=TIMEOUT)
    assert _live(engine) == people - 3
    # what the undo leaves on purpose is said (tests/app/importing/test_undo_leaves_no_trace.py)
    assert cp.message.text() == (
        "The database is as it was before this import. What it removed is in the trash (View → Trash "
        "restores it). The column choices remembered for this file's layout stay for the next file laid "
        "out the same."
    )
    w.accept()


def test_undo_history_asks_before_an_imports_undo(
    qtbot: Any, ctx: Any, engine: Any, imported: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edit → Undo history offers imports too: the same question, Cancel keeps the import."""
    from tests.ui.test_undo_history import _open

    people = _live(engine)
    asked: list[str] = []

    def cancel(box: QMessageBox) -> Any:
        asked.append(box.text())
        return box.defaultButton()

    monkeypatch.setattr(history_dialog, "answer", cancel)
    dialog = _open(qtbot, ctx)
    dialog.select_group(next(e.group_id for e in dialog.model.rows if e.kind == "import"))
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    assert len(asked) == 1 and asked[0].startswith(f"Undo import #{imported} (field-contacts.xlsx, ")
    ctx.tasks.wait()
    assert _live(engine) == people and not _undone(engine, imported) and not dialog.progress.isVisible()
    monkeypatch.setattr(
        history_dialog, "answer", lambda box: box.findChild(QPushButton, "import_history_confirm_undo")
    )
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: _undone(engine, imported), timeout=TIMEOUT)
    ctx.tasks.wait()


def test_the_question_counts_what_will_really_go_and_what_stays(
    qtbot: Any, ctx: Any, engine: Any, imported: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A contact edited after the import is kept, and his organisation with him (reviewer: the
    question said every organisation the import made would go, and they all went, leaving him on
    one in the trash): the question counts the one that stays out, and says why it stays."""
    from app import records
    from db.engine import unit_of_work
    from db.models import Organisation

    with unit_of_work(engine) as s:
        chin, org = s.execute(
            select(Contact.id, Contact.organisation_id).where(Contact.full_name == "Lê Văn Chín")
        ).one()
        records.update(s, "contact", chin, {"position": "Viện trưởng"}, expected_version=None)
    asked: list[str] = []

    def undo(box: QMessageBox) -> Any:
        asked.append(box.text())
        return box.findChild(QPushButton, "import_history_confirm_undo")

    monkeypatch.setattr(history_dialog, "answer", undo)
    dialog = _opened(qtbot, ctx, imported)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: f"Import #{imported} was undone" in dialog.detail.text(), timeout=TIMEOUT)
    [text] = asked
    assert "2 contacts and 1 organisation it created will be removed." in text
    assert (
        "1 contact and 1 organisation it created will be kept: edited or used since the import, "
        "or needed by one that is kept."
    ) in text
    said = dialog.detail.text()
    assert "3 records removed" in said  # as asked
    assert (
        f'organisation "Viện Công nghệ Sinh học" (#{org}): contact "Lê Văn Chín" (#{chin}), which is kept, '
        "still refers to it; kept"
    ) in said
    with read_session(engine) as s:
        assert s.get(Organisation, org).deleted_at is None  # type: ignore[union-attr]


def test_the_wizards_undo_names_what_it_kept_not_a_count_of_fields(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A contact edited after the import is kept: the note names it, as Import history does (it
    said "1 fields were changed after the import", and counted a record kept for a file attached
    to it as a field)."""
    from app import records
    from db.engine import unit_of_work
    from tests.ui.files.test_import_wizard import open_wizard, to_preview

    w = open_wizard(qtbot, ctx, write_xlsx(tmp_path / "field-contacts.xlsx", {"Danh bạ": ROWS}))
    to_preview(qtbot, w)
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    w.next()
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    with unit_of_work(engine) as s:
        chin = s.execute(select(Contact.id).where(Contact.full_name == "Lê Văn Chín")).scalar_one()
        records.update(s, "contact", chin, {"position": "Viện trưởng"}, expected_version=None, actor="Lan")
    monkeypatch.setattr(
        history_dialog, "answer", lambda box: box.findChild(QPushButton, "import_history_confirm_undo")
    )
    cp.undo.click()
    qtbot.waitUntil(lambda: cp.state == "undone", timeout=TIMEOUT)
    assert cp.message.text().splitlines() == [
        "What it removed is in the trash (View → Trash restores it). The column choices remembered for this "
        "file's layout stay for the next file laid out the same.",
        "Kept, because they were edited or used since:",
        f'• contact "Lê Văn Chín" (#{chin}) was edited after the import; kept',
        f'• organisation "Viện Công nghệ Sinh học" (#1): contact "Lê Văn Chín" (#{chin}), which is kept, still '
        "refers to it; kept",
    ]
    w.accept()
