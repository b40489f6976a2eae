"""View → Trash in the real main window: deleted records of every kind with who and when,
filters, restore of a selection with its links (undoable), and "Empty trash…" that asks and
backs up first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from app import records
from db import backup as backups
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle


def _open_trash(qtbot: Any, window: Any) -> Any:
    window.act_trash.trigger()
    dialog = window.trash_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    return dialog


def _rows(dialog: Any) -> list[tuple[str, str, str, str]]:
    m = dialog.model
    return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]


def _select(dialog: Any, names: set[str]) -> None:
    sel = dialog.table.selectionModel()
    sel.clear()
    for r, row in enumerate(_rows(dialog)):
        if row[0] in names:
            sel.select(
                dialog.model.index(r, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_the_trash_lists_what_was_deleted_and_restores_it_with_its_links(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, qtmodeltester: Any
) -> None:
    assert window.act_trash in window.menus["view"].actions()
    # delete a contact with the Delete key, as a user does, and a meeting through the same command
    window.navigate("contact", ids["nhung"])
    panel = window.views["contact"].list
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    wait_idle(qtbot, ctx)
    window.commands.delete("meeting", [ids["past_meeting"]])
    wait_idle(qtbot, ctx)
    dialog = _open_trash(qtbot, window)
    qtmodeltester.check(dialog.model, force_py=True)
    rows = _rows(dialog)
    assert [r[:3] for r in rows] == [
        ("Họp làm việc về chương trình AI", "Meeting", "Trần Minh Anh"),  # newest first
        ("Nguyễn Thị Hồng Nhung", "Contact", "Trần Minh Anh"),
    ]
    assert rows[0][3].startswith("23/11/2026 ")  # the user's date format (day first by default)
    assert "2 deleted records" in dialog.summary.text()
    assert not dialog.restore_button.isEnabled()

    dialog.kind.setCurrentIndex(dialog.kind.findData("contact"))
    qtbot.waitUntil(lambda: dialog.loaded and len(_rows(dialog)) == 1, timeout=10_000)
    dialog.kind.setCurrentIndex(0)
    qtbot.keyClicks(dialog.text, "nguyen thi")
    qtbot.waitUntil(
        lambda: dialog.loaded and [r[0] for r in _rows(dialog)] == ["Nguyễn Thị Hồng Nhung"], timeout=10_000
    )
    dialog.text.clear()
    qtbot.waitUntil(lambda: dialog.loaded and len(_rows(dialog)) == 2, timeout=10_000)

    _select(dialog, {"Nguyễn Thị Hồng Nhung", "Họp làm việc về chương trình AI"})
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.loaded and _rows(dialog) == [], timeout=10_000)
    assert dialog.summary.text() == "The trash is empty."
    with read_session(engine) as s:
        meeting = records.get(s, "meeting", ids["past_meeting"])
        assert {a["contact_id"]: a["role"] for a in meeting["attendees"]} == {
            ids["nhung"]: "chair",
            ids["dang"]: "participant",
        }
        assert meeting["organisation_ids"] == [ids["nic"]]
        assert records.get(s, "contact", ids["nhung"])["emails"] == ["nhung@nic.gov.vn"]
    qtbot.waitUntil(lambda: ids["nhung"] in panel.model.loaded_ids(), timeout=10_000)
    # one restore, one undo: both go back to the trash
    assert "Restored" in window.act_undo.text()
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.loaded and len(_rows(dialog)) == 2, timeout=10_000)


def test_a_record_whose_name_is_taken_stays_with_the_reason(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.commands.delete("organisation", [ids["genetica"]])
    wait_idle(qtbot, ctx)
    with unit_of_work(engine) as s:
        records.create(s, "organisation", {"name": "Genetica"})
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    dialog = _open_trash(qtbot, window)
    _select(dialog, {"Genetica"})
    dialog.restore_button.click()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "Genetica" in told[0] and "rename or merge" in told[0]
    qtbot.waitUntil(lambda: dialog.loaded and len(_rows(dialog)) == 1, timeout=10_000)


def test_empty_trash_asks_backs_up_and_removes_for_good(
    qtbot: Any,
    window: Any,
    ctx: Any,
    ids: dict[str, Any],
    engine: Any,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.commands.delete("contact", [ids["smith"], ids["bao"]])
    wait_idle(qtbot, ctx)
    dialog = _open_trash(qtbot, window)
    assert dialog.empty_button.isEnabled() and len(_rows(dialog)) == 2
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.empty_button.click()  # cancelled: nothing happens
    wait_idle(qtbot, ctx)
    assert len(asked) == 1 and "backup" in asked[0]
    assert [b for b in backups.listing(db_path) if b.reason == "before-empty-trash"] == []
    dialog.empty_button.click()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.loaded and _rows(dialog) == [], timeout=10_000)
    assert not dialog.empty_button.isEnabled()
    assert len([b for b in backups.listing(db_path) if b.reason == "before-empty-trash"]) == 1
    with read_session(engine) as s:
        for cid in (ids["smith"], ids["bao"]):
            with pytest.raises(Exception, match="was removed for good by Trần Minh Anh"):
                records.snapshot(s, "contact", cid, include_deleted=True)


def test_emptying_names_the_files_that_go_with_the_records_and_counts_them_the_same_way(
    qtbot: Any,
    window: Any,
    ctx: Any,
    ids: dict[str, Any],
    engine: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reviewer: the trash said "1 deleted records in the trash; 1 shown.", and emptying it
    "Removed 2 records for good" — the second the contact's attached PDF, never listed or asked."""
    from app import attachments

    with unit_of_work(engine) as s:
        attachments.add(s, "contact", ids["smith"], attachments.prepare("Công văn số 01.pdf", b"%PDF-1.4 x"))
    window.commands.delete("contact", [ids["smith"]])
    wait_idle(qtbot, ctx)
    dialog = _open_trash(qtbot, window)
    assert dialog.summary.text() == "1 deleted record in the trash; 1 shown."
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    dialog.empty_button.click()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.loaded and _rows(dialog) == [], timeout=10_000)
    assert asked and asked[0].startswith("Remove 1 contact and 1 file attached to it for good?")
    assert "Removed 1 contact and 1 file attached to it for good" in said
    with read_session(engine) as s:
        assert attachments.list_for(s, "contact", ids["smith"]) == []


