"""Tools → Working days, Remove the office's day: a day another window removed meanwhile, or a
public holiday chosen, did nothing and said nothing. The dialog now says what happened: gone
already (when, and where: another window or the command line on a file one person uses), or
how a public day is changed for the office (an office day added on its date)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QItemSelectionModel

from app import workdays
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle

PARTY = dt.date(2026, 12, 31)
NATIONAL_DAY = dt.date(2026, 9, 2)


def _dialog(qtbot: Any, ctx: Any) -> Any:
    from ui.workdays import WorkingDaysDialog

    with unit_of_work(ctx.engine) as s:
        workdays.set_office_day(s, PARTY, working=False, note="Tất niên", actor="Lan")
    dialog = WorkingDaysDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.year.setValue(2026)
    qtbot.waitUntil(lambda: any(r[0] == PARTY for r in dialog.model.rows), timeout=10_000)
    return dialog


def _choose(dialog: Any, *days: dt.date) -> None:
    chosen = dialog.table.selectionModel()
    chosen.clearSelection()
    for i, row in enumerate(dialog.model.rows):
        if row[0] in days:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            chosen.select(dialog.model.index(i, 0), flags)


def _office_days(ctx: Any) -> dict[dt.date, Any]:
    with read_session(ctx.engine) as s:
        return workdays.load_calendar(s, "en").office


def test_a_day_removed_meanwhile_is_said_gone_already(qtbot: Any, ctx: Any) -> None:
    dialog = _dialog(qtbot, ctx)
    _choose(dialog, PARTY)
    with unit_of_work(ctx.engine) as s:  # another window removes it meanwhile
        assert workdays.remove_office_day(s, PARTY, actor="Lan")
    dialog.remove_button.click()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.said.isVisibleTo(dialog), timeout=10_000)
    said = dialog.said.text()
    assert said.startswith("The office's day 31/12/2026 had already been removed at ")
    assert said.endswith(", in another window or from the command line.")
    qtbot.waitUntil(lambda: all(r[0] != PARTY for r in dialog.model.rows), timeout=10_000)


def test_a_public_holiday_is_not_removed_and_the_dialog_says_how_to_change_it(qtbot: Any, ctx: Any) -> None:
    dialog = _dialog(qtbot, ctx)
    _choose(dialog, NATIONAL_DAY)
    dialog.remove_button.click()
    said = dialog.said.text()
    assert dialog.said.isVisibleTo(dialog)
    assert said.startswith("Public holidays and the government's make-up days (02/09/2026) come from")
    assert "choose its date above and press Add" in said
    _choose(dialog, NATIONAL_DAY, PARTY)  # with an office day: that one is removed, the public one said
    dialog.remove_button.click()
    wait_idle(qtbot, ctx)
    assert PARTY not in _office_days(ctx) and "(02/09/2026)" in dialog.said.text()
    assert "already been removed" not in dialog.said.text()
    dialog.add_button.click()  # the next change begins: what Remove said goes
    assert dialog.said.isHidden()
