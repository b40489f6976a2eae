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
