"""What an import keeps shows on the contact's page (issue 10, items 3 and 4): a phone kept
unverified says so, the last-contacted date a sheet recorded is shown in the chosen format."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.engine import Engine

from db.engine import unit_of_work


def _page_text(ctx: Any, entity: str, record_id: int) -> str:
    from PySide6.QtGui import QTextDocument

    from app.story import story
    from ui.details.story import render

    with ctx.read() as s:
        html = render(story(s, entity, record_id, today=ctx.today()), ctx.settings)
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_unverified_phone_and_last_contacted_on_the_contact_page(
    qapp: Any, ctx: Any, engine: Engine, ids: dict[str, Any]
) -> None:
    from app import records

    text = _page_text(ctx, "contact", ids["nhung"])
    # the meeting she chaired ten days before (seed_network) moved her "Last contacted" there
    assert "unverified" not in text and "Last contacted: 13/11/2026" in text
    with unit_of_work(engine) as s:
        rec = records.get(s, "contact", ids["nhung"])
        records.update(
            s,
            "contact",
            ids["nhung"],
            {"phones": ["+84912345678", "+84992345678"], "last_contacted_on": dt.date(2026, 10, 12)},
            expected_version=rec["version"],
        )
    text = _page_text(ctx, "contact", ids["nhung"])
    assert "0912 345 678 · 0992 345 678 (unverified)" in text
    assert "Last contacted: 12/10/2026" in text
