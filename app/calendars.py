"""Meetings to and from calendars (.ics, RFC 5545) with the ``icalendar`` package.

    data = export_ics(session, meeting_ids=None, reminders="allday")   # every upcoming meeting
    Path("ketnoi.ics").write_bytes(data)

    inv = read_ics(Path("invite.ics").read_bytes(), "invite.ics")      # no database
    plan = plan_invitation(session, inv)          # the meeting it updates, attendees known/unknown
    result = import_invitation(session, inv, create_contacts=["lan@x.vn"], actor="Anh")

Export. Each meeting is a VEVENT whose UID is ``meeting-<id>@<database uuid>`` (the uuid is
this database's own, kept in the ``setting`` table, created by migration 0007), so that a
calendar importing the file again updates the event instead of adding a second one; SEQUENCE is
the record's version and DTSTAMP the time of the export. Times are the wall-clock times Ketnoi
keeps, in Asia/Ho_Chi_Minh, with that zone's VTIMEZONE in the file. The file publishes (METHOD:
PUBLISH), it invites no one: the organiser is the meeting's owner (an owner without e-mail, or
the office, by name: :func:`_organizer`), and its organisations and attendees are named in
the description, not as ATTENDEE lines (:mod:`app.calendar_marks`). Open actions with a due
date go in as all-day reminder events by default (Google Calendar ignores VTODO tasks; Outlook
and Thunderbird show both), or as VTODO tasks (``reminders="todo"``), or not at all
(``"none"``): every open one with the upcoming meetings, a chosen meeting's own follow-ups
with that meeting. An event of a confidential record, or naming one, is CLASS:PRIVATE
and the confidential names in it are marked. A meeting imported from an invitation keeps the
invitation's UID, so the organiser's calendar and ours name the same event.

Import. The first VEVENT of the file becomes a planned meeting (a repeating one: its first
occurrence, and a warning says so); DTSTART in any zone, a Windows zone name as Outlook writes
it ("SE Asia Standard Time"), UTC or floating is turned into Asia/Ho_Chi_Minh wall-clock time.
Attendees are matched to contacts by e-mail address; the unknown ones are listed and made
contacts when asked. The invitation's UID is kept (``meeting_calendar``): importing it again
updates that meeting (new attendees are added, none removed), with a version check, history and
undo like any edit. A file that is not a calendar, or too large, is refused with a message in
English and Vietnamese that names the file and says what to do (:mod:`app.calendar_refusals`).

A cancellation (METHOD:CANCEL, or an event with STATUS:CANCELLED) never makes a meeting. The
meeting its UID made before goes to the trash (meetings have no status of their own: the trash
is where a meeting that will not happen goes; history, undo, and an invitation sent again
brings it back). A cancellation of a meeting never imported is skipped; one of a meeting that
took place (minutes, decisions or follow-up actions logged) leaves it as it is; one of another
occurrence of a repeating meeting than the one imported changes nothing. :attr:`Plan.cancel`
says which, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import dateranges, records, secret_names, zones
from app.already_logged import AlreadyLogged
from app.calendar_marks import marked, meeting_people, word
from app.calendar_refusals import NotAnInvitation
from app.emails import contacts_by_address, staff_by_address
from app.errors import LastSave, UserError
from app.invitation_links import fields_to_keep, kept_fields, logged_before, remember_link, remember_made
from app.meetings import DEFAULT_LENGTH, attendee_organisations
from db import clock
from db import models as m
from db.queries import chunked
from db.tables import table_of

OFFICE_TZ = zones.OFFICE  # (the office's zone, one definition: app.zones)
MAX_ICS_BYTES = 5 * 1024 * 1024
"""An invitation is a few kilobytes; a larger file is refused before it is parsed."""
MAX_EVENTS = 500
"""An invitation holds one event (a repeating one a few exceptions); a file of more is a whole
calendar, refused before icalendar spends seconds parsing events that would not be imported."""
REMINDER_STYLES = ("allday", "todo", "none")
PRODID = "-//Ketnoi//Ketnoi stakeholder register//VI"
TITLE_LIMIT = 500
CAL = table_of(m.MeetingCalendar)
MEETING = table_of(m.Meeting)
ACTION = table_of(m.Action)
METHOD = table_of(m.ContactMethod)


# --- this database's id ---------------------------------------------------------------------------


def database_uuid(session: Session) -> str:
    """This database's own id (migration 0007 writes it; made here if a database lacks it)."""
    row = session.get(m.Setting, m.DATABASE_UUID_KEY)
    if row is not None and isinstance(row.value, str) and row.value:
        return row.value
    value = str(uuid.uuid4())
    session.add(m.Setting(key=m.DATABASE_UUID_KEY, value=value))
    session.flush()
    return value


# --- export -----------------------------------------------------------------------------------------


LEFT_OUT: dict[str, tuple[str, str]] = {
    "no_meeting": ("meeting #{id}: no such meeting", "cuộc họp #{id}: không tìm thấy"),
    "an_email": (
        "meeting #{id}: an e-mail, not a meeting",
        "cuộc họp #{id}: là một email, không phải cuộc họp",
    ),
    "not_open": ("action #{id}: not an open action", "việc cần làm #{id}: không phải việc đang mở"),
    "no_due": ("action #{id}: no due date", "việc cần làm #{id}: chưa có hạn"),
    "no_contact": ("contact #{id}: no such contact", "liên hệ #{id}: không tìm thấy"),
}
"""Why a record asked for is not in an exported .ics or .vcf file, in English and Vietnamese."""


@dataclass(frozen=True)
class LeftOut:
    """A record asked for but not written to the file, and why (a code of :data:`LEFT_OUT`)."""

    code: str
    id: int

    def text(self, lang: str = "en") -> str:
        return LEFT_OUT[self.code][1 if lang == "vi" else 0].format(id=self.id)


