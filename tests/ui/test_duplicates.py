"""Duplicate warning while typing, Find duplicates, and the merge dialog with its undo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app import records
from db import models as m
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle


def test_contact_form_warns_while_typing_without_accents(qtbot: Any, ctx: Any, hung: int) -> None:
    from ui.dialogs.record_form import RecordForm
    from ui.dupwarn import DEBOUNCE_MS, RecordPeek

    form = RecordForm(ctx, "contact")
    qtbot.addWidget(form)
    form.show()
    warning = form.duplicates
    assert warning is not None and not warning.isVisible()
    qtbot.keyClicks(form.widgets["full_name"], "Nguyen Van Hung")
    # debounced: nothing is looked up while the user is still typing
    assert warning._timer.isActive() and not warning.isVisible()
    assert warning._timer.interval() == DEBOUNCE_MS
    qtbot.waitUntil(warning.isVisible, timeout=5000)
    assert warning.candidates[0].id == hung
    assert "Nguyễn Văn Hùng" in warning.text.text()
    assert "same name ignoring accents" in warning.text.text()
    # the form stays usable (non-modal strip), and Open shows the existing record
    qtbot.mouseClick(warning.open_button, Qt.MouseButton.LeftButton)
    peeks = [w for w in form.findChildren(RecordPeek)]
    assert peeks and peeks[-1].pane.record_id == hung
    assert form.widgets["full_name"].text() == "Nguyen Van Hung"  # nothing typed is lost
    # a name that matches nobody hides the strip again
    form.widgets["full_name"].setText("Hoàng Thị Xuân")
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=5000)
    wait_idle(qtbot, ctx)


def test_same_email_warns_in_another_name_and_editing_a_record_ignores_itself(
    qtbot: Any, ctx: Any, hung: int
) -> None:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, "contact")
    qtbot.addWidget(form)
    qtbot.keyClicks(form.widgets["emails"], "HUNG.NV@viettel.com.vn")
    qtbot.waitUntil(lambda: bool(form.duplicates and form.duplicates.candidates), timeout=5000)
    assert "same email" in form.duplicates.text.text()  # type: ignore[union-attr]
    own = RecordForm(ctx, "contact", hung)
    qtbot.addWidget(own)
    own.widgets["notes"].setPlainText("x")  # type: ignore[attr-defined]
    own.check_duplicates()
    qtbot.wait(500)
    wait_idle(qtbot, ctx)
    assert own.duplicates is not None and own.duplicates.candidates == []


def test_organisation_form_warns_on_an_acronym(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, "organisation")
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.widgets["name"], "Trung tam Doi moi sang tao Quoc gia")
    qtbot.waitUntil(lambda: form.duplicates is not None and form.duplicates.isVisible(), timeout=5000)
    assert form.duplicates.candidates[0].id == ids["nic"]  # type: ignore[union-attr]
    wait_idle(qtbot, ctx)


def test_log_meeting_new_attendee_can_become_the_existing_one(qtbot: Any, ctx: Any, hung: int) -> None:
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.dialogs.pickers import Chosen

    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.attendees.add(Chosen(None, "Hùng Nguyễn Văn"))  # typed as new, in the other order
    dialog.attendees.changed.emit()
    warning = dialog.duplicates["contact"]
    qtbot.waitUntil(warning.isVisible, timeout=5000)
    assert "Nguyễn Văn Hùng" in warning.text.text()
    qtbot.mouseClick(warning.use_button, Qt.MouseButton.LeftButton)
    assert [c.id for c in dialog.attendees.values()] == [hung]
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=5000)
    wait_idle(qtbot, ctx)


# --- merge ------------------------------------------------------------------------------------


def _pair_with_history(engine: Any, ids: dict[str, Any]) -> tuple[int, int]:
    """Two records of one person, each with a meeting and an action."""
    with unit_of_work(engine) as s:
        a = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Văn Hùng", "position": "Chuyên viên", "emails": ["hung@a.vn"]},
        )
        b = records.create(
            s,
            "contact",
            {"full_name": "Nguyen Van Hung", "position": "Trưởng phòng", "phones": ["0912 345 678"]},
        )
        for n, who in enumerate((a, b)):
            records.create(
                s,
                "meeting",
                {
                    "title": f"Họp {n}",
                    "starts_at": dt.datetime(2026, 11, 10 + n, 9, 0),
                    "attendees": [{"contact_id": who}],
                    "organisation_ids": [ids["nic"]],
                },
            )
            records.create(
                s,
                "action",
                {
                    "title": f"Gửi tài liệu {n}",
                    "direction": "they_owe",
                    "responsible_contact_id": who,
                    "organisation_id": ids["nic"],
                    "due_date": dt.date(2026, 12, 1),
                },
            )
    return a, b


def _links(engine: Any, contact_id: int) -> tuple[list[int], list[int]]:
    with read_session(engine) as s:
        meetings = s.execute(
            select(m.MeetingAttendee.meeting_id).where(m.MeetingAttendee.contact_id == contact_id)  # type: ignore[arg-type]
        ).scalars()
        actions = s.execute(
            select(m.Action.id).where(m.Action.responsible_contact_id == contact_id)  # type: ignore[arg-type]
        ).scalars()
        return sorted(meetings), sorted(actions)


def _state(engine: Any, contact_id: int) -> dict[str, Any]:
    with read_session(engine) as s:
        snap = records.snapshot(s, "contact", contact_id, include_deleted=True)
    return {k: v for k, v in snap.items() if k not in ("version", "updated_at")}


def test_merge_dialog_moves_everything_and_undo_restores_both(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    from ui.dialogs.duplicates import MergeDialog

    a, b = _pair_with_history(engine, ids)
    before = {a: _state(engine, a), b: _state(engine, b)}
    links_a, links_b = _links(engine, a), _links(engine, b)
    dialog = MergeDialog(ctx, window.commands, "contact", a, b, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    # what will move, counted by app.merge.moving_counts (ui/ builds no SQL)
    assert links_b[0] and links_b[1]
    n_met, n_act = len(links_b[0]), len(links_b[1])
    moving = f"Moving to the kept record: {n_met} meeting{'s' * (n_met != 1)} and {n_act} action{'s' * (n_act != 1)}."
    assert moving in dialog.intro.text()
    # default: the newer non-empty value (b was saved last), as the service decides
    assert dialog.findChild(object, "merge_position_other").isChecked()  # type: ignore[union-attr]
    # the user keeps the accented name of the survivor
    dialog.findChild(object, "merge_full_name_survivor").setChecked(True)  # type: ignore[union-attr]
    assert dialog.choices()["full_name"] == "survivor"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merged_ids == (a, b), timeout=10_000)
    wait_idle(qtbot, ctx)
    meetings, actions = _links(engine, a)
    assert meetings == sorted(links_a[0] + links_b[0]) and actions == sorted(links_a[1] + links_b[1])
    with read_session(engine) as s:
        survivor = records.get(s, "contact", a)
        assert survivor["full_name"] == "Nguyễn Văn Hùng" and survivor["position"] == "Trưởng phòng"
        assert s.get(m.Contact, b).deleted_at is not None  # type: ignore[union-attr]
    assert "Merged" in window.act_undo.text() and window.undo_button.isVisible()
    # Edit → Undo gives both back exactly
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: _links(engine, b) == links_b, timeout=10_000)
    assert _links(engine, a) == links_a
    assert _state(engine, a) == before[a] and _state(engine, b) == before[b]
    assert not window.undo_button.isVisible()


def test_find_duplicates_lists_groups_with_reasons_and_merges(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.dialogs import duplicates

    a, b = _pair_with_history(engine, ids)
    window.act_duplicates.trigger()
    dialog = window.duplicates_dialog
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._task is None and dialog.tree.topLevelItemCount() > 0, timeout=10_000)
    top = dialog.tree.topLevelItem(0)
    assert {c.data(1, duplicates.GROUP_ROLE) for c in (top.child(i) for i in range(top.childCount()))} >= {
        a,
        b,
    }
    assert "ignoring accents" in top.text(2)
    confidences = [dialog.groups[i].confidence for i in range(len(dialog.groups))]
    assert confidences == sorted(confidences, reverse=True)
    assert dialog.selected_pair() == ("contact", a, b)

    def accept_at_once(self: Any) -> int:
        self.do_merge()
        qtbot.waitUntil(lambda: self.merged_ids is not None, timeout=10_000)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(duplicates.MergeDialog, "exec", accept_at_once)
    with qtbot.waitSignal(dialog.merged, timeout=10_000):
        dialog.merge_selected()
    wait_idle(qtbot, ctx)
    assert dialog.tree.topLevelItemCount() == 0 and "No duplicates" in dialog.status.text()
    dialog.close()


def _nhung_twice(engine: Any, ids: dict[str, Any]) -> tuple[int, int]:
    """The seed's Nguyễn Thị Hồng Nhung (Giám đốc at NIC), typed again without accents (saved last)."""
    with unit_of_work(engine) as s:
        typed = records.create(
            s,
            "contact",
            {"full_name": "Nguyen Thi Hong Nhung", "organisation_id": ids["nic"], "phones": ["0912345678"]},
        )
    kept = int(ids["nhung"])
    return kept, typed