def _twin_asked(monkeypatch: pytest.MonkeyPatch, button: str) -> list[str]:
    """Answer the question about a live contact of the same e-mail by ``button``'s text."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def _live_with_email(engine: Any, email: str) -> list[int]:
    from sqlalchemy import select

    from db import models as m

    with read_session(engine) as s:
        return list(
            s.execute(
                select(m.Contact.id)
                .join(m.ContactMethod, m.ContactMethod.contact_id == m.Contact.id)  # type: ignore[arg-type]
                .where(m.ContactMethod.value == email, m.Contact.deleted_at.is_(None))  # type: ignore[union-attr]
            ).scalars()
        )


@pytest.mark.parametrize("answer", ["Merge into it", "Restore anyway", "Leave in the trash"])
def test_restoring_a_contact_a_live_one_has_the_email_of_asks(
    qtbot: Any,
    window: Any,
    ctx: Any,
    ids: dict[str, Any],
    engine: Any,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    """Reviewer h109: an import undone, the same file imported again, and the first record of the
    person restored from the trash made two of them, same e-mail, phone and name, without a word."""
    window.commands.delete("contact", [ids["nhung"]])
    wait_idle(qtbot, ctx)
    with unit_of_work(engine) as s:
        again = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Thị Hồng Nhung", "emails": ["nhung@nic.gov.vn"], "position": "GĐ"},
        )
    asked = _twin_asked(monkeypatch, answer)
    dialog = _open_trash(qtbot, window)
    _select(dialog, {"Nguyễn Thị Hồng Nhung"})
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert "nhung@nic.gov.vn" in asked[0] and f"#{again}" in asked[0], asked[0]
    live = _live_with_email(engine, "nhung@nic.gov.vn")
    with read_session(engine) as s:
        kept = records.get(s, "contact", again)
    if answer == "Merge into it":
        assert live == [again]
        assert kept["position"] == "GĐ"  # (the live record's values stand)
        assert "Merge" in window.act_undo.text()
    elif answer == "Restore anyway":
        assert sorted(live) == sorted([ids["nhung"], again])
    else:
        assert live == [again]
        qtbot.waitUntil(lambda: dialog.loaded and len(_rows(dialog)) == 1, timeout=10_000)
