"""The type-ahead record lookup (ui.widgets.Lookup) used to pick an organisation or a contact in
the forms: same-name people are told apart and picked by their row, the search runs off the UI
thread and an answer for text the box no longer holds is dropped, and the keyboard works
(type, Down, Enter picks; Escape closes the list)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle


@pytest.fixture
def two_ans(engine: Any, ids: dict[str, Any]) -> tuple[int, int]:
    """Two "Nguyễn Văn An" at FPT (a big office has several): the first created sorts first."""
    with unit_of_work(engine) as s:
        fpt = records.create(s, "organisation", {"name": "FPT", "city": "Hà Nội"})
        first = records.create(
            s, "contact", {"full_name": "Nguyễn Văn An", "position": "Giám đốc", "organisation_id": fpt}
        )
        second = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Văn An", "organisation_id": fpt, "emails": ["an.nv2@fpt.com.vn"]},
        )
    return first, second


def _shown_box(qtbot: Any, ctx: Any, entity: str) -> Any:
    from ui.widgets import Lookup

    box = Lookup(ctx, entity)
    qtbot.addWidget(box)
    box.resize(200, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)
    box.setFocus()
    return box


def _rows(box: Any) -> list[str]:
    model = box.completer().completionModel()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def _list_open(qtbot: Any, box: Any, rows: int) -> Any:
    popup = box.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and len(_rows(box)) == rows, timeout=5_000)
    assert QApplication.activePopupWidget() is popup  # where a real keyboard's keys go now
    return popup


def _pick(qtbot: Any, box: Any, text: str, downs: int, rows: int) -> list[int]:
    """Type ``text``, press Down ``downs`` times and Enter, as a keyboard user does."""
    seen: list[int] = []
    box.picked.connect(seen.append)
    box.clear()
    qtbot.keyClicks(box, text)
    popup = _list_open(qtbot, box, rows)
    for _ in range(downs):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    box.picked.disconnect(seen.append)
    return seen


def test_two_people_of_the_same_name_and_office_are_told_apart_and_each_row_picks_its_own(
    qtbot: Any, ctx: Any, two_ans: tuple[int, int]
) -> None:
    first, second = two_ans
    box = _shown_box(qtbot, ctx, "contact")
    assert _pick(qtbot, box, "nguyen van an", downs=1, rows=2) == [first]
    assert box.value() == first
    labels = _rows(box)
    # a person tells the rows apart: the position, else the e-mail
    assert labels == ["Nguyễn Văn An — FPT · Giám đốc", "Nguyễn Văn An — FPT · an.nv2@fpt.com.vn"]
    assert box.text() == labels[0]

    assert _pick(qtbot, box, "nguyen van an", downs=2, rows=2) == [second]
    assert box.value() == second and box.text() == labels[1]


def test_same_name_offices_are_told_apart_by_their_parent_or_city(qtbot: Any, ctx: Any, ids: Any) -> None:
    """Each ministry has its "Phòng Hợp tác quốc tế"."""
    with unit_of_work(ctx.engine) as s:
        name = "Phòng Hợp tác quốc tế"
        vast = records.create(s, "organisation", {"name": "Viện Hàn lâm KH&CN Việt Nam", "acronym": "VAST"})
        records.create(s, "organisation", {"name": name, "parent_id": ids["ministry"]})
        of_vast = records.create(s, "organisation", {"name": name, "parent_id": vast})
        records.create(s, "organisation", {"name": name, "city": "Đà Nẵng"})
        somewhere = records.create(s, "organisation", {"name": "Phòng Hợp tác", "city": "Huế"})
    box = _shown_box(qtbot, ctx, "organisation")
    qtbot.keyClicks(box, "phong hop tac quoc")
    _list_open(qtbot, box, 3)
    assert _rows(box) == [f"{name} · MOST", f"{name} · VAST", f"{name} · Đà Nẵng"]
    assert _pick(qtbot, box, "phong hop tac quoc", downs=2, rows=3) == [of_vast]
    assert _pick(qtbot, box, "phong hop tac", downs=1, rows=4) == [somewhere]
    assert _rows(box)[0] == "Phòng Hợp tác"  # alone of its name: as short as before


def test_people_alike_in_everything_end_in_their_record_number(qtbot: Any, ctx: Any, engine: Any) -> None:
    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "Lê Thị Hoa"})
        b = records.create(s, "contact", {"full_name": "Lê Thị Hoa"})
    box = _shown_box(qtbot, ctx, "contact")
    assert _pick(qtbot, box, "le thi hoa", downs=2, rows=2) == [b]
    assert _rows(box) == [f"Lê Thị Hoa — #{a}", f"Lê Thị Hoa — #{b}"]


def test_a_single_match_is_the_value_even_before_its_answer_came_back(qtbot: Any, ctx: Any, ids: Any) -> None:
    box = _shown_box(qtbot, ctx, "contact")
    qtbot.keyClicks(box, "pham quoc")  # Phạm Quốc Hùng; the OK button pressed at once
    assert box.value() == ids["hung"]
    box.clear()
    qtbot.keyClicks(box, "ng")  # Nguyễn Thị Hồng Nhung, Vũ Ngọc Bảo: none chosen
    assert box.value() is None
    box.setText("Genetica")  # not typed (set by the form): not looked up
    assert box.value() is None


def test_the_search_runs_off_the_ui_thread_and_a_stale_answer_is_dropped(
    qtbot: Any, ctx: Any, ids: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A team database over a slow link: the answer for "ge" comes after the one for "gen"."""
    import ui.widgets

    real = ui.widgets.finder(ctx, "organisation")
    asked: list[tuple[str, bool]] = []
    slow_started, release = threading.Event(), threading.Event()

    def find(text: str) -> list[tuple[int, str]]:
        asked.append((text, threading.current_thread() is threading.main_thread()))
        if text == "ge":
            slow_started.set()
            release.wait(10)
            return [(ids["ministry"], "Stale answer for ge")]
        return real(text)

    monkeypatch.setattr(ui.widgets, "finder", lambda _ctx, _entity: find)
    box = _shown_box(qtbot, ctx, "organisation")
    qtbot.keyClicks(box, "ge")
    qtbot.waitUntil(slow_started.is_set, timeout=5_000)  # typing goes on while it is asked
    qtbot.keyClicks(box, "n")
    _list_open(qtbot, box, 1)
    assert _rows(box) == ["Genetica"]
    release.set()
    wait_idle(qtbot, ctx)
    QApplication.processEvents()
    assert _rows(box) == ["Genetica"]  # the late answer for "ge" did not replace it
    assert [t for t, _ui in asked if t != "g"] == ["ge", "gen"]
    assert not any(on_ui for _t, on_ui in asked)