def test_find_duplicates_looks_at_once_among_the_current_view_and_merge_keeps_the_accented_name(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    """Reviewer: the dialog opened empty and on the wrong kind; the merge's default put the
    unaccented name of the newer record on the kept one, under a column headed "Gộp vào:"
    (merge into) although that record is the one removed; the undo then named it twice."""
    from ui.dialogs import duplicates

    kept, typed = _nhung_twice(engine, ids)
    window.nav.setCurrentRow(2)  # Contacts
    assert window.current_entity() == "contact"
    window.act_duplicates.trigger()
    dialog = window.duplicates_dialog
    assert dialog.entity.currentData() == "contact"
    assert dialog._task is not None and dialog.progress.isVisible()
    # no Find pressed: the search runs at once (off the UI thread, with its progress)
    qtbot.waitUntil(lambda: dialog._task is None and dialog.tree.topLevelItemCount() > 0, timeout=10_000)
    ours = next(n for n, g in enumerate(dialog.groups) if kept in g.ids)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(ours))
    assert dialog.selected_pair() == ("contact", kept, typed)

    opened: list[Any] = []

    def look(self: Any) -> int:
        opened.append(self)
        heads = [self.grid.itemAtPosition(0, c).widget().text() for c in (1, 2)]
        # (each with its id: two namesakes are told apart, tests/ui/test_merge_namesakes.py)
        assert heads == [
            f"Kept: Nguyễn Thị Hồng Nhung (#{kept})",
            f"Removed after the merge: Nguyen Thi Hong Nhung (#{typed})",
        ]
        # the name with the diacritics says more: kept, though the other was saved last
        assert self.findChild(object, "merge_full_name_survivor").isChecked()
        assert self.findChild(object, "merge_position_survivor").isChecked()  # non-empty over empty
        self.do_merge()
        qtbot.waitUntil(lambda: self.merged_ids is not None, timeout=10_000)
        return int(QDialog.DialogCode.Accepted)

    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(duplicates.MergeDialog, "exec", look)
    with qtbot.waitSignal(dialog.merged, timeout=10_000):
        dialog.merge_selected()
    wait_idle(qtbot, ctx)
    assert opened
    with read_session(engine) as s:
        survivor = records.get(s, "contact", kept)
    assert survivor["full_name"] == "Nguyễn Thị Hồng Nhung" and survivor["position"] == "Giám đốc"
    assert survivor["phones"] == ["+84912345678"]
    # the undo names both records as they were before the merge
    assert window.act_undo.text().endswith(
        'Merged contact "Nguyen Thi Hong Nhung" into "Nguyễn Thị Hồng Nhung"'
    )
    dialog.close()

    # from the Organisations view it looks among organisations, at once
    window.nav.setCurrentRow(1)
    window.act_duplicates.trigger()
    assert dialog.entity.currentData() == "organisation"
    assert dialog._task is not None  # looking already
    qtbot.waitUntil(lambda: dialog._task is None, timeout=10_000)
    assert all(g.entity == "organisation" for g in dialog.groups)
    dialog.close()


