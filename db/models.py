"""The records, as SQLModel tables.

Every main record carries ``created_at``, ``updated_at`` (UTC), a ``version`` counter for
optimistic concurrency and ``deleted_at`` for soft delete. Rows written by an import point to
their :class:`ImportBatch`, so an import can be undone exactly. Free-text columns the user
searches have a folded twin (``search_text``) kept by the services; list sorting uses the
stored ``sort_key`` so that ordering happens in SQL.

Enumerations are stored as short strings (not database enums) so that adding a kind is a code
change, not a migration; the services validate them against the ``*_KINDS`` tuples below.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, LargeBinary, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import expression
from sqlmodel import Field, SQLModel

from db import clock


def utcnow() -> dt.datetime:
    return clock.utcnow()


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        when: dt.datetime = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        if when.tzinfo is None:
            return when.replace(tzinfo=dt.UTC)
        return when.astimezone(dt.UTC)


# Sort keys (app.vntext) are byte-ordered. PostgreSQL would compare them under the database's
# collation, and glibc locales skip punctuation (the keys' separators) at the first level, so
# there the column compares bytes ("C"); SQLite compares bytes already.
SORT_KEY = String(600).with_variant(String(600, collation="C"), "postgresql")


def _ts(**kw: Any) -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, **kw)


def _text(**kw: Any) -> Any:
    return Field(default="", sa_column_kwargs={"server_default": ""}, sa_type=Text, **kw)


def _confidential() -> Any:
    """Seen only by its owner, the staff on it, colleagues it is shared with and managers
    (PostgreSQL row-level security, issue 13; on SQLite one person sees everything)."""
    return Field(default=False, nullable=False, sa_column_kwargs={"server_default": expression.false()})


# --- vocabularies -------------------------------------------------------------------------

ORGANISATION_KINDS = (
    "ministry",
    "agency",
    "enterprise",
    "startup",
    "university",
    "research_institute",
    "network",
    "international_partner",
    "investor",
    "other",
)
MEETING_KINDS = ("meeting", "working_session", "call", "event", "visit")
ACTION_KINDS = ("task", "letter", "document", "introduction", "call")
ACTION_DIRECTIONS = ("we_owe", "they_owe")
ACTION_STATUSES = ("open", "in_progress", "waiting", "done", "cancelled")
OPEN_STATUSES = ("open", "in_progress", "waiting")
PRIORITIES = (1, 2, 3)  # 1 high, 2 normal, 3 low
ATTENDEE_ROLES = ("participant", "chair", "presenter", "note_taker", "observer")


class Record(SQLModel):
    """Columns every main record has."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = _ts()
    updated_at: dt.datetime = _ts()
    version: int = Field(default=1, nullable=False)
    deleted_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    import_batch_id: int | None = Field(
        default=None, foreign_key="import_batch.id", index=True, ondelete="SET NULL"
    )


class Staff(Record, table=True):
    __tablename__ = "staff"

    name: str = Field(sa_type=String(200))
    email: str = _text()
    active: bool = Field(default=True)
    # The PostgreSQL login of this person on a team database (issue 13); None on SQLite.
    login: str | None = Field(default=None, sa_type=String(63), unique=True, index=True)


class Tag(SQLModel, table=True):
    __tablename__ = "tag"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=String(100))
    folded: str = Field(sa_type=String(100), unique=True)
    created_at: dt.datetime = _ts()


class Sector(SQLModel, table=True):
    __tablename__ = "sector"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=String(100))
    folded: str = Field(sa_type=String(100), unique=True)


class Organisation(Record, table=True):
    __tablename__ = "organisation"
    __table_args__ = (Index("ix_organisation_live_sort", "deleted_at", "sort_key"),)

    name: str = Field(sa_type=String(300))
    name_en: str = _text()
    acronym: str = Field(default="", sa_type=String(50), index=True)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    kind: str = Field(default="other", sa_type=String(40), index=True)
    parent_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    country: str = Field(default="VN", sa_type=String(2))
    city: str = _text()
    address: str = _text()
    website: str = _text()
    influence: int | None = Field(default=None)
    interest: int | None = Field(default=None)
    owner_id: int | None = Field(default=None, foreign_key="staff.id", index=True, ondelete="SET NULL")
    notes: str = _text()
    sort_key: str = Field(default="", sa_type=SORT_KEY, index=True)
    search_text: str = _text()
    confidential: bool = _confidential()
    # The owner's name, kept by triggers (migration 0012) so that the list sorts by owner.
    owner_sort_key: str | None = Field(default=None, sa_type=SORT_KEY)


