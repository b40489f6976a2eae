"""The Brief dialog's "Leave confidential records out": off by default (the brief as before,
marked confidential when it holds a confidential record); ticked, the PDF holds none of them and
says records were left out; for a confidential record's own brief the box is off and the dialog
says why (reviewer h129 could not give the ministry a brief about itself)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app import records
from db.engine import unit_of_work
from tests.app.briefing.pdfutil import pdf_text
from tests.ui.helpers import wait_idle
from ui import briefs

SECRET_PERSON = "Lưu Văn Mật"
SECRET_MEETING = "Họp kín về thương vụ"


def _seed(engine: Any, ids: dict[str, Any]) -> int:
    """A confidential person at NIC, and a confidential meeting with NIC; the person's id."""
    with unit_of_work(engine) as s:
        person = records.create(
            s, "contact", {"full_name": SECRET_PERSON, "organisation_id": ids["nic"], "confidential": True}
        )
        records.create(
            s,
            "meeting",
            {
                "title": SECRET_MEETING + " NIC",
                "starts_at": dt.datetime(2026, 11, 2, 14, 0),
                "organisation_ids": [ids["nic"]],
                "attendees": [{"contact_id": ids["dang"]}],
                "confidential": True,
            },
        )
    return int(person)


def _brief(qtbot: Any, ctx: Any, kind: str, subject: int, opened: list[Path], tick: bool) -> str:
    dialog = briefs.BriefDialog(ctx, kind, subject)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.without_confidential
    assert not box.isChecked()  # the default stays as before
    if tick:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
        assert box.isChecked() and dialog.request().without_confidential
    before = len(opened)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) > before, timeout=30_000)
    return " ".join(pdf_text(opened[-1]))


def test_ticked_the_brief_holds_no_confidential_record_and_says_so(
    qtbot: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    _seed(engine, ids)
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    ctx.settings.language = "en"
    usual = _brief(qtbot, ctx, "organisation", ids["nic"], opened, tick=False)
    assert SECRET_PERSON in usual and SECRET_MEETING in usual
    assert "CONFIDENTIAL — DO NOT CIRCULATE" in usual
    handed = _brief(qtbot, ctx, "organisation", ids["nic"], opened, tick=True)
    assert SECRET_PERSON not in handed and SECRET_MEETING not in handed
    assert "CONFIDENTIAL" not in handed and "INTERNAL — NOT FOR CIRCULATION" in handed
    assert "Confidential records were left out of this brief." in handed
    assert "Nguyễn Thị Hồng Nhung" in handed  # the rest as it was


def test_a_confidential_records_own_brief_cannot_leave_them_out(
    qtbot: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    person = _seed(engine, ids)
    ctx.settings.language = "en"
    dialog = briefs.BriefDialog(ctx, "contact", person)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.secret_hint.isVisible, timeout=10_000)
    assert not dialog.without_confidential.isEnabled() and not dialog.without_confidential.isChecked()
    assert dialog.secret_hint.text() == (
        "This contact is confidential themselves: their brief cannot leave confidential records out."
    )
    dialog._set_inputs_enabled(True)  # (as after a failed brief: the box stays off)
    assert not dialog.without_confidential.isEnabled()
    # an ordinary record's dialog offers it
    other = briefs.BriefDialog(ctx, "contact", ids["dang"])
    qtbot.addWidget(other)
    other.show()
    wait_idle(qtbot, ctx)  # (its record read: not confidential)
    assert other.without_confidential.isEnabled() and not other.secret_hint.isVisible()
