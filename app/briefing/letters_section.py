"""The organisation brief's "Letters" section: its letters in the letter register (number,
date, subject, status, reply deadline), newest first. Gathered by :func:`gather_letters`,
drawn by :func:`letters_section`; words of both languages are kept here with the section."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable
from sqlalchemy.orm import Session

from app.briefing.labels import Labels
from app.briefing.layout import SectionHeading, data_table, format_date, para, styles

LIMIT = 30

_WORDS = {
    "en": {
        "letters": "Letters",
        "number": "Number",
        "date": "Date",
        "subject": "Subject",
        "status": "Status",
        "draft": "(draft)",
        "reply_by": "reply by %s",
        "outgoing": "outgoing",
        "incoming": "incoming",
        "status.draft": "draft",
        "status.signed": "signed",
        "status.sent": "sent",
        "status.received": "received",
        "status.replied": "replied",
        "late": "reply overdue",
    },
    "vi": {
        "letters": "Công văn",
        "number": "Số, ký hiệu",
        "date": "Ngày",
        "subject": "Trích yếu",
        "status": "Trạng thái",
        "draft": "(dự thảo)",
        "reply_by": "hạn trả lời %s",
        "outgoing": "đi",
        "incoming": "đến",
        "status.draft": "dự thảo",
        "status.signed": "đã ký",
        "status.sent": "đã gửi",
        "status.received": "đã nhận",
        "status.replied": "đã trả lời",
        "late": "quá hạn trả lời",
    },
}


@dataclass(frozen=True)
class LetterRow:
    letter_id: int
    direction: str
    reference: str
    letter_date: dt.date | None
    subject: str
    status: str
    reply_due: dt.date | None
    late: bool = False
    confidential: bool = False  # drafted from a confidential meeting or action: marked


def gather_letters(session: Session, organisation_id: int, today: dt.date) -> tuple[LetterRow, ...]:
    from app.letters.register import list_letters

    return tuple(
        LetterRow(
            letter_id=r["id"],
            direction=r["direction"],
            reference=r["reference"],
            letter_date=r["letter_date"],
            subject=r["subject"],
            status=r["status"],
            reply_due=r["reply_due"],
            late=r["status"] == "received" and r["reply_due"] is not None and r["reply_due"] < today,
            confidential=bool(r.get("confidential")),
        )
        for r in list_letters(session, organisation_id=organisation_id, limit=LIMIT)
    )


def marked(letter: LetterRow, lab: Labels, cell: list[Any]) -> list[Any]:
    """The subject with the confidential mark first (app.briefing.sections.marked)."""
    from app.briefing.sections import marked as mark

    return mark(letter, lab, cell)


def letters_section(letters: Sequence[LetterRow], lab: Labels, avail: float) -> list[Flowable]:
    """None: no section."""
    if not letters:
        return []
    w = _WORDS.get(lab.lang, _WORDS["en"])
    st = styles()
    rows = []
    highlight = []
    for i, letter in enumerate(letters):
        status = [para(f"{w['status.' + letter.status]} ({w[letter.direction]})", st.cell)]
        if letter.reply_due and letter.status == "received":
            status.append(
                para(
                    w["reply_by"] % format_date(letter.reply_due, lab), st.alert if letter.late else st.muted
                )
            )
        if letter.late:
            highlight.append(i)
        rows.append(
            [
                para(letter.reference or w["draft"], st.cell),
                para(format_date(letter.letter_date, lab) or "—", st.cell),
                marked(letter, lab, [para(letter.subject, st.cell)]),
                status,
            ]
        )
    header = [w["number"], w["date"], w["subject"], w["status"]]
    return [
        SectionHeading(w["letters"]),
        data_table(header, rows, [0.2, 0.13, 0.45, 0.22], avail, highlight=highlight),
    ]
