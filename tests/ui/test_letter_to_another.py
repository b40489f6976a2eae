"""Draft letter… on the page of a meeting with several organisations met asks which one the
letter is to; choosing another than the first drafts a letter of its own, and the first one's
draft stays as it was (reviewer: ``--to`` readdressed the ministry's draft). In each of the
window's languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QInputDialog

from app import records
from app.letters import register
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle

ASKED = {"en": "Write the letter to:", "vi": "Gửi công văn tới:"}


def test_a_letter_to_another_organisation_met_is_another_letter(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any, language: str
) -> None:
    with unit_of_work(engine) as s:
        meeting = records.create(
            s,
            "meeting",
            {
                "title": "Họp với Genetica về AI",
                "starts_at": dt.datetime(2026, 11, 20, 9, 0),
                "organisation_ids": [ids["nic"], ids["ministry"], ids["genetica"]],
            },
        )
    asked: list[tuple[str, list[str]]] = []
    answer = {"name": "Genetica"}

    def get_item(_parent: Any, _title: str, label: str, items: list[str], *_a: Any) -> tuple[str, bool]:
        asked.append((label, list(items)))
        return answer["name"], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    window.navigate("meeting", meeting)
    wait_idle(qtbot, ctx)

    def draft(name: str) -> dict[str, Any]:
        answer["name"] = name
        window.act_draft_letter.trigger()
        wait_idle(qtbot, ctx)
        qtbot.waitUntil(lambda: getattr(window, "letters_dialog", None) is not None, timeout=10_000)
        wait_idle(qtbot, ctx)
        row = window.letters_dialog.current()
        assert row is not None
        return dict(row)

    first = draft("Bộ Khoa học và Công nghệ")
    assert asked[-1] == (ASKED[language], ["Bộ Khoa học và Công nghệ", "Genetica"])
    second = draft("Genetica")
    assert second["id"] != first["id"] and second["organisation_id"] == ids["genetica"]
    assert draft("Bộ Khoa học và Công nghệ")["id"] == first["id"]  # its own letter again
    with read_session(engine) as s:
        by_id = {r["id"]: r["organisation_id"] for r in register.list_letters(s)}
    assert by_id == {first["id"]: ids["ministry"], second["id"]: ids["genetica"]}
    window.letters_dialog.close()
