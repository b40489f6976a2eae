"""A list's filter box and the keyboard: Down and Enter go on into the list (its first row
selected, a second Enter opens it), Tab goes from the box to the list before the other filters,
and a filter nothing matches says so over the empty list, with Show all (reviewer h92: typing
"genetica" then Down or Enter did nothing; Tab walked five filters first; an empty list said
nothing)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _panel(qtbot: Any, ctx: Any, entity: str) -> Any:
    from ui.lists.panel import ListPanel

    panel = ListPanel(ctx, entity)
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() > 1)
    return panel


def _typed(qtbot: Any, panel: Any, text: str) -> None:
    panel.focus_filter()
    qtbot.waitUntil(panel.search.hasFocus)
    qtbot.keyClicks(panel.search, text)  # the list is read again after a pause (not waited for)


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_down_or_enter_in_the_filter_box_selects_the_first_match(qtbot, ctx, ids, key) -> None:
    panel = _panel(qtbot, ctx, "organisation")
    shown: list[int] = []
    panel.current_changed.connect(lambda _e, i: shown.append(i))
    _typed(qtbot, panel, "genetica")
    qtbot.keyClick(panel.search, key)
    assert panel.view.hasFocus()
    assert panel.model.rowCount() == 1 and panel.selected_ids() == [ids["genetica"]]
    assert shown[-1:] == [ids["genetica"]]  # the record's page shows it


def test_a_second_enter_opens_the_record_as_in_the_list(qtbot, ctx, ids) -> None:
    panel = _panel(qtbot, ctx, "organisation")
    opened: list[int] = []
    panel.activated.connect(lambda _e, i: opened.append(i))
    _typed(qtbot, panel, "genetica")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert opened == []  # the first Enter chooses, it does not open
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened == [ids["genetica"]]


def test_down_goes_to_the_first_row_of_many_and_nothing_matched_keeps_the_box(qtbot, ctx) -> None:
    panel = _panel(qtbot, ctx, "contact")
    panel.view.selectRow(2)
    panel.focus_filter()
    qtbot.waitUntil(panel.search.hasFocus)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.view.hasFocus() and panel.selected_ids() == [panel.model.id_at(0)]
    _typed(qtbot, panel, "zzz nothing is called this")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.search.hasFocus() and panel.model.rowCount() == 0


@pytest.mark.parametrize("entity", ["organisation", "action"])
def test_tab_goes_from_the_filter_box_to_the_list_then_the_other_filters(qtbot, ctx, entity) -> None:
    panel = _panel(qtbot, ctx, entity)
    panel.focus_filter()
    qtbot.waitUntil(panel.search.hasFocus)
    qtbot.keyClick(panel.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.view
    assert panel.selected_ids() == [panel.model.id_at(0)]  # tabbed into: a row chosen, not a frame
    qtbot.keyClick(panel.view, Qt.Key.Key_Tab)
    first_filter = next(iter(panel._combos.values()))
    assert QApplication.focusWidget() is first_filter
    qtbot.keyClick(first_filter, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is panel.view
    qtbot.keyClick(panel.view, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is panel.search


def test_an_empty_filtered_list_says_why_and_show_all_clears_it(qtbot, ctx) -> None:
    panel = _panel(qtbot, ctx, "contact")
    everyone = panel.model.rowCount()
    note = panel.empty_note
    assert not note.isVisible()
    _typed(qtbot, panel, "zzz")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    qtbot.waitUntil(note.isVisible)
    assert note.text.text() == "No contacts match these filters: “zzz”."
    assert note.geometry().width() == panel.view.viewport().width()  # over the rows, not cut
    assert note.text.isVisible() and note.button.isVisible()
    note.button.setFocus()
    qtbot.keyClick(note.button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.model.rowCount() == everyone)
    assert panel.search.text() == "" and not note.isVisible()
    assert panel.view.hasFocus()


def test_the_empty_list_names_every_filter_and_goes_when_they_are_cleared(qtbot, ctx) -> None:
    panel = _panel(qtbot, ctx, "meeting")
    panel._combos["when"].setCurrentIndex(panel._combos["when"].findData("upcoming"))
    panel.search.setText("zzz")
    panel.apply_filters()
    qtbot.waitUntil(panel.empty_note.isVisible)
    said = panel.empty_note.text.text()
    assert said.startswith("No meetings match these filters: “zzz”, ") and said.endswith(".")
    panel.show_everything()
    assert panel.model.rowCount() and not panel.empty_note.isVisible()


def test_enter_filters_by_the_box_as_it_reads_even_when_the_window_filled_it(qtbot, ctx, ids) -> None:
    """A text put in the box by the window (not typed: no pause to wait for) is the list's
    filter before Enter chooses its first row."""
    panel = _panel(qtbot, ctx, "organisation")
    panel.focus_filter()
    qtbot.waitUntil(panel.search.hasFocus)
    panel.search.setText("genetica")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.view.hasFocus() and panel.selected_ids() == [ids["genetica"]]


def test_mine_with_no_one_chosen_says_why_it_is_empty(qtbot, ctx, settings) -> None:
    """Reviewer: before choosing "I am", Actions → Mine read "No actions match these filters:
    Mine." and a deputy director took it that he had none."""
    settings.staff_id = None
    panel = _panel(qtbot, ctx, "action")
    panel._combos["preset"].setCurrentIndex(panel._combos["preset"].findData("mine"))
    panel.apply_filters()
    qtbot.waitUntil(panel.empty_note.isVisible)
    assert panel.empty_note.text.text() == (
        "No actions match these filters: Mine. “Mine” shows the actions of the staff member chosen under "
        "File → Settings → “I am”, and none is chosen on this computer."
    )
