"""A new contact or action form left open while the database is restored (reviewer h97 found it
for Log meeting; the record forms had no such check): an organisation or contact picked, the
database restored from a backup that did not hold it, another one created since with its id.
The save is refused with why, the pick taken out (what was typed stays), and the record saved
with what is picked again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app import records
from db import backup as backups
from db import clock
from db.engine import read_session, unit_of_work
from db.migrate import restore_database
from tests.ui.helpers import wait_idle

CASES = [
    # (form, what is typed, the field picked, the kind picked, what the picked record is)
    ("contact", {"full_name": "Phạm Thu Hà"}, "organisation_id", "organisation", {"name": "Viện Mới"}),
    (
        "action",
        {"title": "Gửi thư giới thiệu"},
        "responsible_contact_id",
        "contact",
        {"full_name": "Đinh Văn Mới"},
    ),
]


@pytest.mark.parametrize(("entity", "typed", "field", "kind", "picked"), CASES)
def test_a_restore_between_the_pick_and_the_save_never_saves_another_record(
    qtbot: Any,
    ctx: Any,
    engine: Any,
    db_path: Path,
    entity: str,
    typed: dict[str, str],
    field: str,
    kind: str,
    picked: dict[str, str],
) -> None:
    from ui.dialogs.record_form import RecordForm

    backup = backups.take(db_path, "manual")
    assert backup is not None
    with unit_of_work(engine) as s:
        new = records.create(s, kind, picked)
    form = RecordForm(ctx, entity)
    qtbot.addWidget(form)
    form.show()
    for name, value in typed.items():
        form.widgets[name].setText(value)
    form.widgets[field].set_record(new, next(iter(picked.values())))
    wait_idle(qtbot, ctx)
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 59), ticking=False):
        restore_database(f"sqlite:///{db_path}", backup)  # from the command line
    engine.dispose()  # (connections opened anew, as another process's would be)
    other = {"organisation": {"name": "Công ty Khác"}, "contact": {"full_name": "Hoàng Thị Khác"}}[kind]
    with unit_of_work(engine) as s:
        taken = records.create(s, kind, other)
    assert taken == new  # (the id the backup never held, given again)

    form.save()
    qtbot.waitUntil(lambda: form.buttons.isEnabled() and bool(form.general_error.text()), timeout=10_000)
    said = form.general_error.text()
    assert "restored from the backup" in said and backup.name in said
    assert form.widgets[field].value() is None and form.widgets[field].text() == ""
    assert form.isVisible() and form.saved_id is None
    typed_name, typed_value = next(iter(typed.items()))
    assert form.widgets[typed_name].text() == typed_value
    table = "contact" if entity == "contact" else "action"
    column = "full_name" if entity == "contact" else "title"
    with read_session(engine) as s:
        written = s.execute(text(f"SELECT {column} FROM {table}")).scalars().all()
    assert typed_value not in written

    # picked again (knowingly, the one there is now): saved with it
    form.widgets[field].set_record(taken, next(iter(other.values())))
    form.save()
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        saved = records.get(s, entity, form.saved_id)
    assert saved[field] == taken
    wait_idle(qtbot, ctx)