@dataclass
class Exported:
    data: bytes
    meetings: int
    reminders: int
    skipped: list[LeftOut] = field(default_factory=list)  # why a selected record is not in the file
    private: int = 0  # events written CLASS:PRIVATE: confidential, or naming a confidential record


def _aware(local: dt.datetime) -> dt.datetime:
    return local.replace(tzinfo=OFFICE_TZ) if local.tzinfo is None else local.astimezone(OFFICE_TZ)


def upcoming_meeting_ids(session: Session, *, now: dt.datetime | None = None) -> list[int]:
    """Live meetings (not e-mails) from today on, in order."""
    start = dt.datetime.combine((now or clock.now()).date(), dt.time())
    rows = session.execute(
        select(MEETING.c.id)
        .where(
            MEETING.c.deleted_at.is_(None),
            MEETING.c.starts_at >= start,
            MEETING.c.kind != m.EMAIL_KIND,
        )
        .order_by(MEETING.c.starts_at, MEETING.c.id)
    ).scalars()
    return [int(i) for i in rows]


def open_action_ids(session: Session) -> list[int]:
    """Live open actions that have a due date, by due date."""
    rows = session.execute(
        select(ACTION.c.id)
        .where(
            ACTION.c.deleted_at.is_(None),
            ACTION.c.status.in_(m.OPEN_STATUSES),
            ACTION.c.due_date.is_not(None),
        )
        .order_by(ACTION.c.due_date, ACTION.c.id)
    ).scalars()
    return [int(i) for i in rows]


def follow_up_ids(session: Session, meeting_ids: Sequence[int]) -> list[int]:
    """The live open actions with a due date that came from ``meeting_ids``, by due date: what
    goes with a chosen meeting to the calendar (reviewer h106: ``--meeting 8`` wrote every open
    action of the office, the window none)."""
    found: list[tuple[dt.date, int]] = []
    for part in chunked(sorted(set(meeting_ids))):
        found += [
            (due, int(aid))
            for aid, due in session.execute(
                select(ACTION.c.id, ACTION.c.due_date).where(
                    ACTION.c.meeting_id.in_(part),
                    ACTION.c.deleted_at.is_(None),
                    ACTION.c.status.in_(m.OPEN_STATUSES),
                    ACTION.c.due_date.is_not(None),
                )
            ).all()
        ]
    return [aid for _, aid in sorted(found)]


def _cal_address(email: str, name: str, **params: str) -> Any:
    from icalendar import vCalAddress

    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = name
    for key, value in params.items():
        address.params[key] = value
    return address


def meeting_uid(meeting_id: int, db_uuid: str) -> str:
    return f"meeting-{meeting_id}@{db_uuid}"


def action_uid(action_id: int, db_uuid: str) -> str:
    return f"action-{action_id}@{db_uuid}"


def export_ics(
    session: Session,
    meeting_ids: Iterable[int] | None = None,
    *,
    action_ids: Iterable[int] | None = None,
    reminders: str = "allday",
    lang: str = "vi",
) -> Exported:
    """The meetings (every upcoming one when ``meeting_ids`` is None) and the open actions
    with a due date (when ``action_ids`` is None: every one with the upcoming meetings, the
    chosen meetings' own follow-ups with ``meeting_ids``; none when ``reminders`` is "none")
    as an iCalendar file. An action says in its summary which organisation it is about, and
    in its description the organisation, the contact (with their e-mail and phone), who is
    responsible, the meeting it came from and its reference, in ``lang``'s words ("vi" or
    "en"; :func:`action_about`). An event of a confidential record, or one naming a
    confidential contact, organisation or meeting, is CLASS:PRIVATE, the names marked
    (:mod:`app.calendar_marks`; :attr:`Exported.private` counts them)."""
    from icalendar import Calendar

    if reminders not in REMINDER_STYLES:
        raise UserError(f"reminders: one of {', '.join(REMINDER_STYLES)}, not {reminders!r}")
    db_uuid = database_uuid(session)
    stamp = clock.utcnow().replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    out = Exported(b"", 0, 0)
    ids = upcoming_meeting_ids(session) if meeting_ids is None else list(dict.fromkeys(meeting_ids))
    secrets = secret_names.load(session)  # (named in free text: a title, an agenda, the notes)
    own_uids = _imported_uids(session, ids)
    for mid in ids:
        row = session.get(m.Meeting, mid)
        if row is None or row.deleted_at is not None:
            out.skipped.append(LeftOut("no_meeting", mid))
        elif row.kind == m.EMAIL_KIND:
            out.skipped.append(LeftOut("an_email", mid))
        else:
            uid = own_uids.get(mid) or meeting_uid(mid, db_uuid)
            event = _meeting_event(session, row, uid, stamp, lang, secrets)
            cal.add_component(event)
            out.meetings += 1
            out.private += str(event["CLASS"]) == "PRIVATE"
    if reminders != "none":
        if action_ids is not None:
            aids = list(dict.fromkeys(action_ids))
        elif meeting_ids is not None:
            aids = follow_up_ids(session, ids)
        else:
            aids = open_action_ids(session)
        for aid in aids:
            act = session.get(m.Action, aid)
            if act is None or act.deleted_at is not None or act.status not in m.OPEN_STATUSES:
                out.skipped.append(LeftOut("not_open", aid))
            elif act.due_date is None:
                out.skipped.append(LeftOut("no_due", aid))
            else:
                about = action_about(session, act, lang, secrets)
                cal.add_component(_action_item(act, action_uid(aid, db_uuid), stamp, reminders, about))
                out.reminders += 1
                out.private += about.private
    cal.add_missing_timezones()
    out.data = cal.to_ical()
    return out


