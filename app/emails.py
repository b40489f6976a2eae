"""An e-mail on the timeline: an ``.eml`` (the standard library's ``email``, ``policy.default``)
or an Outlook ``.msg`` (extract-msg) becomes a meeting of kind "email".

    parsed = read_email(Path("Re: Thư giới thiệu.eml"))      # no database: before the transaction
    with unit_of_work(engine) as s:
        result = log_email(s, parsed, kind="contact", record_id=7, actor="Anh")
    result.status        # "logged", or "already" when this Message-ID was logged before
    result.unknown       # addresses that are no contact's (offer to create them)

The meeting takes the subject as its title, the sent date (local time) as its start, the plain
text body (HTML reduced to text when there is no plain part) as its minutes, the contacts whose
e-mail address is the sender's or a recipient's as attendees, their organisations (and the
record it was dropped on) as its organisations, our staff by their address; the files attached
to the message become its attachments (:mod:`app.attachments`). All of it is one undoable
group. The message's identity is the SHA-256 of its Message-ID (of its sender, date, subject
and body when it has none), unique in ``email_message``: logging it again finds it.

Reading the files is :mod:`app.email_files` (no database); its names are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from app import attachments, records
from app.email_files import (
    BODY_LIMIT,
    Address,
    ParsedEmail,
    html_to_text,
    is_email_file,
    parse_email,
    read_email,
)
from app.errors import UserError
from db import clock, kinds
from db import models as m
from db.engine import write_lock
from db.queries import chunked
from db.tables import CON, METHOD, ORG, STAFF, table_of

__all__ = ["Address", "LogResult", "ParsedEmail", "html_to_text", "is_email_file", "log_email", "parse_email",
           "read_email"]  # fmt: skip

MAIL = table_of(m.EmailMessage)
TITLE_LIMIT = 500


# --- logging ----------------------------------------------------------------------------------------


@dataclass
class LogResult:
    status: str  # "logged" or "already"
    meeting_id: int
    title: str
    in_trash: bool = False  # "already": the meeting logged then is in the trash
    attendees: list[tuple[int, str, str]] = field(default_factory=list)  # (contact id, name, address)
    staff: list[tuple[int, str]] = field(default_factory=list)
    unknown: list[Address] = field(default_factory=list)
    created: list[int] = field(default_factory=list)  # contacts created for unknown addresses
    attachment_ids: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    group_id: str = ""


def contacts_by_address(session: Session, addresses: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Live contacts by e-mail address (lower case): address → (id, full name); the first
    contact when two share one."""
    wanted = sorted({a.lower() for a in addresses})
    out: dict[str, tuple[int, str]] = {}
    for part in chunked(wanted):
        rows = session.execute(
            select(METHOD.c.value, CON.c.id, CON.c.full_name)
            .join(CON, CON.c.id == METHOD.c.contact_id)
            .where(METHOD.c.kind == "email", func.lower(METHOD.c.value).in_(part), CON.c.deleted_at.is_(None))
            .order_by(CON.c.id)
        ).all()
        for value, cid, name in rows:
            out.setdefault(str(value).lower(), (int(cid), str(name)))
    return out


def staff_by_address(session: Session, addresses: Iterable[str]) -> dict[str, tuple[int, str]]:
    wanted = sorted({a.lower() for a in addresses})
    out: dict[str, tuple[int, str]] = {}
    for part in chunked(wanted):
        rows = session.execute(
            select(STAFF.c.email, STAFF.c.id, STAFF.c.name).where(
                func.lower(STAFF.c.email).in_(part), STAFF.c.deleted_at.is_(None)
            )
        ).all()
        for value, sid, name in rows:
            out.setdefault(str(value).lower(), (int(sid), str(name)))
    return out


def already_logged(session: Session, parsed: ParsedEmail) -> LogResult | None:
    """The meeting this message was logged as, if it was."""
    row = session.execute(select(MAIL.c.meeting_id).where(MAIL.c.message_key == parsed.key)).first()
    if row is None:
        return None
    meeting = session.get(m.Meeting, int(row.meeting_id))
    assert meeting is not None and meeting.id is not None
    return LogResult(
        "already", meeting.id, meeting.title, in_trash=meeting.deleted_at is not None, warnings=[]
    )


def unknown_addresses(session: Session, parsed: ParsedEmail) -> list[Address]:
    """The message's addresses that are neither a contact's nor a staff member's."""
    emails = [a.email for a in parsed.addresses]
    known = set(contacts_by_address(session, emails)) | set(staff_by_address(session, emails))
    return [a for a in parsed.addresses if a.email not in known]


def _title(parsed: ParsedEmail) -> str:
    subject = parsed.subject.strip() or "(no subject)"
    return subject[:TITLE_LIMIT]


def _contact_name(a: Address) -> str:
    return a.name if a.name and "@" not in a.name else a.email.split("@", 1)[0]