class OrganisationSector(SQLModel, table=True):
    __tablename__ = "organisation_sector"

    organisation_id: int = Field(foreign_key="organisation.id", primary_key=True, ondelete="CASCADE")
    sector_id: int = Field(foreign_key="sector.id", primary_key=True, index=True, ondelete="CASCADE")


class OrganisationTag(SQLModel, table=True):
    __tablename__ = "organisation_tag"

    organisation_id: int = Field(foreign_key="organisation.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True, ondelete="CASCADE")


class Contact(Record, table=True):
    __tablename__ = "contact"
    __table_args__ = (Index("ix_contact_live_sort", "deleted_at", "sort_key"),)

    full_name: str = Field(sa_type=String(300))
    family_name: str = _text()
    middle_name: str = _text()
    given_name: str = _text()
    honorific: str = Field(default="", sa_type=String(40))
    position: str = _text(index=True)  # the contacts list sorts by it
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    country: str = Field(default="VN", sa_type=String(2))
    influence: int | None = Field(default=None)
    interest: int | None = Field(default=None)
    owner_id: int | None = Field(default=None, foreign_key="staff.id", index=True, ondelete="SET NULL")
    notes: str = _text()
    source: str = _text()
    sort_key: str = Field(default="", sa_type=SORT_KEY, index=True)
    search_text: str = _text()
    confidential: bool = _confidential()
    # When we were last in touch, as a sheet says ("Ngày liên hệ", "Last met"; migration 0005):
    # the contact's page and brief show the later of this and its last meeting.
    last_contacted_on: dt.date | None = Field(default=None)
    # The organisation's sort_key, kept here by triggers (migration 0011) so that the contacts
    # list sorts by organisation through an index; NULL when the contact has none.
    org_sort_key: str | None = Field(default=None, sa_type=SORT_KEY)
    # The first e-mail address and phone (contact_method), kept by triggers (migration 0012).
    email_sort_key: str | None = Field(default=None, sa_type=SORT_KEY)
    phone_sort_key: str | None = Field(default=None, sa_type=SORT_KEY)


class ContactMethod(SQLModel, table=True):
    """An email address or phone number of a contact; position 0 is the primary one."""

    __tablename__ = "contact_method"
    __table_args__ = (Index("ix_contact_method_lookup", "kind", "value"),)

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    kind: str = Field(sa_type=String(10))
    value: str = Field(sa_type=String(320))
    label: str = Field(default="", sa_type=String(40))
    position: int = Field(default=0)


class ContactTag(SQLModel, table=True):
    __tablename__ = "contact_tag"

    contact_id: int = Field(foreign_key="contact.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True, ondelete="CASCADE")


class Meeting(Record, table=True):
    __tablename__ = "meeting"

    title: str = Field(sa_type=String(500))
    # Wall-clock local time: meetings happen at a place, at the time written in the diary.
    starts_at: dt.datetime = Field(sa_type=DateTime(), index=True)
    ends_at: dt.datetime | None = Field(default=None, sa_type=DateTime())
    location: str = _text()
    kind: str = Field(default="meeting", sa_type=String(40), index=True)
    agenda: str = _text()
    minutes: str = _text()
    decisions: str = _text()
    owner_id: int | None = Field(default=None, foreign_key="staff.id", index=True, ondelete="SET NULL")
    search_text: str = _text()
    confidential: bool = _confidential()
    # The least sort key of its organisations, kept by triggers on meeting_organisation (0012).
    org_sort_key: str | None = Field(default=None, sa_type=SORT_KEY)


class MeetingAttendee(SQLModel, table=True):
    __tablename__ = "meeting_attendee"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True, ondelete="CASCADE")
    contact_id: int = Field(foreign_key="contact.id", primary_key=True, index=True, ondelete="CASCADE")
    role: str = Field(default="participant", sa_type=String(40))


class MeetingOrganisation(SQLModel, table=True):
    __tablename__ = "meeting_organisation"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True, ondelete="CASCADE")
    organisation_id: int = Field(
        foreign_key="organisation.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class MeetingStaff(SQLModel, table=True):
    """Our own people who took part in a meeting."""

    __tablename__ = "meeting_staff"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True, ondelete="CASCADE")
    staff_id: int = Field(foreign_key="staff.id", primary_key=True, index=True, ondelete="CASCADE")


