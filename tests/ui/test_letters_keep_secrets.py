"""Draft letter… on a confidential meeting's page, then Draft… in Tools → Letters, in each of the
window's languages: the .docx says nothing of the meeting (read back with python-docx, the
core properties too) and the window says why the letter names it by its date only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx import Document

from app import records
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle
from ui import file_dialogs

SAID = {
    "en": "The meeting is confidential: its title, agenda and people are not in the letter",
    "vi": "Cuộc họp này là cuộc họp mật: tiêu đề, chương trình và người tham dự không được đưa vào công văn",
}


def test_a_confidential_meetings_draft_from_the_window(
    qtbot: Any,
    window: Any,
    ctx: Any,
    engine: Any,
    ids: dict[str, Any],
    tmp_path: Path,
    monkeypatch: Any,
    language: str,
) -> None:
    with unit_of_work(engine) as s:
        mat = records.create(
            s,
            "contact",
            {"full_name": "Lưu Văn Mật", "organisation_id": ids["ministry"], "confidential": True},
        )
        meeting = records.create(
            s,
            "meeting",
            {
                "title": "Họp kín về thương vụ Genetica – QBM",
                "starts_at": dt.datetime(2026, 12, 9, 14, 0),
                "organisation_ids": [ids["nic"], ids["ministry"], ids["genetica"]],
                "attendees": [{"contact_id": mat, "role": "participant"}],
                "agenda": "Định giá cổ phần Genetica",
                "confidential": True,
            },
        )
    window.navigate("meeting", meeting)
    wait_idle(qtbot, ctx)
    window.act_draft_letter.trigger()
    wait_idle(qtbot, ctx)
    dialog = window.letters_dialog
    wait_idle(qtbot, ctx)
    row = dialog.current()
    assert row is not None and row["meeting_id"] == meeting
    assert row["organisation_id"] == ids["genetica"]  # not the ministry, met only through Mật
    assert "kín" not in row["subject"] and "QBM" not in row["subject"]

    target = tmp_path / "thu.docx"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    dialog.buttons["draft"].click()
    wait_idle(qtbot, ctx, timeout=120_000)
    # (written, not "Writing the draft…": the line may hold "……", the officer's blank, since h129)
    qtbot.waitUntil(lambda: SAID[language] in dialog.message.text(), timeout=120_000)
    doc = Document(str(target))
    words = [p.text for p in doc.paragraphs] + [
        p.text for t in doc.tables for c in t._cells for p in c.paragraphs
    ]
    text = "\n".join([*words, doc.core_properties.title or ""])
    for secret in ("kín về", "QBM", "Genetica –", "Lưu Văn Mật", "Định giá"):
        assert secret not in text
    assert doc.core_properties.title == "V/v mời tham dự buổi làm việc ngày 09/12/2026"
    dialog.close()


TIP = {
    "en": "Confidential: drafted from a confidential meeting or action",
    "vi": "Mật: soạn từ một cuộc họp hoặc một việc mật",
}


def test_a_letter_of_a_confidential_meeting_shows_the_lock_in_the_letters_window(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], language: str, qtmodeltester: Any
) -> None:
    from PySide6.QtCore import Qt

    from app.letters.register import letter_for_record

    with unit_of_work(engine) as s:
        meetings = [
            records.create(
                s,
                "meeting",
                {
                    "title": title,
                    "starts_at": dt.datetime(2026, 12, 9, 14, 0),
                    "organisation_ids": [ids["genetica"]],
                    "confidential": secret,
                },
            )
            for title, secret in (("Họp kín về thương vụ QBM", True), ("Họp với Genetica về AI", False))
        ]
        letters = [letter_for_record(s, "meeting", m) for m in meetings]
    window.act_letters.trigger()
    dialog = window.letters_dialog
    wait_idle(qtbot, ctx)
    qtmodeltester.check(dialog.model, force_py=True)
    rows = {
        dialog.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1): r for r in range(dialog.model.rowCount())
    }
    secret, plain = (dialog.model.index(rows[i], 0) for i in letters)
    assert secret.data(Qt.ItemDataRole.DecorationRole) is not None
    assert secret.data(Qt.ItemDataRole.ToolTipRole) == TIP[language]
    assert plain.data(Qt.ItemDataRole.DecorationRole) is None
    assert plain.data(Qt.ItemDataRole.ToolTipRole) is None
    dialog.close()
