"""The contact form edits the last-contacted date, as ``ketnoi contact edit --last-contacted``
does: an import that could not read a "last met" date ("31/02/2025") put it in the notes and
asked the officer to put it right, and the window had no field for it (reviewer h149)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.engine import Engine

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle


def _last(engine: Engine, contact_id: int) -> Any:
    with unit_of_work(engine) as s:
        return records.get(s, "contact", contact_id)["last_contacted_on"]


def test_the_contact_form_sets_and_refuses_a_last_contacted_date(
    qtbot: Any, ctx: Any, engine: Engine, ids: dict[str, Any]
) -> None:
    from ui.dialogs.record_form import RecordForm

    with unit_of_work(engine) as s:
        cid = records.create(s, "contact", {"full_name": "Trần Văn Đông"})
    form = RecordForm(ctx, "contact", cid)
    qtbot.addWidget(form)
    form.show()
    wait_idle(qtbot, ctx)
    box = form.widgets["last_contacted_on"]
    assert box.text() == ""  # type: ignore[attr-defined]
    box.setText("28/02/2025")  # type: ignore[attr-defined]
    form.save()
    qtbot.waitUntil(lambda: _last(engine, cid) == dt.date(2025, 2, 28), timeout=10_000)

    again = RecordForm(ctx, "contact", cid)
    qtbot.addWidget(again)
    again.show()
    wait_idle(qtbot, ctx)
    assert again.widgets["last_contacted_on"].text() == "28/02/2025"  # type: ignore[attr-defined]
    again.widgets["last_contacted_on"].setText("01/01/2099")  # type: ignore[attr-defined]
    again.save()
    qtbot.waitUntil(again.errors["last_contacted_on"].isVisible, timeout=10_000)
    assert "future" in again.errors["last_contacted_on"].text()
    assert _last(engine, cid) == dt.date(2025, 2, 28)


def test_a_meeting_logged_while_the_form_is_open_keeps_its_date(
    qtbot: Any, ctx: Any, engine: Engine, ids: dict[str, Any]
) -> None:
    """The form's date is the one it opened with: a meeting logged meanwhile (which moves the date
    on) is not put back by a save of another field."""
    from tests.helpers import another_save
    from ui.dialogs.record_form import RecordForm

    with unit_of_work(engine) as s:
        cid = records.create(
            s, "contact", {"full_name": "Lê Văn Tám", "last_contacted_on": dt.date(2025, 1, 6)}
        )
    form = RecordForm(ctx, "contact", cid)
    qtbot.addWidget(form)
    form.show()
    wait_idle(qtbot, ctx)
    another_save(engine, "contact", cid, {"last_contacted_on": dt.date(2026, 11, 20)}, actor="Lan")
    form.widgets["notes"].setPlainText("Gặp ở Hòa Lạc")  # type: ignore[attr-defined]
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    with unit_of_work(engine) as s:
        saved = records.get(s, "contact", cid)
    assert saved["notes"] == "Gặp ở Hòa Lạc" and saved["last_contacted_on"] == dt.date(2026, 11, 20)