class Action(Record, table=True):
    __tablename__ = "action"
    __table_args__ = (Index("ix_action_open_due", "deleted_at", "status", "due_date"),)

    title: str = Field(sa_type=String(500))
    kind: str = Field(default="task", sa_type=String(40))
    direction: str = Field(default="we_owe", sa_type=String(20), index=True)
    responsible_staff_id: int | None = Field(
        default=None, foreign_key="staff.id", index=True, ondelete="SET NULL"
    )
    responsible_contact_id: int | None = Field(
        default=None, foreign_key="contact.id", index=True, ondelete="SET NULL"
    )
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True, ondelete="SET NULL")
    due_date: dt.date | None = Field(default=None, index=True)
    status: str = Field(default="open", sa_type=String(20), index=True)
    priority: int = Field(default=2)
    completed_on: dt.date | None = Field(default=None)
    reference: str = Field(default="", sa_type=String(100))
    notes: str = _text()
    search_text: str = _text()
    confidential: bool = _confidential()
    # Who holds a confidential action (set to its creator on a team database). No foreign key:
    # SQLite adds one only by rebuilding the table (migration 0010).
    owner_id: int | None = Field(default=None, index=True)
    # Kept by triggers (migration 0012) so that the list sorts by these columns through an
    # index: the organisation's sort key; the responsible staff member's or contact's name.
    org_sort_key: str | None = Field(default=None, sa_type=SORT_KEY)
    responsible_sort_key: str | None = Field(default=None, sa_type=SORT_KEY)


