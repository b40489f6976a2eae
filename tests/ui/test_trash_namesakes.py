"""View → Trash, reviewer h143: an import undone, the same file imported again, then "Trần Văn
Đông" (no e-mail, no phone) restored. No "Already there?" question was asked, a message said his
organisation stayed in the trash, and he came back filed under it beside the second "Trần Văn
Đông". Now the same name at the same organisation is asked about, and restored anyway he is
filed under the live organisation of that name, said so."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app import records
from db import models as m
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle
from tests.ui.test_trash import _open_trash, _rows, _select, _twin_asked

NIC = "Trung tâm Đổi mới sáng tạo Quốc gia"


def _imported_again(engine: Any) -> tuple[int, int, int, int]:
    """The first organisation and person in the trash, the second ones live: ids of each."""
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": NIC})
        person = records.create(s, "contact", {"full_name": "Trần Văn Đông", "organisation_id": org})
        records.delete(s, "contact", person)
        records.delete(s, "organisation", org)
        live_org = records.create(s, "organisation", {"name": NIC})
        again = records.create(s, "contact", {"full_name": "Trần Văn Đông", "organisation_id": live_org})
    return org, person, live_org, again


@pytest.mark.parametrize("answer", ["Restore anyway", "Merge into it"])
def test_a_namesake_at_the_same_organisation_is_asked_about_and_filed_under_the_live_one(
    qtbot: Any, window: Any, ctx: Any, engine: Any, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    org, person, live_org, again = _imported_again(engine)
    asked = _twin_asked(monkeypatch, answer)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    dialog = _open_trash(qtbot, window)
    _select(dialog, {"Trần Văn Đông"})
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert "the same name at the same organisation" in asked[0] and f"#{again}" in asked[0], asked[0]
    assert NIC in asked[0]
    with read_session(engine) as s:
        first = s.get(m.Contact, person)
        assert first is not None and s.get(m.Organisation, org).deleted_at is not None  # type: ignore[union-attr]
        if answer == "Restore anyway":
            assert first.deleted_at is None and first.organisation_id == live_org
        else:  # merged into the live one, which keeps its organisation
            assert first.deleted_at is not None
            assert records.get(s, "contact", again)["organisation_id"] == live_org
    if answer == "Restore anyway":
        qtbot.waitUntil(lambda: bool(told), timeout=10_000)
        assert f"Trần Văn Đông: filed under the live “{NIC}” (#{live_org})" in told[0], told[0]
        assert f"its own organisation (#{org}) stays in the trash" in told[0]
        assert "These records stay in the trash" not in told[0]
    else:
        assert told == []
    left = {NIC} if answer == "Restore anyway" else {"Trần Văn Đông", NIC}  # (merged away: in the trash)
    qtbot.waitUntil(lambda: dialog.loaded and {r[0] for r in _rows(dialog)} == left, timeout=10_000)
