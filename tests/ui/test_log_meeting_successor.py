"""Log meeting puts in the successor of an organisation reorganised by the meeting's day, saying
so in one line with a link back to the old one (app.reorg.successors_on); a split asks which.

Reviewer: from the Organisations list's "Bộ Kế hoạch và Đầu tư → Bộ Tài chính" (merged on
01/03/2025), Ctrl+M opened Log meeting with it and saving the meeting of 06/12/2026 filed it
under the defunct ministry; typing "MPI" offered "Bộ Kế hoạch và Đầu tư (MPI)" with no hint.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from app import records, reorg
from db.engine import unit_of_work
from tests.ui.helpers import open_log_meeting, wait_idle

MERGED = dt.date(2025, 3, 1)


def _ministries(engine: Any) -> dict[str, int]:
    with unit_of_work(engine) as s:
        ids = {
            "mof": records.create(s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF"}),
            "mpi": records.create(s, "organisation", {"name": "Bộ Kế hoạch và Đầu tư", "acronym": "MPI"}),
            "a": records.create(s, "organisation", {"name": "Hội A"}),
            "b": records.create(s, "organisation", {"name": "Hội B"}),
            "c": records.create(s, "organisation", {"name": "Hội C"}),
        }
        reorg.succeed(s, ids["mpi"], [ids["mof"]], kind="merged", on=MERGED, actor="t")
        reorg.succeed(s, ids["a"], [ids["b"], ids["c"]], kind="split", on=MERGED, actor="t")
    return ids


def _chosen(dialog: Any) -> list[int | None]:
    return [o.id for o in dialog.organisations.values()]


def test_the_merged_ministry_from_its_row_is_its_successor_said_and_undone(qtbot, ctx, engine) -> None:
    ids = _ministries(engine)
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["mpi"])
    assert _chosen(dialog) == [ids["mof"]]
    note = dialog.successor_note
    assert note.isVisible()
    assert (
        "Bộ Kế hoạch và Đầu tư became Bộ Tài chính on 01/03/2025: the meeting is with Bộ Tài chính."
        in note.text()
    )
    note.linkActivated.emit(f"keep:{ids['mof']}")  # "Keep Bộ Kế hoạch và Đầu tư"
    assert _chosen(dialog) == [ids["mpi"]]
    assert not note.isVisible()
    dialog.when.setDate(QDate(2026, 12, 20))  # chosen as it was: the day changes nothing
    assert _chosen(dialog) == [ids["mpi"]]
    wait_idle(qtbot, ctx)


def test_typed_it_shows_the_successor_and_a_day_before_the_merger_keeps_it(qtbot, ctx, engine) -> None:
    ids = _ministries(engine)
    dialog = open_log_meeting(qtbot, ctx)
    orgs = dialog.organisations
    orgs.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orgs.input)
    qtbot.keyClicks(orgs.input, "MPI")
    orgs.settle()
    assert orgs.suggestions.item(0).text() == "Bộ Kế hoạch và Đầu tư (MPI)  → Bộ Tài chính (since 01/03/2025)"
    qtbot.keyClick(orgs.input, Qt.Key.Key_Return)
    assert [(o.id, o.label) for o in orgs.values()] == [(ids["mof"], "Bộ Tài chính")]
    dialog.when.setDate(QDate(2025, 2, 28))  # before the merger: the ministry as it was
    assert [(o.id, o.label) for o in orgs.values()] == [(ids["mpi"], "Bộ Kế hoạch và Đầu tư (MPI)")]
    assert not dialog.successor_note.isVisible()
    dialog.when.setDate(QDate(2026, 12, 6))
    assert _chosen(dialog) == [ids["mof"]]
    dialog.title.setText("Meeting with MPI")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_id is not None)
    with ctx.read() as s:
        assert records.get(s, "meeting", dialog.saved_id)["organisation_ids"] == [ids["mof"]]
    wait_idle(qtbot, ctx)


def test_a_split_one_asks_which(qtbot, ctx, engine) -> None:
    ids = _ministries(engine)
    dialog = open_log_meeting(qtbot, ctx, organisation_id=ids["a"])
    note = dialog.successor_note
    assert _chosen(dialog) == [ids["a"]]
    assert "Hội A was split on 01/03/2025: which was the meeting with?" in note.text()
    assert f'href="split:{ids["a"]}:{ids["c"]}"' in note.text()
    note.linkActivated.emit(f"split:{ids['a']}:{ids['c']}")
    assert _chosen(dialog) == [ids["c"]]
    assert "Hội A became Hội C on 01/03/2025" in note.text()
    wait_idle(qtbot, ctx)


def test_the_forms_organisation_lookup_shows_the_successor(qtbot, ctx, engine) -> None:
    """New action and the record forms pick an organisation with ui.widgets.Lookup: the merged
    ministry's row says what it became."""
    from ui.widgets import Lookup

    _ministries(engine)
    box = Lookup(ctx, "organisation")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    box.setFocus()
    qtbot.keyClicks(box, "MPI")
    model = box.completer().model()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 0).data() == "Bộ Kế hoạch và Đầu tư (MPI)  → Bộ Tài chính (since 01/03/2025)"
    wait_idle(qtbot, ctx)
