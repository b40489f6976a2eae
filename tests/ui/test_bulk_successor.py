"""The list's "Set organisation" on a selection follows a reorganisation as the record forms do:
the merged ministry picked becomes its successor, said under the box with a link to keep it; a
split asks which (reviewer h98: two contacts set in bulk to MPI, merged into Bộ Tài chính on
01/03/2025, were filed under the defunct ministry with no word)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import records
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle
from tests.ui.test_log_meeting_successor import _ministries
from tests.ui.test_record_form_successor import _pick


def _dialog(qtbot: Any, ctx: Any) -> Any:
    from ui.bulk import ValueDialog

    dialog = ValueDialog(ctx, "organisation", "Set organisation — 2 contacts", "Organisation")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_merged_ministry_picked_is_its_successor_said_and_kept_on_asking(
    qtbot: Any, ctx: Any, engine: Any
) -> None:
    ids = _ministries(engine)
    dialog = _dialog(qtbot, ctx)
    box, note = dialog.editor, dialog.successor
    _pick(qtbot, box, "MPI")
    qtbot.waitUntil(lambda: box.value() == ids["mof"])
    assert note.isVisible() and box.text() == "Bộ Tài chính"
    assert "Bộ Kế hoạch và Đầu tư became Bộ Tài chính on 01/03/2025: saved with Bộ Tài chính." in note.text()
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()))  # shown whole
    note.linkActivated.emit("keep")
    assert dialog.value() == ids["mpi"] and not note.isVisible()

    box.clear()
    qtbot.keyClicks(box, "Hoi")
    box.set_record(ids["a"], "Hội A  → Hội B, Hội C (since 01/03/2025)")  # (picked from its row)
    box.picked.emit(ids["a"])
    qtbot.waitUntil(lambda: "was split" in note.text())
    assert dialog.value() == ids["a"] and box.text() == "Hội A"
    note.linkActivated.emit(f"split:{ids['b']}")
    assert dialog.value() == ids["b"] and not note.isVisible()


def test_set_organisation_on_two_selected_contacts_files_them_under_the_successor(
    qtbot: Any, ctx: Any, engine: Any, window: Any
) -> None:
    ids = _ministries(engine)
    with unit_of_work(engine) as s:
        people = [records.create(s, "contact", {"full_name": n}) for n in ("Vũ Văn Một", "Vũ Văn Hai")]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "bulk_value":
            QTimer.singleShot(20, answer)
            return
        _pick(qtbot, dialog.editor, "MPI")
        qtbot.waitUntil(lambda: dialog.value() == ids["mof"])
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.bulk.set_field("contact", people, "organisation_id", "organisation")
    qtbot.waitUntil(lambda: _orgs(engine, people) == {ids["mof"]}, timeout=10_000)
    wait_idle(qtbot, ctx)


def _orgs(engine: Any, people: list[int]) -> set[int | None]:
    with read_session(engine) as s:
        return {records.get(s, "contact", p)["organisation_id"] for p in people}
