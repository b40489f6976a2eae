"""An action whose responsible staff member is not offered in the form's list (no longer active;
on a team database the owner's technical login, which is not offered: tests/db/
test_owner_not_staff.py) showed "—" and a save of its notes wrote "—" over them. The form shows
them and keeps them."""

from __future__ import annotations

from typing import Any

from app import records
from db.engine import read_session, unit_of_work
from tests.ui.helpers import open_form, saved


def test_a_responsible_not_offered_is_shown_and_kept(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    action = ids["a_later"]  # Lê Văn Bình's (tests/app/lists/seed.py)
    with unit_of_work(ctx.engine) as s:
        records.update(s, "staff", ids["colleague"], {"active": False}, expected_version=None)
    form = open_form(qtbot, ctx, "action", action)
    assert form.widgets["responsible_staff_id"].currentText() == "Lê Văn Bình"
    form.widgets["notes"].setPlainText("Chuẩn bị số liệu quý IV")
    saved(qtbot, form)
    with read_session(ctx.engine) as s:
        now = records.get(s, "action", action)
    assert (now["responsible_staff_id"], now["notes"]) == (ids["colleague"], "Chuẩn bị số liệu quý IV")