def test_escape_closes_the_list_not_the_dialog_and_a_late_answer_does_not_reopen_it(
    qtbot: Any, ctx: Any, ids: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.widgets
    from ui.widgets import Lookup

    real = ui.widgets.finder(ctx, "organisation")
    release = threading.Event()
    release.set()

    def find(text: str) -> list[tuple[int, str]]:
        release.wait(10)
        return real(text)

    monkeypatch.setattr(ui.widgets, "finder", lambda _ctx, _entity: find)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = Lookup(ctx, "organisation", dialog)
    QVBoxLayout(dialog).addWidget(box)
    dialog.show()
    qtbot.waitExposed(dialog)
    box.setFocus()
    qtbot.keyClicks(box, "khoa")
    popup = _list_open(qtbot, box, 1)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible() and dialog.isVisible()

    release.clear()  # the next answer is slow
    qtbot.keyClicks(box, " hoc")
    qtbot.waitUntil(ctx.tasks.busy, timeout=5_000)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # before it comes: no list, and the dialog stays
    assert dialog.isVisible()
    release.set()
    wait_idle(qtbot, ctx)
    QApplication.processEvents()
    assert not popup.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # nothing pending: Escape is the dialog's again
    assert not dialog.isVisible()


def test_typing_then_enter_without_down_picks_the_row_the_text_begins(qtbot: Any, ctx: Any, ids: Any) -> None:
    box = _shown_box(qtbot, ctx, "organisation")
    assert _pick(qtbot, box, "Genetica", downs=0, rows=1) == [ids["genetica"]]
    assert box.value() == ids["genetica"]


def test_typed_with_accents_down_highlights_the_first_row_and_enter_picks_only_what_is_shown(
    qtbot: Any, ctx: Any, two_ans: tuple[int, int]
) -> None:
    """Typed with Unikey, "Nguyễn Văn An" begins both rows: Down still goes to the first (it
    skipped it), and Enter with no row highlighted picks none of two (it took the first unseen)."""
    from tests.ui.test_keyboard_flows import type_into

    first, _second = two_ans
    box = _shown_box(qtbot, ctx, "contact")
    seen: list[int] = []
    box.picked.connect(seen.append)
    type_into(box, "Nguyễn Văn An")
    popup = _list_open(qtbot, box, 2)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert seen == [] and not popup.isVisible() and box.value() is None

    box.clear()
    type_into(box, "Nguyễn Văn An")
    popup = _list_open(qtbot, box, 2)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.selectionModel().isSelected(popup.currentIndex()) and popup.currentIndex().row() == 0
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert seen == [first] and box.value() == first


def test_the_log_meeting_picker_names_a_same_name_attendee_by_the_name_alone(
    qtbot: Any, ctx: Any, engine: Any, two_ans: tuple[int, int]
) -> None:
    """The picker shares the finder: its rows are told apart too, and the attendee it adds is
    named by what comes before " — " (not "Lê Thị Hoa — #7")."""
    from ui.dialogs.log_meeting import LogMeetingDialog

    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Lê Thị Hoa"})
        hoa = records.create(s, "contact", {"full_name": "Lê Thị Hoa"})
    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker = dialog.attendees
    for typed, row, picked, name in (
        ("le thi hoa", 1, hoa, "Lê Thị Hoa"),
        ("nguyen van an", 0, two_ans[0], "Nguyễn Văn An"),
    ):
        picker.input.setFocus()
        qtbot.keyClicks(picker.input, typed)
        shown = picker.suggestions
        assert shown.count() == 3  # two alike, and "New contact …"
        assert shown.item(0).text() != shown.item(1).text()
        item = shown.item(row)
        qtbot.mouseClick(shown.viewport(), Qt.MouseButton.LeftButton, pos=shown.visualItemRect(item).center())
        assert (picker.items[-1].id, picker.items[-1].label) == (picked, name)
