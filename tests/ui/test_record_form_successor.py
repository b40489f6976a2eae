"""The record forms put in the successor of an organisation reorganised by today, as Log meeting
does, saying so under the field with a link back to it; a split asks which (reviewer h97: an
action added for MPI, merged into Bộ Tài chính on 01/03/2025, was filed under MPI with no word).
A record opened for editing keeps what it holds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import records
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle
from tests.ui.test_log_meeting_successor import _ministries


def _form(qtbot: Any, ctx: Any, entity: str, record_id: int | None = None, **initial: Any) -> Any:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, entity, record_id, initial=initial or None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _pick(qtbot: Any, box: Any, text: str) -> None:
    """Typed, then the first row taken with Down and Enter, as a keyboard user does."""
    box.setFocus()
    qtbot.keyClicks(box, text)
    popup = box.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and box.completer().completionModel().rowCount() >= 1)
    assert QApplication.activePopupWidget() is popup
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_a_new_action_from_the_merged_ministry_is_for_its_successor_said_and_undone(
    qtbot: Any, ctx: Any, engine: Any
) -> None:
    ids = _ministries(engine)
    form = _form(qtbot, ctx, "action", organisation_id=ids["mpi"])
    box, note = form.widgets["organisation_id"], form.successor_notes["organisation_id"]
    assert box.value() == ids["mof"] and box.text() == "Bộ Tài chính"
    assert note.isVisible()
    assert "Bộ Kế hoạch và Đầu tư became Bộ Tài chính on 01/03/2025: saved with Bộ Tài chính." in note.text()
    # its lines shown whole (at first the form kept its height and cut the link off)
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()))
    note.linkActivated.emit("keep")  # "Keep Bộ Kế hoạch và Đầu tư": as it was chosen
    assert box.value() == ids["mpi"] and not note.isVisible()
    note.linkActivated.emit("keep")  # (nothing to keep twice)
    assert box.value() == ids["mpi"]

    form = _form(qtbot, ctx, "action", organisation_id=ids["mpi"])
    form.widgets["title"].setText("Gửi dự thảo quy định sandbox")
    form.save()
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        assert records.get(s, "action", form.saved_id)["organisation_id"] == ids["mof"]
    wait_idle(qtbot, ctx)


def test_typed_and_picked_in_a_new_contact_it_is_the_successor_and_a_split_asks_which(
    qtbot: Any, ctx: Any, engine: Any
) -> None:
    ids = _ministries(engine)
    form = _form(qtbot, ctx, "contact")
    box, note = form.widgets["organisation_id"], form.successor_notes["organisation_id"]
    _pick(qtbot, box, "MPI")
    qtbot.waitUntil(lambda: box.value() == ids["mof"])
    assert note.isVisible()
    qtbot.wait(50)  # (nothing writes the old name back over it after the pick: reviewer h98)
    assert box.text() == "Bộ Tài chính"
    box.clear()
    qtbot.keyClicks(box, "Hoi")  # another one typed: what was said goes
    assert not note.isVisible()
    box.set_record(ids["a"], "Hội A  → Hội B, Hội C (since 01/03/2025)")  # (picked from its row)
    box.picked.emit(ids["a"])
    qtbot.waitUntil(lambda: "was split" in note.text())
    assert box.value() == ids["a"] and box.text() == "Hội A"  # a split: no guess, the note asks
    assert "Hội A was split on 01/03/2025: which one is it now?" in note.text()
    assert f'href="split:{ids["c"]}"' in note.text()
    note.linkActivated.emit(f"split:{ids['c']}")
    assert box.value() == ids["c"] and box.text() == "Hội C" and not note.isVisible()
    form.widgets["full_name"].setText("Trần Thị Mai")
    form.save()
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        assert records.get(s, "contact", form.saved_id)["organisation_id"] == ids["c"]
    wait_idle(qtbot, ctx)


def test_a_record_opened_for_editing_keeps_the_organisation_it_holds(
    qtbot: Any, ctx: Any, engine: Any
) -> None:
    ids = _ministries(engine)
    with unit_of_work(engine) as s:
        old = records.create(s, "contact", {"full_name": "Vũ Văn Cũ", "organisation_id": ids["mpi"]})
    form = _form(qtbot, ctx, "contact", old)
    assert form.widgets["organisation_id"].value() == ids["mpi"]
    assert not form.successor_notes["organisation_id"].isVisible()
    wait_idle(qtbot, ctx)


def test_a_lookup_shows_a_picked_name_without_the_lists_successor_hint(
    qtbot: Any, ctx: Any, engine: Any
) -> None:
    """The list offers "Bộ Kế hoạch và Đầu tư (MPI)  → Bộ Tài chính (since 01/03/2025)"; once
    picked (in a filter, say), the box holds the name alone."""
    from ui.widgets import Lookup

    ids = _ministries(engine)
    box = Lookup(ctx, "organisation")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    _pick(qtbot, box, "MPI")
    assert box.value() == ids["mpi"]
    qtbot.waitUntil(lambda: "→" not in box.text())
    assert box.text().startswith("Bộ Kế hoạch và Đầu tư")
