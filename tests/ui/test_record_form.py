"""The record form (new / edit of any entity): Esc asks before throwing changes away."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_record_form_esc_asks_only_when_something_changed(qtbot, ctx, ids, monkeypatch):
    from ui import widgets
    from ui.dialogs.record_form import RecordForm

    asked: list[str] = []
    monkeypatch.setattr(widgets, "confirm_discard", lambda _p, title: asked.append(title) or False)
    form = RecordForm(ctx, "organisation", ids["nic"])
    qtbot.addWidget(form)
    form.show()
    form.widgets["city"].setText("Đà Nẵng")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked and form.isVisible() and form.widgets["city"].text() == "Đà Nẵng"


def test_month_first_dates_are_read_by_the_one_date_parser(qtbot, ctx, ids):
    import datetime as dt

    from ui.dialogs.record_form import RecordForm

    ctx.settings.date_format = "mdy"
    form = RecordForm(ctx, "action", ids["a_today"])
    qtbot.addWidget(form)
    for typed, read in (("12/10/2026", dt.date(2026, 12, 10)), ("2/3/27", dt.date(2027, 2, 3))):
        form.widgets["due_date"].setText(typed)
        assert form.values()["due_date"] == read
    form.widgets["due_date"].setText("13/45/2026")
    assert form.values()["due_date"] == "13/45/2026"  # left for the service to report by the field