def log_email(
    session: Session,
    parsed: ParsedEmail,
    *,
    kind: str | None = None,
    record_id: int | None = None,
    create_contacts: Iterable[str] = (),
    actor: str = "",
    when: dt.datetime | None = None,
) -> LogResult:
    """Log ``parsed`` as a meeting of kind "email" (see the module's doc); ``kind``/``record_id``
    is the record it was dropped on (a contact, an organisation or a meeting), whose link it
    gets; ``create_contacts`` the unknown addresses to make contacts of first."""
    write_lock(session, "log-email")  # two people logging one message at once: the second finds it
    found = already_logged(session, parsed)
    if found is not None:
        return found
    group = records.new_group_id()
    result = LogResult("logged", 0, _title(parsed), warnings=list(parsed.warnings), group_id=group)
    emails = [a.email for a in parsed.addresses]
    wanted = {e.lower() for e in create_contacts}
    for a in parsed.addresses:
        if a.email in wanted and a.email not in contacts_by_address(session, [a.email]):
            cid = records.create(
                session,
                "contact",
                {"full_name": _contact_name(a), "emails": [a.email]},
                actor=actor,
                group_id=group,
            )
            result.created.append(cid)
    contacts = contacts_by_address(session, emails)
    staff = staff_by_address(session, emails)
    result.attendees = [(contacts[e][0], contacts[e][1], e) for e in emails if e in contacts]
    result.staff = list(dict.fromkeys(staff[e] for e in emails if e in staff and e not in contacts))
    result.unknown = [a for a in parsed.addresses if a.email not in contacts and a.email not in staff]
    contact_ids = list(dict.fromkeys(c for c, _, _ in result.attendees))
    org_ids = _organisations_of(session, contact_ids)
    if kind == "contact" and record_id is not None and record_id not in contact_ids:
        contact_ids.append(record_id)
        org_ids += _organisations_of(session, [record_id])
    elif kind == "organisation" and record_id is not None:
        org_ids.append(record_id)
    elif kind == "meeting" and record_id is not None:
        org_ids += records.get(session, "meeting", record_id).get("organisation_ids", [])
    elif kind is not None and kind not in kinds.ATTACHABLE:
        raise UserError(f"an e-mail is logged on a contact, an organisation or a meeting, not {kind!r}")
    starts = parsed.sent_at or when or clock.now()
    if parsed.sent_at is None:
        result.warnings.append("it has no date: logged at the time it was read")
    meeting_id = records.create(
        session,
        "meeting",
        {
            "title": result.title,
            "kind": m.EMAIL_KIND,
            "starts_at": starts.replace(second=0, microsecond=0),
            "minutes": _minutes(parsed),
            "attendees": [{"contact_id": c, "role": "participant"} for c in contact_ids],
            "organisation_ids": list(dict.fromkeys(org_ids)),
            "staff_ids": [sid for sid, _ in result.staff],
        },
        actor=actor,
        group_id=group,
    )
    result.meeting_id = meeting_id
    session.execute(
        MAIL.insert().values(
            meeting_id=meeting_id,
            message_key=parsed.key,
            message_id=parsed.message_id,
            sender=str(parsed.sender or ""),
            recipients=[str(a) for a in [*parsed.to, *parsed.cc]],
            file_name=parsed.file_name,
            created_at=m.utcnow(),
        )
    )
    for f in parsed.files:
        result.attachment_ids.append(
            attachments.add(session, "meeting", meeting_id, f, actor=actor, group_id=group)
        )
    session.flush()
    return result


def _minutes(parsed: ParsedEmail) -> str:
    head = []
    if parsed.sender:
        head.append(f"From: {parsed.sender}")
    if parsed.to:
        head.append("To: " + ", ".join(map(str, parsed.to)))
    if parsed.cc:
        head.append("Cc: " + ", ".join(map(str, parsed.cc)))
    text = "\n".join(head) + ("\n\n" if head else "") + parsed.body
    return text[:BODY_LIMIT]


HEAD_WORDS = {"From": "from", "To": "to", "Cc": "cc"}
"""The head lines :func:`_minutes` writes before an e-mail's text, by the page's key."""


def message_parts(minutes: str) -> tuple[list[tuple[str, str]], str]:
    """A logged e-mail's text as :func:`_minutes` stored it, split into its head, e.g.
    ``[("from", "Lan <lan@x.vn>"), ("to", "…")]``, and the message itself, so that a page
    words the head in its own language (reviewer: "From:/To:/Cc:" in the Vietnamese window).
    A text that does not start with such a head is all message."""
    head: list[tuple[str, str]] = []
    lines = minutes.split("\n")
    i = 0
    while i < len(lines):
        word, sep, value = lines[i].partition(": ")
        if not sep or word not in HEAD_WORDS or any(k == HEAD_WORDS[word] for k, _ in head):
            break
        head.append((HEAD_WORDS[word], value))
        i += 1
    if not head or (i < len(lines) and lines[i] != ""):
        return [], minutes
    return head, "\n".join(lines[i + 1 :])


def _organisations_of(session: Session, contact_ids: list[int]) -> list[int]:
    if not contact_ids:
        return []
    rows = session.execute(
        select(CON.c.organisation_id)
        .join(ORG, ORG.c.id == CON.c.organisation_id)
        .where(CON.c.id.in_(contact_ids), ORG.c.deleted_at.is_(None))
    ).scalars()
    return list(dict.fromkeys(int(o) for o in rows))


def message_of(session: Session, meeting_id: int) -> dict[str, Any] | None:
    """The e-mail behind a meeting: sender, recipients, Message-ID, file name (None if none)."""
    row = session.execute(
        select(MAIL.c.sender, MAIL.c.recipients, MAIL.c.message_id, MAIL.c.file_name).where(
            MAIL.c.meeting_id == meeting_id
        )
    ).first()
    return dict(row._mapping) if row is not None else None
