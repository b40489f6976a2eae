"""The merge dialog keeps, by default, the record a person would keep (reviewer h129): "Phạm
Thị Thu Trang" (#21, added first, in a meeting) and "Pham Thi Thu Trang" (#22, added later,
nothing linked but a note) — the dialog kept #22 and removed #21, and the status bar then said
'Merged “Phạm Thị Thu Trang” into “Pham Thi Thu Trang”' though the kept record shows the
accented name. Now Find duplicates and a list's "Merge the two selected…" keep the one with
more history (meetings, actions, notes), else the older; the accented name is the default
whichever is kept; the status bar and Edit → Undo name the kept record as the merge left it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog

from app import records
from db import clock
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle


def _trang_twice(engine: Any, ids: dict[str, Any], *, typed_first: bool = False) -> tuple[int, int]:
    """(the accented one in a meeting, the unaccented one with her e-mail, phone, organisation
    and a note), a day apart: the accented one added first, or (``typed_first``) second."""
    ids_by: dict[str, int] = {}

    def accented() -> None:
        with unit_of_work(engine) as s:
            ids_by["met"] = records.create(s, "contact", {"full_name": "Phạm Thị Thu Trang"})
            records.create(
                s,
                "meeting",
                {
                    "title": "Làm việc với đoàn Bộ KH&CN",
                    "starts_at": dt.datetime(2026, 11, 20, 9, 0),
                    "attendees": [{"contact_id": ids_by["met"]}],
                },
            )

    def typed() -> None:
        with unit_of_work(engine) as s:
            ids_by["typed"] = records.create(
                s,
                "contact",
                {
                    "full_name": "Pham Thi Thu Trang",
                    "position": "Chuyên viên",
                    "organisation_id": ids["nic"],
                    "emails": ["trang.ptt@most.example.vn"],
                    "phones": ["0912 000 111"],
                    **({} if typed_first else {"notes": "Ghi chú riêng"}),
                },
            )

    first, second = (typed, accented) if typed_first else (accented, typed)
    first()
    clock.set_fixed(clock.now() + dt.timedelta(days=1))
    second()
    return ids_by["met"], ids_by["typed"]


def _merged_at_once(qtbot: Any, monkeypatch: Any, shown: list[Any]) -> None:
    from ui.dialogs import duplicates

    def accept_at_once(self: Any) -> int:
        shown.append((self.survivor_id, self.other_id, self.choices()["full_name"]))
        self.do_merge()
        qtbot.waitUntil(lambda: self.merged_ids is not None, timeout=10_000)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(duplicates.MergeDialog, "exec", accept_at_once)


def test_find_duplicates_keeps_the_record_with_the_meeting_though_it_was_added_later(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    """Typed first without accents, nothing linked (a note is history too: none here); the
    accented one added the next day is in a meeting: that one is kept."""
    met, typed = _trang_twice(engine, ids, typed_first=True)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    window.nav.setCurrentRow(2)  # Contacts
    window.act_duplicates.trigger()
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: dialog._task is None and dialog.tree.topLevelItemCount() > 0, timeout=10_000)
    ours = next(n for n, g in enumerate(dialog.groups) if met in g.ids)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(ours))
    assert dialog.selected_pair() == ("contact", met, typed)
    shown: list[Any] = []
    _merged_at_once(qtbot, monkeypatch, shown)
    with qtbot.waitSignal(dialog.merged, timeout=10_000):
        dialog.merge_selected()
    wait_idle(qtbot, ctx)
    assert shown == [(met, typed, "survivor")]  # the accented name, kept with its record
    with read_session(engine) as s:
        kept = records.get(s, "contact", met)
    assert kept["full_name"] == "Phạm Thị Thu Trang"
    assert kept["emails"] == ["trang.ptt@most.example.vn"] and kept["position"] == "Chuyên viên"
    assert any("Merged “Pham Thi Thu Trang” into “Phạm Thị Thu Trang”" in x for x in said), said
    assert 'Merged contact "Pham Thi Thu Trang" into "Phạm Thị Thu Trang"' in window.act_undo.text()
    dialog.close()


def test_the_list_merge_of_two_selected_keeps_the_one_with_history_whichever_is_first(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from ui.main_window import VIEWS

    older, newer = _trang_twice(engine, ids)
    window.nav.setCurrentRow(VIEWS.index("contact"))
    panel = window.views["contact"].list
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.row_of(newer) >= 0, timeout=10_000)
    assert panel.select_id(newer)  # the newer one clicked first: it is the one on the page
    qtbot.waitUntil(lambda: window.views["contact"].detail.record_id == newer, timeout=10_000)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    panel.view.selectionModel().select(panel.model.index(panel.model.row_of(older), 0), flags)
    assert panel.selected_ids() == [newer, older]  # listed first too, as the reviewer saw them
    shown: list[Any] = []
    _merged_at_once(qtbot, monkeypatch, shown)
    window._fill_selection_menu()
    merge = next(x for x in window.selection_menu.actions() if x.objectName() == "bulk_merge")
    merge.trigger()
    wait_idle(qtbot, ctx)
    assert shown == [(older, newer, "survivor")]


def test_swapped_to_keep_the_newer_the_status_names_it_with_the_accented_name(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    from ui.dialogs.duplicates import MergeDialog

    older, newer = _trang_twice(engine, ids)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    dialog = MergeDialog(ctx, window.commands, "contact", older, newer, parent=window)
    qtbot.addWidget(dialog)
    dialog.swap()  # keep #newer: its name radio defaults to the accented one of the other
    assert (dialog.survivor_id, dialog.choices()["full_name"]) == (newer, "other")
    dialog.do_merge()
    qtbot.waitUntil(lambda: dialog.merged_ids is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    named = f"Merged “Phạm Thị Thu Trang” (#{older}) into “Phạm Thị Thu Trang” (#{newer})"
    assert any(named in x for x in said), said
    assert f'Merged contact "Phạm Thị Thu Trang" (#{older}) into "Phạm Thị Thu Trang" (#{newer})' in (
        window.act_undo.text()
    )