def _meeting_event(
    session: Session,
    row: m.Meeting,
    uid: str,
    stamp: dt.datetime,
    lang: str,
    secrets: tuple[secret_names.Named, ...] = (),
) -> Any:
    """A meeting's event; ``secrets``: the confidential records its title, place or agenda may
    name, each marked where it does, the event then private (as a brief marks them)."""
    from icalendar import Event

    assert row.id is not None
    shown = records.get(session, "meeting", row.id)
    people = meeting_people(session, shown.get("attendees") or [], shown.get("organisation_ids") or [], lang)
    texts = (row.title, row.location or "", row.agenda or "")
    named = [x.name for x in secret_names.found_in(secrets, texts)]
    title, location, agenda = (secret_names.mark_within(t, named, word("secret", lang)) for t in texts)
    ev = Event()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    ev.add("sequence", row.version)
    ev.add("summary", marked(title, row.confidential, lang))
    starts = _aware(row.starts_at)
    ev.add("dtstart", starts)
    long_enough = row.ends_at is not None and row.ends_at > row.starts_at
    ev.add(
        "dtend",
        _aware(row.ends_at)
        if row.ends_at is not None and long_enough
        else dateranges.plus(starts, DEFAULT_LENGTH) or starts,
    )
    ev.add("last-modified", row.updated_at.astimezone(dt.UTC).replace(microsecond=0))
    if location:
        ev.add("location", location)
    description = "\n\n".join(x for x in (agenda, "\n".join(people.lines)) if x)
    if description:
        ev.add("description", description)
    ev.add("class", "PRIVATE" if row.confidential or people.secret or named else "PUBLIC")
    ev.add("status", "CONFIRMED")
    ev.add("transp", "OPAQUE")
    organizer = _organizer(session, row, lang)
    if organizer is not None:  # (iTIP's PUBLISH names one; no attendee)
        ev.add("organizer", organizer)
    return ev


def _organizer(session: Session, row: m.Meeting, lang: str) -> Any:
    """The event's ORGANIZER: the meeting's owner at their e-mail; when they have none (or the
    meeting no owner), the owner by name — else the office, which publishes the file — at the
    office's address (``ketnoi letter office --set email=…``). RFC 5546 (3.2.1) wants an
    ORGANIZER in every PUBLISH event (in a PUBLISH, whoever publishes), and RFC 5545 (3.3.3)
    makes it a URI; with no address at all there is none (None): RFC 6068 would allow a bare
    "mailto:", but how Outlook and Google Calendar take one could not be checked here, and an
    event they skip is worse than one without its organiser (as the files Ketnoi wrote before,
    which they took); an invented address would be mailed by a partner replying."""
    from app.letters import office

    owner = session.get(m.Staff, row.owner_id) if row.owner_id is not None else None
    if owner is not None and owner.email:
        return _cal_address(owner.email, owner.name)
    profile = office.load_profile(session)
    if not profile.email.strip():
        return None
    name = owner.name if owner is not None else profile.for_lang(lang).name_in_text
    return _cal_address(profile.email.strip(), name)


ABOUT_WORDS = {
    "organisation": ("Organisation", "Tổ chức"),
    "contact": ("Contact", "Người liên hệ"),
    "responsible": ("Responsible", "Người thực hiện"),
    "meeting": ("Meeting", "Cuộc họp"),
    "reference": ("Reference", "Số hiệu"),
    "they_owe": ("They owe", "Đối tác cần làm"),
}
"""The words of an action's description in a calendar, in English and Vietnamese."""


@dataclass(frozen=True)
class ActionAbout:
    """What a calendar shows of an action besides its title (:func:`action_about`)."""

    summary: str  # "Gửi thư giới thiệu — Genetica"
    description: str  # "Tổ chức: …\nNgười liên hệ: …\n…\n\n<notes>"
    private: bool = False  # the action is confidential, or names a confidential record