class ImportBatch(SQLModel, table=True):
    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(sa_type=Text)
    sha256: str = Field(default="", sa_type=String(64), index=True)
    sheet: str = Field(default="", sa_type=String(200))
    kind: str = Field(default="", sa_type=String(40))
    mapping: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    counts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: dt.datetime = _ts()
    created_by: str = Field(default="", sa_type=String(200))
    undone_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class Change(SQLModel, table=True):
    """One entry of a record's history: a field's old and new value, or a lifecycle event.

    ``op`` is create / update / delete / restore / merge / import; for create, delete and
    restore ``field`` is empty. Values are JSON so that dates, lists and ids survive.
    """

    __tablename__ = "change"
    __table_args__ = (Index("ix_change_entity", "entity", "entity_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    entity: str = Field(sa_type=String(40))
    entity_id: int
    op: str = Field(sa_type=String(20))
    field: str = Field(default="", sa_type=String(60))
    old: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    new: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    at: dt.datetime = _ts()
    actor: str = Field(default="", sa_type=String(200))
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True, ondelete="SET NULL")
    group_id: str = Field(default="", sa_type=String(40), index=True)
    # The database login that wrote the row (PostgreSQL team mode sets it itself; "" on SQLite).
    login: str = Field(default="", sa_type=String(63), sa_column_kwargs={"server_default": ""})


# --- issue 14: attachments and e-mail ------------------------------------------------------

ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024  # one file; larger ones are refused with their size
EMAIL_KIND = "email"  # Meeting.kind of an e-mail logged from an .eml or .msg file
INTERACTION_KINDS = (*MEETING_KINDS, EMAIL_KIND)


class AttachmentBlob(SQLModel, table=True):
    """A file's bytes, once, under their SHA-256: the same letter attached to three records is
    stored once. Kept in the database so that backups, restores and copies carry it."""

    __tablename__ = "attachment_blob"

    sha256: str = Field(sa_type=String(64), primary_key=True)
    size: int = Field(nullable=False)
    content: bytes = Field(sa_type=LargeBinary, nullable=False)
    text: str = _text()  # text read from a PDF or .docx, capped (app.attachments.TEXT_LIMIT)
    created_at: dt.datetime = _ts()


class Attachment(Record, table=True):
    """A file attached to a record of any kind (``owner_kind``, ``owner_id``); removing it is a
    soft delete like any record's, so the trash and undo bring it back."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_owner", "owner_kind", "owner_id", "deleted_at"),)

    owner_kind: str = Field(sa_type=String(40))
    owner_id: int = Field(nullable=False)
    sha256: str = Field(sa_type=String(64), foreign_key="attachment_blob.sha256", index=True)
    file_name: str = Field(sa_type=String(255))
    mime: str = Field(default="application/octet-stream", sa_type=String(100))
    size: int = Field(default=0, nullable=False)
    added_by: str = Field(default="", sa_type=String(200))
    search_text: str = _text()  # folded file name and the start of its text


class EmailMessage(SQLModel, table=True):
    """What made a meeting of kind "email": the message's identity (so the same message logged
    twice is found, not duplicated) and its addresses as written."""

    __tablename__ = "email_message"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", unique=True, ondelete="CASCADE")
    message_key: str = Field(sa_type=String(64), unique=True)  # sha256 of the Message-ID
    message_id: str = _text()
    sender: str = _text()
    recipients: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    file_name: str = _text()
    created_at: dt.datetime = _ts()


class Setting(SQLModel, table=True):
    """Shared, per-database settings (a team's, not a laptop's: those live in QSettings)."""

    __tablename__ = "setting"

    key: str = Field(sa_type=String(100), primary_key=True)
    value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))


# --- issue 14: calendar invitations (migration 0007) ----------------------------------------

DATABASE_UUID_KEY = "database.uuid"  # Setting: this database's own id, in exported calendar UIDs


class MeetingCalendar(SQLModel, table=True):
    """A meeting that came from a calendar invitation (.ics), or was logged by hand and linked to
    one: its UID, unique, so that importing the same invitation again updates that meeting; the
    organiser as the invitation names them."""

    __tablename__ = "meeting_calendar"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", unique=True, ondelete="CASCADE")
    ical_uid: str = Field(sa_type=String(255), unique=True)
    organizer: str = _text()
    sequence: int = Field(default=0, nullable=False)
    # An invitation linked to a meeting logged by hand (app.invitation_links, migration 0017):
    # the fields its updates leave as the officer wrote them ("title", "agenda"); None for a
    # meeting the invitation made
    kept: list[str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # the history group of the step that made this row (the import that made or linked the
    # meeting): its undo takes the link away, its redo puts it back (app.invitation_links)
    group_id: str = Field(default="", sa_type=String(40), sa_column_kwargs={"server_default": ""})
    created_at: dt.datetime = _ts()
    updated_at: dt.datetime = _ts()


# --- issue 15: official letters and the office's working calendar --------------------------

LETTER_DIRECTIONS = ("outgoing", "incoming")
# outgoing: draft → signed (numbered) → sent → replied; incoming: received → replied
LETTER_STATUSES = ("draft", "signed", "sent", "received", "replied")
LETTER_TEMPLATES = ("introduction", "invitation", "thanks", "reply", "other")


class Letter(Record, table=True):
    """An official letter (công văn) sent or received, in the office's register.

    An outgoing letter gets its ``number`` from :class:`LetterCounter` when it is signed, never
    as a draft; an incoming one keeps the sender's number and symbol as written on it.
    """

    __tablename__ = "letter"
    __table_args__ = (
        Index("uq_letter_number", "direction", "year", "symbol", "number", unique=True),
        Index("ix_letter_open_reply", "deleted_at", "status", "reply_due"),
    )

    direction: str = Field(default="outgoing", sa_type=String(20), index=True)
    number: int | None = Field(default=None)
    symbol: str = Field(default="", sa_type=String(60))  # "NIC-HTQT": after the "/" of the number
    year: int | None = Field(default=None)
    reference: str = Field(default="", sa_type=String(100), index=True)  # "125/NIC-HTQT", as written
    letter_date: dt.date | None = Field(default=None, index=True)
    template: str = Field(default="other", sa_type=String(40))
    subject: str = Field(sa_type=String(500))  # trích yếu
    subject_en: str = _text()  # for the English variant sent to a foreign partner
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    contact_id: int | None = Field(default=None, foreign_key="contact.id", index=True, ondelete="SET NULL")
    addressee: str = _text()  # "Kính gửi" as written, when not the contact or organisation
    signer_title: str = _text()
    signer_name: str = _text()
    body: str = _text()
    recipients_copy: str = _text()  # "Nơi nhận" lines after the addressee, one a line
    action_id: int | None = Field(default=None, foreign_key="action.id", index=True, ondelete="SET NULL")
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True, ondelete="SET NULL")
    reply_to_id: int | None = Field(default=None, foreign_key="letter.id", index=True, ondelete="SET NULL")
    # Addressed to a post (issue 15 item 5, migration 0009): goes to its holder on the day it is
    # drafted. No foreign key: SQLite adds one only by rebuilding the table.
    post_id: int | None = Field(default=None, index=True)
    status: str = Field(default="draft", sa_type=String(20), index=True)
    reply_due: dt.date | None = Field(default=None)
    owner_id: int | None = Field(default=None, foreign_key="staff.id", index=True, ondelete="SET NULL")
    notes: str = _text()
    # Drafted from a confidential meeting or action (migration 0018): seen by whoever sees
    # that record (db/team.py), marked in the Letters window and in briefs.
    confidential: bool = _confidential()
    search_text: str = _text()


class LetterCounter(SQLModel, table=True):
    """The last number given in one register: a year and an office symbol ("NIC-HTQT")."""

    __tablename__ = "letter_counter"

    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    symbol: str = Field(sa_type=String(60), primary_key=True)
    last_number: int = Field(default=0, nullable=False)


class OfficeDay(SQLModel, table=True):
    """A day the office's calendar differs from the public one: an extra day off, or a
    make-up working day (often a Saturday)."""

    __tablename__ = "office_day"

    day: dt.date = Field(primary_key=True)
    working: bool = Field(default=False, nullable=False)
    note: str = _text()
    created_at: dt.datetime = _ts()
    created_by: str = Field(default="", sa_type=String(200))


# --- issue 15: reorganisations and posts (migration 0009) ----------------------------------

SUCCESSION_KINDS = ("merged", "renamed", "split")


class OrgSuccession(SQLModel, table=True):
    """An organisation merged into, renamed to or split into another, from a date: one row
    per successor (a split has several). The predecessor is kept, with its history, past
    meetings and closed actions; ``group_id`` is the operation's history group (its undo)."""

    __tablename__ = "org_succession"
    __table_args__ = (Index("ux_org_succession", "predecessor_id", "successor_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    predecessor_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    successor_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    kind: str = Field(default="merged", sa_type=String(20))
    effective_on: dt.date = Field()
    note: str = _text()
    group_id: str = Field(default="", sa_type=String(40), index=True)
    created_at: dt.datetime = _ts()
    created_by: str = Field(default="", sa_type=String(200))


class Post(SQLModel, table=True):
    """A post in an organisation ("Phó Giám đốc", NIC) whose holders change over time;
    ``rank`` orders posts by precedence (1 first)."""

    __tablename__ = "post"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(sa_type=String(300))
    title_en: str = _text()
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    rank: int = Field(default=100, nullable=False)
    notes: str = _text()
    created_at: dt.datetime = _ts()
    deleted_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class PostHolder(SQLModel, table=True):
    """A contact holding a post from a day to a day (``ends_on`` None: holds it now), by an
    appointment decision ("Quyết định số 123/QĐ-BKHCN")."""

    __tablename__ = "post_holder"

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(foreign_key="post.id", index=True, ondelete="CASCADE")
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    starts_on: dt.date | None = Field(default=None)
    ends_on: dt.date | None = Field(default=None)
    decision: str = Field(default="", sa_type=String(100))
    created_at: dt.datetime = _ts()


# --- list sort indexes (issue 11, migration 0011) ------------------------------------------
# Every sortable list column has an index led by ``deleted_at``: a list's ids come out of
# ``WHERE deleted_at IS NULL ORDER BY <column>, id`` by walking the index, never by sorting
# the table (app/lists.py, SORTABLE; tests/app/lists/test_plans.py checks every plan).


def _live_sort_index(table: Any, column: str) -> Index:
    t = table.__table__
    return Index(f"ix_{t.name}_live_{column}", t.c.deleted_at, t.c[column])


LIST_SORT_INDEXES = (
    _live_sort_index(Organisation, "acronym"),
    _live_sort_index(Organisation, "kind"),
    _live_sort_index(Organisation, "city"),
    _live_sort_index(Contact, "position"),
    _live_sort_index(Contact, "org_sort_key"),
    _live_sort_index(Meeting, "starts_at"),
    _live_sort_index(Meeting, "title"),
    _live_sort_index(Meeting, "kind"),
    _live_sort_index(Meeting, "location"),
    _live_sort_index(Action, "due_date"),
    _live_sort_index(Action, "title"),
    _live_sort_index(Action, "direction"),
    _live_sort_index(Action, "status"),
    # migration 0012: keys kept by triggers
    _live_sort_index(Action, "org_sort_key"),
    _live_sort_index(Action, "responsible_sort_key"),
    _live_sort_index(Meeting, "org_sort_key"),
    _live_sort_index(Organisation, "owner_sort_key"),
    _live_sort_index(Contact, "email_sort_key"),
    _live_sort_index(Contact, "phone_sort_key"),
)


# --- issue 13: team mode ---------------------------------------------------------------------


class RecordShare(SQLModel, table=True):
    """A confidential record shown to a named colleague besides its owner and the staff on it
    (PostgreSQL's row-level security policies read this table; see db/team.py)."""

    __tablename__ = "record_share"
    __table_args__ = (Index("ux_record_share", "kind", "record_id", "staff_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_type=String(40))
    record_id: int = Field(nullable=False)
    staff_id: int = Field(foreign_key="staff.id", index=True, ondelete="CASCADE")
    shared_by_id: int | None = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    created_at: dt.datetime = _ts()
