"""File → Export contacts with confidential contacts (reviewer h106): the whole office's file
leaves them out, the status bar saying how many and how to export them; one selected in the
Contacts list is written marked private (vCard 3.0's CLASS), the status bar saying so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vobject

from tests.ui.files.test_calendar_confidential_window import TIMEOUT, _office, _show
from ui import file_dialogs


def test_export_contacts_leaves_the_confidential_out_and_a_selected_one_is_marked(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import calendar_files

    ids = _office(ctx)
    vcf = tmp_path / "danh ba.vcf"
    calendar_files.export_vcards(window, ctx, contact_ids=None, path=vcf)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("vCard written"), timeout=TIMEOUT)
    assert (
        window.statusBar()
        .currentMessage()
        .endswith(" (1 confidential contact left out: select them in the Contacts list to export them)")
    )
    assert [c.fn.value for c in vobject.readComponents(vcf.read_text(encoding="utf-8"))] == ["Trần Thị Lan"]
    chosen = tmp_path / "mat.vcf"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(chosen), ""))
    ctx.status_message.emit("")
    _show(qtbot, window, "contact", ids["mat"])
    window.act_contact_vcard.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("vCard written"), timeout=TIMEOUT)
    assert (
        window.statusBar()
        .currentMessage()
        .endswith(
            " (it holds 1 confidential contact, marked private: give it only to those who may see them)"
        )
    )
    (card,) = vobject.readComponents(chosen.read_text(encoding="utf-8"))
    assert card.fn.value == "Lưu Văn Mật" and card.getChildValue("class") == "PRIVATE"