def action_about(
    session: Session, act: m.Action, lang: str = "vi", secrets: tuple[secret_names.Named, ...] | None = None
) -> ActionAbout:
    """The summary and description of an action's calendar event (reviewer: a reminder in the
    calendar said "Send the signed MoU" and not to whom). The summary is the title and the
    organisation (its acronym, else its name; else the contact's name); the description gives,
    one a line, the organisation in full, the contact with their e-mail and phone, the staff
    member responsible, the meeting it came from and the reference, then the notes. The
    organisation is the action's, else the contact's. A confidential action, contact,
    organisation or meeting is marked where it is named ("Lưu Văn Mật (Mật)"; a contact's name
    in the title someone wrote too), and the event is then private (reviewer h106: a partner's
    action naming a confidential contact went to the calendar public, unmarked). So is a
    confidential record its title, notes or meeting's title name in passing (``secrets``, read
    when not given: :mod:`app.secret_names`)."""
    from app.validation import phone_display

    if secrets is None:
        secrets = secret_names.load(session)

    words = {k: v[1 if lang == "vi" else 0] for k, v in ABOUT_WORDS.items()}
    contact = session.get(m.Contact, act.responsible_contact_id) if act.responsible_contact_id else None
    if contact is not None and contact.deleted_at is not None:
        contact = None
    org_id = act.organisation_id or (contact.organisation_id if contact is not None else None)
    org = session.get(m.Organisation, org_id) if org_id is not None else None
    if org is not None and org.deleted_at is not None:
        org = None
    staff = session.get(m.Staff, act.responsible_staff_id) if act.responsible_staff_id else None
    meeting = session.get(m.Meeting, act.meeting_id) if act.meeting_id else None
    if meeting is not None and meeting.deleted_at is not None:
        meeting = None
    secret_org = org is not None and org.confidential
    secret_contact = contact is not None and contact.confidential
    secret_meeting = meeting is not None and meeting.confidential
    lines: list[str] = []
    if org is not None:
        full = f"{org.name} ({org.acronym})" if org.acronym and org.acronym != org.name else org.name
        lines.append(f"{words['organisation']}: {marked(full, secret_org, lang)}")
    if contact is not None:
        methods = session.execute(
            select(METHOD.c.kind, METHOD.c.value)
            .where(METHOD.c.contact_id == contact.id)
            .order_by(METHOD.c.position, METHOD.c.id)
        ).all()
        email = next((str(v) for k, v in methods if k == "email"), "")
        phone = next((phone_display(str(v)) for k, v in methods if k != "email"), "")
        first = [email, phone]
        person = marked(contact.full_name, secret_contact, lang)
        lines.append(" · ".join(x for x in (f"{words['contact']}: {person}", *first) if x))
    if staff is not None and staff.deleted_at is None:
        lines.append(f"{words['responsible']}: {staff.name}")
    texts = (act.title, act.notes or "", meeting.title if meeting is not None else "")
    named = [x.name for x in secret_names.found_in(secrets, texts)]
    if secret_contact and contact is not None:
        named.append(contact.full_name)  # (marked in the title even as one word)
    secret = word("secret", lang)
    if meeting is not None:
        held = marked(secret_names.mark_within(meeting.title, named, secret), secret_meeting, lang)
        lines.append(f"{words['meeting']}: {held} ({meeting.starts_at:%d/%m/%Y})")
    if act.reference:
        lines.append(f"{words['reference']}: {act.reference}")
    if act.direction == "they_owe":
        # theirs to do, said first in the window's words (reviewer: "Send revised programme
        # terms — NVIDIA", the partner's to do, read in the calendar as one more task of ours)
        lines.insert(0, words["they_owe"])
    description = "\n".join(lines)
    if act.notes:
        notes = secret_names.mark_within(act.notes, named, secret)
        description = f"{description}\n\n{notes}" if description else notes
    if org is not None:
        who = marked(org.acronym or org.name, secret_org, lang)
    else:
        who = marked(contact.full_name, secret_contact, lang) if contact is not None else ""
    title = marked(secret_names.mark_within(act.title, named, secret), act.confidential, lang)
    summary = f"{title} — {who}" if who else title
    if act.direction == "they_owe":
        summary = f"{words['they_owe']}: {summary}"
    private = act.confidential or secret_org or secret_contact or secret_meeting or bool(named)
    return ActionAbout(summary, description, private)


def _action_item(act: m.Action, uid: str, stamp: dt.datetime, reminders: str, about: ActionAbout) -> Any:
    from icalendar import Alarm, Event, Todo

    assert act.due_date is not None
    item: Any = Todo() if reminders == "todo" else Event()
    item.add("uid", uid)
    item.add("dtstamp", stamp)
    item.add("sequence", act.version)
    item.add("summary", about.summary)
    if about.description:
        item.add("description", about.description)
    item.add("class", "PRIVATE" if about.private else "PUBLIC")
    if reminders == "todo":
        item.add("due", act.due_date)
        item.add("status", "IN-PROCESS" if act.status == "in_progress" else "NEEDS-ACTION")
        item.add("priority", {1: 1, 2: 5, 3: 9}.get(act.priority, 5))
        return item
    item.add("dtstart", act.due_date)
    if (day_after := dateranges.plus(act.due_date, dt.timedelta(days=1))) is not None:
        item.add("dtend", day_after)  # (none on 31/12/9999, stored before app.dateranges: one day)
    item.add("transp", "TRANSPARENT")  # a reminder, not busy time
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", about.summary)
    alarm.add("trigger", dt.timedelta(hours=-15))  # 09:00 the day before
    item.add_component(alarm)
    return item


