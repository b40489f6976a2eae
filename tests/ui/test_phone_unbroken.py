"""A phone number on a record's page is never broken across two lines of a narrow detail pane
("0995 747" on one line, "169" on the next, as the 1280×720 laptop sweep showed on an
organisation's people): the line wraps before the number."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from db.engine import unit_of_work

PHONES = ("0912 345 678", "0992 345 678")


def _breaks_inside(html: str, width: int) -> list[str]:
    """The phone numbers a page laid out ``width`` px wide breaks inside."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    doc.setTextWidth(width)
    found = []
    block = doc.begin()
    while block.isValid():
        doc.documentLayout().blockBoundingRect(block)  # (laid out when asked)
        text = block.text().replace("\u00a0", " ")
        layout = block.layout()
        starts = [layout.lineAt(i).textStart() for i in range(layout.lineCount())]
        for phone in PHONES:
            at = text.find(phone)
            if at >= 0 and any(at < start < at + len(phone) for start in starts):
                found.append(f"{phone} at {width} px")
        block = block.next()
    return found


def test_phone_numbers_wrap_whole(qapp: Any, ctx: Any, engine: Engine, ids: dict[str, Any]) -> None:
    from app import records
    from app.story import story
    from ui.details.story import render

    with unit_of_work(engine) as s:
        rec = records.get(s, "contact", ids["nhung"])
        records.update(
            s,
            "contact",
            ids["nhung"],
            {"phones": ["+84912345678", "+84992345678"]},
            expected_version=rec["version"],
        )
    with ctx.read() as s:
        contact = render(story(s, "contact", ids["nhung"], today=ctx.today()), ctx.settings)
        organisation_id = int(records.get(s, "contact", ids["nhung"])["organisation_id"])
        organisation = render(story(s, "organisation", organisation_id, today=ctx.today()), ctx.settings)
    assert all(p in contact.replace("\u00a0", " ") for p in PHONES)
    assert PHONES[0] in organisation.replace("\u00a0", " ")
    broken = [
        b for html in (contact, organisation) for w in range(120, 480, 7) for b in _breaks_inside(html, w)
    ]
    assert broken == []