def test_merge_dialog_takes_the_accented_name_of_the_record_merged_in(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    """Keeping the unaccented record, the default name is the other's accented one: the kept
    record ends up "Nguyễn Thị Hồng Nhung", and Enter merges."""
    from ui.dialogs.duplicates import MergeDialog

    kept, typed = _nhung_twice(engine, ids)
    dialog = MergeDialog(ctx, window.commands, "contact", typed, kept, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(object, "merge_full_name_other").isChecked()  # type: ignore[union-attr]
    assert dialog.findChild(object, "merge_position_other").isChecked()  # type: ignore[union-attr]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.merged_ids == (typed, kept), timeout=10_000)
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        assert records.get(s, "contact", typed)["full_name"] == "Nguyễn Thị Hồng Nhung"


def test_merge_dialog_and_history_name_the_country_in_the_windows_language(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], qapp: Any
) -> None:
    """The merge dialog showed a country as its code ("VN", "JP") beside the names of everything
    else; so did a record's history. They show the country's name, in the window's language."""
    from PySide6.QtWidgets import QRadioButton

    from ui import i18n
    from ui.dialogs.duplicates import MergeDialog
    from ui.history import HistoryDialog

    kept, typed = _nhung_twice(engine, ids)
    with unit_of_work(engine) as s:
        version = records.snapshot(s, "contact", typed)["version"]
        records.update(s, "contact", typed, {"country": "JP"}, expected_version=version, actor="test")

    def countries(dialog: MergeDialog) -> list[str]:
        return [
            dialog.findChild(QRadioButton, f"merge_country_{side}").text()  # type: ignore[union-attr]
            for side in ("survivor", "other")
        ]

    def history(dialog: HistoryDialog) -> list[tuple[str, str]]:
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
        m = dialog.model
        return [
            (m.index(r, 3).data(), m.index(r, 4).data())
            for r in range(m.rowCount())
            if m.rows[r].field == "country"
        ]

    english = MergeDialog(ctx, window.commands, "contact", kept, typed, parent=window)
    qtbot.addWidget(english)
    assert countries(english) == ["Viet Nam", "Japan"]
    shown = HistoryDialog(ctx, "contact", typed, window)
    qtbot.addWidget(shown)
    assert history(shown) == [("Viet Nam", "Japan")]
    assert i18n.install(qapp, "vi") == "vi"
    try:
        vietnamese = MergeDialog(ctx, window.commands, "contact", kept, typed, parent=window)
        qtbot.addWidget(vietnamese)
        assert countries(vietnamese) == ["Việt Nam", "Nhật Bản"]
        shown = HistoryDialog(ctx, "contact", typed, window)
        qtbot.addWidget(shown)
        assert history(shown) == [("Việt Nam", "Nhật Bản")]
    finally:
        i18n.install(qapp, "en")
    wait_idle(qtbot, ctx)


def test_two_contacts_selected_in_the_list_can_be_merged(
    qtbot: Any, window: Any, ctx: Any, monkeypatch: Any
) -> None:
    """Reviewer h98: "Tanaka Hiroshi" and "Hiroshi Tanaka" selected in the Contacts list, neither
    the list's menu nor Edit → Selection offered a merge (only Tools → Find duplicates did, for
    the pairs it finds). Offered with exactly two selected; merged, the other is in the trash."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QDialog

    from ui.dialogs import duplicates
    from ui.main_window import VIEWS

    with unit_of_work(ctx.engine) as s:
        a = records.create(s, "contact", {"full_name": "Hiroshi Tanaka", "country": "JP"})
        b = records.create(s, "contact", {"full_name": "Tanaka Hiroshi", "position": "Head of Partnerships"})
    window.nav.setCurrentRow(VIEWS.index("contact"))
    panel = window.views["contact"].list
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.row_of(b) >= 0, timeout=10_000)
    assert panel.select_id(a)
    window._fill_selection_menu()
    merge = next(x for x in window.selection_menu.actions() if x.objectName() == "bulk_merge")
    assert not merge.isEnabled()  # one selected
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    panel.view.selectionModel().select(panel.model.index(panel.model.row_of(b), 0), flags)
    window._fill_selection_menu()
    merge = next(x for x in window.selection_menu.actions() if x.objectName() == "bulk_merge")
    assert merge.isEnabled() and merge.text().replace("&", "") == "Merge the two selected…"
    shown: list[tuple[int, int]] = []

    def accept_at_once(self: Any) -> int:
        shown.append((self.survivor_id, self.other_id))
        self.do_merge()
        qtbot.waitUntil(lambda: self.merged_ids is not None, timeout=10_000)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(duplicates.MergeDialog, "exec", accept_at_once)
    merge.trigger()
    wait_idle(qtbot, ctx)
    assert sorted(shown[0]) == sorted([a, b])
    survivor, other = shown[0]
    with read_session(ctx.engine) as s:
        assert records.get(s, "contact", survivor)["country"] == "JP"
        gone = s.execute(select(m.Contact.deleted_at).where(m.Contact.id == other)).scalar_one()
    assert gone is not None


def test_find_duplicates_offers_the_strongest_pair_of_a_chain_and_the_two_chosen(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    """Reviewer h119: a group of Lê Quang Minh, Jürgen Weiß and Jürgen Weiss (one phone; two of
    one name) opened "Lê Quang Minh is kept; Jürgen Weiß is merged into it", Merge the default:
    two people who only share a lab's phone. Now the two Jürgen are offered, the group is rated
    as they are, and two records chosen with Ctrl+click are the two merged."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QDialog

    from ui.dialogs import duplicates

    with unit_of_work(engine) as s:
        minh = records.create(s, "contact", {"full_name": "Lê Quang Minh", "phones": ["+49 30 1234567"]})
        weiss = records.create(s, "contact", {"full_name": "Jürgen Weiß", "phones": ["+49 30 1234567"]})
        weiss2 = records.create(s, "contact", {"full_name": "Jürgen Weiss", "phones": ["+49 30 1234567"]})
    window.nav.setCurrentRow(2)  # Contacts
    window.act_duplicates.trigger()
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: dialog._task is None and dialog.tree.topLevelItemCount() > 0, timeout=10_000)
    n = next(i for i, g in enumerate(dialog.groups) if minh in g.ids)
    top = dialog.tree.topLevelItem(n)
    assert top.text(0) == "96 %"  # the two Jürgen: the phone and the name
    dialog.tree.setCurrentItem(top)
    assert dialog.selected_pair() == ("contact", weiss, weiss2)

    heads: list[list[str]] = []

    def look(self: Any) -> int:
        heads.append([self.grid.itemAtPosition(0, c).widget().text() for c in (1, 2)])
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(duplicates.MergeDialog, "exec", look)
    dialog.merge_selected()  # (the pair read on a pool thread, then the dialog)
    qtbot.waitUntil(lambda: bool(heads), timeout=10_000)
    assert heads == [["Kept: Jürgen Weiß (#7)", "Removed after the merge: Jürgen Weiss (#8)"]]  # (ids: h120)
    # two records of the group chosen (Ctrl+click): those two, whatever links them
    rows = {top.child(i).data(1, duplicates.GROUP_ROLE): top.child(i) for i in range(top.childCount())}
    dialog.tree.setCurrentItem(rows[minh])
    dialog.tree.setCurrentItem(rows[weiss2], 0, QItemSelectionModel.SelectionFlag.Select)
    assert dialog.selected_pair() == ("contact", minh, weiss2)
    # one record chosen: the one most like it
    dialog.tree.setCurrentItem(rows[weiss2])
    assert dialog.selected_pair() == ("contact", weiss, weiss2)
    dialog.close()