def _imported_uids(session: Session, meeting_ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for part in chunked(sorted(set(meeting_ids))):
        for mid, uid in session.execute(
            select(CAL.c.meeting_id, CAL.c.ical_uid).where(CAL.c.meeting_id.in_(part))
        ).all():
            out[int(mid)] = str(uid)
    return out


# --- import -----------------------------------------------------------------------------------------


Note = tuple[str, dict[str, Any]]
NOTES = {
    "whole_day": "a whole-day event: the meeting starts at 00:00",
    "unknown_zone": "time zone {zone!r} is not known: the times are taken as written, check them",
    "no_email": "attendee {attendee!r} has no e-mail address: left out",
    "several_events": "the file holds {n} events: only the first is imported",
    "repeating": "a repeating event: only its first occurrence is imported",
    "restored": "the meeting this invitation made was in the trash: it is back",
}
"""What importing an invitation notes, by code (the window words them in its own language)."""
NOTES_VI = {
    "whole_day": "sự kiện cả ngày: cuộc họp bắt đầu lúc 00:00",
    "unknown_zone": "không rõ múi giờ {zone!r}: giờ được lấy đúng như ghi trong tệp, hãy kiểm tra lại",
    "no_email": "người tham dự {attendee!r} không có địa chỉ email: bỏ qua",
    "several_events": "tệp có {n} sự kiện: chỉ nhập sự kiện đầu tiên",
    "repeating": "sự kiện lặp lại: chỉ nhập lần họp đầu tiên",
    "restored": "cuộc họp do lời mời này tạo đã ở trong thùng rác: đã khôi phục",
}
""":data:`NOTES` in Vietnamese (``ketnoi import --lang vi``)."""


def note_text(note: Note, lang: str = "en") -> str:
    code, params = note
    return (NOTES_VI if lang == "vi" else NOTES)[code].format(**params)


@dataclass(frozen=True)
class Person:
    email: str  # lower case
    name: str = ""
    role: str = "participant"

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass
class Invitation:
    uid: str
    sequence: int
    title: str
    starts_at: dt.datetime  # Asia/Ho_Chi_Minh wall clock, no zone
    ends_at: dt.datetime | None
    location: str
    description: str
    organizer: Person | None
    attendees: list[Person]
    method: str
    file_name: str = ""
    notes: list[Note] = field(default_factory=list)  # (code, params): see NOTES
    cancelled: bool = False  # METHOD:CANCEL or STATUS:CANCELLED: the organiser called it off
    occurrence: dt.datetime | None = None  # RECURRENCE-ID: one occurrence of a repeating event

    @property
    def warnings(self) -> list[str]:
        return [note_text(n) for n in self.notes]


def is_ics_file(name: str) -> bool:
    return name.lower().endswith((".ics", ".ical", ".ifb", ".icalendar"))


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def _person(value: Any, *, organizer: bool = False) -> Person | None:
    raw = _text(value)
    email = raw[7:] if raw.lower().startswith("mailto:") else raw
    email = email.strip().lower()
    if "@" not in email or " " in email or len(email) > 320:
        return None
    params = getattr(value, "params", {}) or {}
    name = _text(params.get("CN")).strip('"')
    role = "participant"
    if not organizer and _text(params.get("ROLE")).upper() == "CHAIR":
        role = "chair"
    return Person(email, name if name.lower() != email else "", role)


def _local(value: Any, what: str, warnings: list[Note]) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # floating time: as written, in the office's zone
            return value.replace(microsecond=0)
        return value.astimezone(OFFICE_TZ).replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        warnings.append(("whole_day", {}))
        return dt.datetime.combine(value, dt.time())
    raise ValueError(what)


def _parse(data: bytes, name: str) -> tuple[str, list[Any]]:
    """The calendar's METHOD and its events, or :class:`NotAnInvitation`."""
    from icalendar import Calendar

    if len(data) > MAX_ICS_BYTES:
        raise NotAnInvitation(
            "too_large", name, size=f"{len(data) / 2**20:.1f}", limit=MAX_ICS_BYTES // 2**20
        )
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise NotAnInvitation("not_calendar", name)
    counted = data.upper().count(b"BEGIN:VEVENT")
    if counted > MAX_EVENTS:
        raise NotAnInvitation("whole_calendar", name, count=counted, limit=MAX_EVENTS)
    try:
        cals = Calendar.from_ical(data, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError... on garbage
        raise NotAnInvitation("damaged", name, detail=str(exc)[:200]) from None
    events = [c for cal in cals for c in cal.walk("VEVENT")]
    if not events:
        raise NotAnInvitation("no_event", name)
    return (_text(cals[0].get("METHOD")).upper() if cals else ""), events


def _times(ev: Any, name: str, warnings: list[Note]) -> tuple[dt.datetime, dt.datetime | None]:
    start_prop = ev.get("DTSTART")
    if start_prop is None:
        raise NotAnInvitation("no_start", name)
    try:
        starts = _local(start_prop.dt, "the start", warnings)
        whole_day = not isinstance(start_prop.dt, dt.datetime)
        tzid = _text(start_prop.params.get("TZID"))
        if tzid and not whole_day and start_prop.dt.tzinfo is None:
            warnings.append(("unknown_zone", {"zone": tzid[:80]}))
        end_prop = ev.get("DTEND")
        ends: dt.datetime | None = None
        if end_prop is not None:
            ends = _local(end_prop.dt, "the end", [])
        elif ev.get("DURATION") is not None:
            ends = starts + ev.get("DURATION").dt
    except Exception as exc:
        raise NotAnInvitation("bad_times", name, detail=str(exc)[:200]) from None
    if ends is not None and (ends <= starts or whole_day):
        ends = None
    return starts, ends


def _attendees(ev: Any, organizer: Person | None, warnings: list[Note]) -> list[Person]:
    raw = ev.get("ATTENDEE")
    people = raw if isinstance(raw, list) else ([raw] if raw is not None else [])
    out: dict[str, Person] = {}
    for p in people:
        person = _person(p)
        if person is None:
            warnings.append(("no_email", {"attendee": _text(p)[:80]}))
        elif organizer is None or person.email != organizer.email:
            out.setdefault(person.email, person)
    return list(out.values())


def read_ics(data: bytes, file_name: str = "") -> Invitation:
    """The first event of an .ics file; otherwise :class:`NotAnInvitation`, naming the file,
    what is wrong and what to do, in English and (its ``vi``) Vietnamese."""
    name = file_name
    method, events = _parse(data, name)
    main = [e for e in events if e.get("RECURRENCE-ID") is None] or events
    ev = main[0]
    warnings: list[Note] = []
    uid = _text(ev.get("UID"))
    if not uid:
        raise NotAnInvitation("no_uid", name)
    if len(uid) > 255:
        raise NotAnInvitation("long_uid", name)
    others = {_text(e.get("UID")) for e in events} - {uid}
    if others:
        warnings.append(("several_events", {"n": len(others) + 1}))
    if ev.get("RRULE") is not None:
        warnings.append(("repeating", {}))
    cancelled = method == "CANCEL" or _text(ev.get("STATUS")).upper() == "CANCELLED"
    starts, ends = _times(ev, name, warnings)
    occurrence: dt.datetime | None = None
    if ev.get("RECURRENCE-ID") is not None:
        try:
            occurrence = _local(ev.get("RECURRENCE-ID").dt, "the occurrence", [])
        except Exception:
            raise NotAnInvitation("bad_occurrence", name) from None
    try:
        sequence = int(_text(ev.get("SEQUENCE")) or 0)
    except ValueError:
        sequence = 0
    organizer = _person(ev.get("ORGANIZER"), organizer=True) if ev.get("ORGANIZER") is not None else None
    title = _text(ev.get("SUMMARY")) or "(no title)"
    return Invitation(
        uid=uid,
        sequence=sequence,
        title=title[:TITLE_LIMIT],
        starts_at=starts,
        ends_at=ends,
        location=_text(ev.get("LOCATION")),
        description=_text(ev.get("DESCRIPTION")),
        organizer=organizer,
        attendees=_attendees(ev, organizer, warnings),
        method=method,
        file_name=file_name,
        notes=warnings,
        cancelled=cancelled,
        occurrence=occurrence,
    )


@dataclass
class Plan:
    """What importing an invitation will do, before anything is written."""

    meeting_id: int | None  # the meeting it updates (made from this invitation); None: a new one
    version: int | None  # the meeting's version (with ``logged``: the one it links to)
    in_trash: bool
    matched: list[tuple[Person, int, str]]  # (person, contact id, contact name)
    staff: list[tuple[Person, int, str]]  # our own people, by their address
    unknown: list[Person]
    owner_id: int | None  # the staff member who organises it, when the organiser is one of ours
    # A cancellation only (see CANCEL_OUTCOMES): what it does to the meeting.
    cancel: str = ""
    title: str = ""  # the meeting's own title and start, when there is one
    starts_at: dt.datetime | None = None
    sequence: int | None = None  # the SEQUENCE of the invitation the meeting came from
    # An update only: what the invitation changes in the meeting, (field, old, new) as shown
    # (see CHANGE_FIELDS); empty when it changes none of them.
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    # The meeting it updates (or links to) as read for this plan (records.snapshot, with its
    # version): what the person was shown, merged from when someone saves the meeting before
    # the import
    meeting: dict[str, Any] | None = None
    # No meeting from this invitation yet, but one logged already that it would make again
    # (app.invitation_links): importing links the invitation to it unless told to make a new one;
    # ``changes`` and ``meeting`` are then that meeting's
    logged: AlreadyLogged | None = None
    # The meeting's fields the invitation leaves as the officer wrote them (a meeting logged
    # before the invitation was linked to it: app.invitation_links)
    kept: tuple[str, ...] = ()

    def unlinked(self) -> Plan:
        """This plan as it is when asked for a new meeting rather than a link to the one logged
        already (``ketnoi import --even-if-logged``, the window's "New meeting")."""
        if self.meeting_id is not None or self.logged is None:
            return self
        return replace(self, logged=None, kept=(), changes=[], meeting=None, version=None)

    @property
    def target(self) -> int | None:
        """The meeting importing updates: the invitation's own, else the one it links to."""
        if self.meeting_id is not None:
            return self.meeting_id
        return self.logged.meeting_id if self.logged is not None else None


CHANGE_FIELDS = ("title", "starts_at", "ends_at", "location", "agenda")
"""The meeting's fields an invitation sets, in the order a preview lists their changes."""
SHOWN_TEXT = 80
"""A changed location or agenda is shown cut to this many characters."""


def _shown(value: Any, other: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.datetime):
        same_day = isinstance(other, dt.datetime) and other.date() == value.date()
        return value.strftime("%H:%M" if same_day else "%d/%m/%Y %H:%M")
    text = " ".join(str(value).split())
    return text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1] + "…"


def invitation_changes(
    meeting: m.Meeting, inv: Invitation, kept: Iterable[str] = ()
) -> list[tuple[str, str, str]]:
    """What importing ``inv`` changes in ``meeting`` (reviewer: the preview said "Updates
    meeting #9" and not that it moved from 14:00 to 15:00): (field, old, new), times as
    "14:00" when the day is the same, "03/12/2026 14:00" otherwise. ``kept``: fields the
    invitation leaves alone (a meeting logged before it: :mod:`app.invitation_links`)."""
    new = {
        "title": inv.title,
        "starts_at": inv.starts_at,
        "ends_at": inv.ends_at,
        "location": inv.location[:2000],
        "agenda": inv.description,
    }
    out: list[tuple[str, str, str]] = []
    for name in (f for f in CHANGE_FIELDS if f not in set(kept)):
        old = getattr(meeting, name)
        if (old or None) != (new[name] or None):
            out.append((name, _shown(old, new[name]), _shown(new[name], old)))
    return out


CANCEL_OUTCOMES = ("cancelled", "not_found", "outdated", "took_place", "in_trash", "other_occurrence")
"""What a cancellation does: the meeting goes to the trash; no meeting has this UID (skipped);
the meeting took place (left as it is); it is in the trash already; it cancels an occurrence of a
repeating meeting other than the one imported (nothing changed)."""


def took_place(session: Session, meeting: m.Meeting) -> bool:
    """Minutes, decisions or a live follow-up action logged: the meeting happened."""
    if (meeting.minutes or "").strip() or (meeting.decisions or "").strip():
        return True
    found = session.execute(
        select(ACTION.c.id).where(ACTION.c.meeting_id == meeting.id, ACTION.c.deleted_at.is_(None)).limit(1)
    ).first()
    return found is not None


def _cancel_outcome(
    session: Session, inv: Invitation, meeting: m.Meeting | None, sequence: int | None
) -> str:
    if meeting is None:
        return "not_found"
    if sequence is not None and inv.sequence < sequence:
        # an older message than the invitation Ketnoi holds: the organiser has sent a newer
        # one since (a meeting cancelled, then invited again), which stands
        return "outdated"
    if meeting.deleted_at is not None:
        return "in_trash"
    if inv.occurrence is not None and inv.occurrence != meeting.starts_at:
        return "other_occurrence"
    if took_place(session, meeting):
        return "took_place"
    return "cancelled"


def plan_invitation(session: Session, inv: Invitation, *, actor: str = "") -> Plan:
    """What importing ``inv`` will do: the meeting it updates, else the one logged already it
    would link to (:mod:`app.invitation_links`; ``actor``, who imports, to say "You already
    logged…"), else a new one; its people known and unknown. Nothing is written."""
    people = list(inv.attendees)
    if inv.organizer is not None:
        people.append(inv.organizer)
    emails = [p.email for p in people]
    contacts = contacts_by_address(session, emails)
    staff = staff_by_address(session, emails)
    row = session.execute(select(CAL.c.meeting_id, CAL.c.sequence).where(CAL.c.ical_uid == inv.uid)).first()
    meeting = session.get(m.Meeting, int(row.meeting_id)) if row is not None else None
    owner = staff.get(inv.organizer.email) if inv.organizer is not None else None
    matched = [(p, *contacts[p.email]) for p in people if p.email in contacts]
    kept: tuple[str, ...] = ()
    logged: AlreadyLogged | None = None
    if meeting is not None and meeting.id is not None:
        kept = kept_fields(session, meeting.id)
    elif not inv.cancelled:
        logged = logged_before(
            session,
            title=inv.title,
            starts_at=inv.starts_at,
            ends_at=inv.ends_at,
            contact_ids=[cid for _, cid, _ in matched],
            organisation_ids=_organisations(session, inv, matched),
            actor=actor,
        )
    linked = session.get(m.Meeting, logged.meeting_id) if logged is not None else None
    if linked is not None:
        kept = fields_to_keep(linked)
    target = meeting if meeting is not None else linked
    return Plan(
        meeting_id=meeting.id if meeting is not None else None,
        version=target.version if target is not None else None,
        in_trash=meeting is not None and meeting.deleted_at is not None,
        matched=matched,
        staff=[(p, *staff[p.email]) for p in people if p.email in staff and p.email not in contacts],
        unknown=[p for p in people if p.email not in contacts and p.email not in staff],
        owner_id=owner[0] if owner is not None else None,
        cancel=_cancel_outcome(session, inv, meeting, row.sequence if row is not None else None)
        if inv.cancelled
        else "",
        title=meeting.title if meeting is not None else "",
        starts_at=meeting.starts_at if meeting is not None else None,
        sequence=row.sequence if row is not None else None,
        changes=invitation_changes(target, inv, kept) if target is not None and not inv.cancelled else [],
        meeting=records.snapshot(session, "meeting", target.id, include_deleted=True)
        if target is not None and target.id is not None
        else None,
        logged=logged if linked is not None else None,
        kept=kept,
    )


@dataclass
class InviteResult:
    status: str  # "created", "linked", "updated", "unchanged" or "outdated"; a cancellation: one of CANCEL_OUTCOMES
    meeting_id: int
    title: str
    plan: Plan
    created: list[int] = field(default_factory=list)  # contacts made for unknown attendees
    notes: list[Note] = field(default_factory=list)
    group_id: str = ""
    # Updated from ``seen`` after someone saved the meeting meanwhile: their fields, kept beside
    # the invitation's (CHANGE_FIELDS and others), and who saved last
    kept: tuple[str, ...] = ()
    saved: LastSave | None = None

    @property
    def warnings(self) -> list[str]:
        return [note_text(n) for n in self.notes]


def _contact_name(p: Person) -> str:
    return p.name if p.name and "@" not in p.name else p.email.split("@", 1)[0]


def import_invitation(
    session: Session,
    inv: Invitation,
    *,
    create_contacts: Iterable[str] = (),
    expected_version: int | None = None,
    seen: Plan | None = None,
    actor: str = "",
    new_meeting: bool = False,
) -> InviteResult:
    """Create the planned meeting, or update the one this invitation made before (one undoable
    group).

    No meeting from this invitation yet, a meeting logged already that it would make again
    (:attr:`Plan.logged`, :mod:`app.invitation_links`) is the one it is linked to (status
    "linked"): its UID is stored on it, so that the invitation's later updates and cancellation
    apply to it, and it is updated as below, except that the title the officer wrote (and an
    agenda she wrote) stay hers, on the link and on every later update; minutes, decisions and
    follow-ups are never an invitation's. ``new_meeting``: a separate meeting instead.

    An update writes the fields the invitation changes in the meeting as the person was shown it
    (``seen``, the :class:`Plan` previewed; else as read here): a save of the meeting since then
    is merged with as a form's edit is (:func:`app.records.update_edited`): their changes to
    other fields kept (``InviteResult.kept``), one to a field the invitation changes too, to
    something else, a :class:`~app.errors.ConflictError` naming it with their value and the
    invitation's, and nothing written. New attendees, staff and organisations are added to those
    the meeting has when written. ``expected_version`` instead: any save since is the conflict."""
    from db.engine import write_lock

    write_lock(session, "import-ics")  # two people importing one invitation: the second updates
    group = records.new_group_id()
    plan = plan_invitation(session, inv, actor=actor)
    if inv.cancelled:
        return _apply_cancel(session, inv, plan, group, actor)
    if plan.meeting_id is not None and plan.sequence is not None and inv.sequence < plan.sequence:
        # an older version of the invitation (an earlier e-mail of the thread): the newer one
        # the meeting came from stands; nothing is written
        return InviteResult("outdated", plan.meeting_id, plan.title or inv.title, plan, notes=list(inv.notes))
    result = InviteResult("created", 0, inv.title, plan, notes=list(inv.notes), group_id=group)
    wanted = {e.lower() for e in create_contacts}
    for p in plan.unknown:
        if p.email in wanted:
            cid = records.create(
                session,
                "contact",
                {"full_name": _contact_name(p), "emails": [p.email]},
                actor=actor,
                group_id=group,
            )
            result.created.append(cid)
    if result.created:
        plan = plan_invitation(session, inv, actor=actor)
        result.plan = plan
    if new_meeting:
        plan = result.plan = plan.unlinked()
    roles = {p.email: p.role for p in [*inv.attendees]}
    attendees = {cid: roles.get(p.email, "participant") for p, cid, _ in plan.matched}
    organisations = _organisations(session, inv, plan.matched)
    staff_ids = [sid for _, sid, _ in plan.staff]
    organizer = str(inv.organizer) if inv.organizer is not None else ""
    values: dict[str, Any] = {
        "title": inv.title,
        "starts_at": inv.starts_at,
        "ends_at": inv.ends_at,
        "location": inv.location[:2000],
        "agenda": inv.description,
    }
    if plan.target is None:
        values.update(
            kind="meeting",
            attendees=[{"contact_id": c, "role": r} for c, r in attendees.items()],
            staff_ids=staff_ids,
            owner_id=plan.owner_id,
            organisation_ids=organisations,
        )
        mid = records.create(session, "meeting", values, actor=actor, group_id=group)
        remember_made(session, mid, uid=inv.uid, organizer=organizer, sequence=inv.sequence, group=group)
        result.meeting_id = mid
        return result
    mid = plan.target
    linking = plan.meeting_id is None
    result.meeting_id = mid
    shown = seen.meeting if seen is not None and seen.target == mid and seen.meeting else plan.meeting
    base = dict(shown or records.snapshot(session, "meeting", mid, include_deleted=True))
    if plan.in_trash:
        records.restore(session, "meeting", mid, actor=actor, group_id=group)
        result.notes.append(("restored", {}))
        base["version"] = int(base["version"]) + 1  # (the restore is this import's own)
    current = records.snapshot(session, "meeting", mid)
    # only what the invitation changes in the meeting as shown: a field someone corrected since
    # (a room, the agenda) that the invitation leaves as it was is theirs
    # (and never what the officer wrote in a meeting logged before the invitation: plan.kept)
    values = {k: x for k, x in values.items() if k not in plan.kept and (base.get(k) or None) != (x or None)}
    have = {a["contact_id"]: a["role"] for a in current.get("attendees") or []}
    merged = [{"contact_id": c, "role": r} for c, r in have.items()]
    merged += [{"contact_id": c, "role": r} for c, r in attendees.items() if c not in have]
    values["attendees"] = merged
    values["staff_ids"] = list(dict.fromkeys([*current.get("staff_ids", []), *staff_ids]))
    values["organisation_ids"] = list(dict.fromkeys([*current.get("organisation_ids", []), *organisations]))
    before = plan.version
    if expected_version is not None:
        version = records.update(
            session, "meeting", mid, values, expected_version=expected_version, actor=actor, group_id=group
        )
    else:
        lists = ("attendees", "staff_ids", "organisation_ids")
        theirs = [k for k, x in current.items() if k not in _NOT_THEIRS and x != base.get(k)]
        base.update({k: current.get(k) for k in lists})  # added to as they are now: never a clash
        edited = records.update_edited(
            session, "meeting", mid, values, base=base, actor=actor, group_id=group
        )
        version = edited.version
        if edited.merged:
            result.kept = tuple(k for k in theirs if k not in values or k in lists)
            result.saved = edited.saved
    if "title" in plan.kept:  # (the officer's: an invitation linked to her meeting never renames it)
        result.title = str(current.get("title") or inv.title)
    if linking:
        remember_link(session, mid, plan.kept, uid=inv.uid, organizer=organizer, sequence=inv.sequence,
                      title=inv.title, group=group, actor=actor)  # fmt: skip
        result.status = "linked"
        return result
    session.execute(
        CAL.update()
        .where(CAL.c.meeting_id == mid)
        .values(organizer=organizer, sequence=inv.sequence, updated_at=m.utcnow())
    )
    session.flush()
    result.status = "updated" if version != before or plan.in_trash or result.created else "unchanged"
    return result


_NOT_THEIRS = frozenset({"version", "updated_at", "deleted_at"})


def _organisations(
    session: Session, inv: Invitation, matched: Sequence[tuple[Person, int, str]]
) -> list[int]:
    """The organisations of the attendees who are contacts (``matched``), the organiser's first,
    each once: what Log meeting links a meeting to (reviewer: an invitation from the Ministry, its
    organiser and two attendees contacts of the Ministry, gave a meeting with no organisation)."""
    organiser = inv.organizer.email if inv.organizer is not None else ""
    first = [cid for p, cid, _ in matched if p.email == organiser]
    rest = [cid for p, cid, _ in matched if p.email != organiser]
    return attendee_organisations(session, list(dict.fromkeys([*first, *rest])))


def _apply_cancel(session: Session, inv: Invitation, plan: Plan, group: str, actor: str) -> InviteResult:
    """The organiser's cancellation: the meeting to the trash when it has not taken place (the
    plan, made under the write lock, says so); nothing written otherwise."""
    result = InviteResult(
        plan.cancel,
        plan.meeting_id or 0,
        plan.title or inv.title,
        plan,
        notes=list(inv.notes),
        group_id=group if plan.cancel == "cancelled" else "",
    )
    if plan.cancel == "cancelled" and plan.meeting_id is not None:
        records.delete(session, "meeting", plan.meeting_id, actor=actor, group_id=group)
        session.execute(
            CAL.update()
            .where(CAL.c.meeting_id == plan.meeting_id)
            .values(sequence=inv.sequence, updated_at=m.utcnow())
        )
        session.flush()
    return result


def invitation_of(session: Session, meeting_id: int) -> dict[str, Any] | None:
    """The invitation behind a meeting: UID, organiser, sequence (None if none)."""
    row = session.execute(
        select(CAL.c.ical_uid, CAL.c.organizer, CAL.c.sequence).where(CAL.c.meeting_id == meeting_id)
    ).first()
    return dict(row._mapping) if row is not None else None


__all__ = [
    "CANCEL_OUTCOMES",
    "CHANGE_FIELDS",
    "OFFICE_TZ",
    "ActionAbout",
    "Exported",
    "Invitation",
    "InviteResult",
    "Person",
    "Plan",
    "action_about",
    "database_uuid",
    "export_ics",
    "follow_up_ids",
    "import_invitation",
    "invitation_changes",
    "invitation_of",
    "is_ics_file",
    "open_action_ids",
    "plan_invitation",
    "read_ics",
    "took_place",
    "upcoming_meeting_ids",
]
