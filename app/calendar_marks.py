"""What an exported calendar (.ics) shows of confidential records, and of a meeting's people.

A calendar event is written CLASS:PRIVATE when its record is confidential or when it names a
confidential contact, organisation or meeting (reviewer h106). RFC 5545 has three classes, but
Outlook acts on "Private" alone (its "Confidential" sensitivity has no effect on appointments:
the details stay readable to everyone the calendar is shared with), and Google Calendar takes
CONFIDENTIAL as private "for compatibility" only: PRIVATE is the one value both honour. A
confidential name is marked where the event prints it, as the briefs mark it
(:mod:`app.briefing.sections`): "Lưu Văn Mật (Mật)", "Họp kín (Confidential)".

The meeting's people go in its description, by name ("Attendees: Nguyễn Thị Hồng Nhung (chair),
…"), not as ATTENDEE lines: the file is METHOD:PUBLISH, which RFC 5546 (iTIP, section 3.2.1)
gives an ORGANIZER but no ATTENDEE, and an event with attendees is a meeting request to Outlook,
which then offers to send the partners updates of a meeting the officer did not organise there.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from db.queries import chunked
from db.tables import CON, ORG

MARK_WORDS = {
    "secret": ("Confidential", "Mật"),
    "attendees": ("Attendees", "Người tham dự"),
    "organisations": ("Organisations", "Tổ chức"),
    "chair": ("chair", "chủ trì"),
}
"""The words of a meeting's description and of the confidential mark, in English and Vietnamese."""


def word(key: str, lang: str) -> str:
    return MARK_WORDS[key][1 if lang == "vi" else 0]


def marked(name: str, secret: bool, lang: str) -> str:
    """``name`` with the confidential mark after it when ``secret``: "Lưu Văn Mật (Mật)"."""
    return f"{name} ({word('secret', lang)})" if secret and name else name


@dataclass(frozen=True)
class People:
    """What a meeting's event says of its organisations and attendees (:func:`meeting_people`)."""

    lines: tuple[str, ...]  # "Organisations: …", "Attendees: …"
    secret: bool  # names a confidential contact or organisation


def meeting_people(
    session: Session, attendees: list[dict[str, object]], organisation_ids: list[int], lang: str
) -> People:
    """The meeting's live organisations and attendees, one line each, a confidential one marked."""
    ids = [int(str(a["contact_id"])) for a in attendees]
    contacts: dict[int, tuple[str, bool]] = {}
    for part in chunked(ids):
        for cid, name, secret in session.execute(
            select(CON.c.id, CON.c.full_name, CON.c.confidential).where(
                CON.c.id.in_(part), CON.c.deleted_at.is_(None)
            )
        ).all():
            contacts[int(cid)] = (str(name), bool(secret))
    orgs: dict[int, tuple[str, bool]] = {}
    for part in chunked(list(organisation_ids)):
        for oid, name, secret in session.execute(
            select(ORG.c.id, ORG.c.name, ORG.c.confidential).where(
                ORG.c.id.in_(part), ORG.c.deleted_at.is_(None)
            )
        ).all():
            orgs[int(oid)] = (str(name), bool(secret))
    secret = False
    lines: list[str] = []
    shown = [orgs[o] for o in organisation_ids if o in orgs]
    if shown:
        secret |= any(s for _, s in shown)
        lines.append(f"{word('organisations', lang)}: " + ", ".join(marked(n, s, lang) for n, s in shown))
    people: list[str] = []
    for a in attendees:
        found = contacts.get(int(str(a["contact_id"])))
        if found is None:
            continue  # (a contact in the trash is not named)
        name, confidential = found
        secret |= confidential
        text = marked(name, confidential, lang)
        people.append(f"{text} ({word('chair', lang)})" if a.get("role") == "chair" else text)
    if people:
        lines.append(f"{word('attendees', lang)}: " + ", ".join(people))
    return People(tuple(lines), secret)


__all__ = ["MARK_WORDS", "People", "marked", "meeting_people", "word"]
