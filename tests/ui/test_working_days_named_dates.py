"""Tools → Working days, 2026 (reviewer, session 15): "31/08/2026 Monday — Day off (substituted from
08/22/2026)": the ``holidays`` package writes the date inside that name month first in English
(and day first in Vietnamese), whatever date format was chosen in Settings. The date in the name
now follows Settings, as the Date column beside it does, in both languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app import workdays

SUBSTITUTED = dt.date(2026, 8, 31)  # a day off given for Saturday 22/08/2026, worked instead


def _name_shown(qtbot: Any, ctx: Any, date_format: str) -> str:
    from ui.workdays import WorkingDaysDialog

    ctx.settings.date_format = date_format
    dialog = WorkingDaysDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2026)
    qtbot.waitUntil(lambda: any(row[0] == SUBSTITUTED for row in dialog.model.rows), timeout=10_000)
    row = next(i for i, r in enumerate(dialog.model.rows) if r[0] == SUBSTITUTED)
    return str(dialog.model.index(row, 2).data())


@pytest.mark.parametrize(
    ("lang", "date_format", "shown"),
    [
        ("en", "dmy", "Day off (substituted from 22/08/2026)"),
        ("en", "ymd", "Day off (substituted from 2026-08-22)"),
        ("en", "mdy", "Day off (substituted from 08/22/2026)"),
        ("vi", "dmy", "Ngày nghỉ (thay cho ngày 22/08/2026)"),
        ("vi", "ymd", "Ngày nghỉ (thay cho ngày 2026-08-22)"),
        ("vi", "mdy", "Ngày nghỉ (thay cho ngày 08/22/2026)"),
    ],
)
def test_the_date_inside_a_holiday_name_follows_settings(qapp, qtbot, ctx, lang, date_format, shown):
    from ui import i18n

    assert workdays.public_workdays(2026) >= {dt.date(2026, 8, 22)}  # the package's 2026 as read here
    try:
        assert i18n.install(qapp, lang) == lang
        assert _name_shown(qtbot, ctx, date_format) == shown
    finally:
        i18n.install(qapp, "en")


def test_the_command_line_keeps_day_first_dates_in_the_names():
    assert workdays.public_calendar("en").holiday_name(SUBSTITUTED) == "Day off (substituted from 22/08/2026)"
    assert workdays.public_calendar("vi").holiday_name(SUBSTITUTED) == "Ngày nghỉ (thay cho ngày 22/08/2026)"
