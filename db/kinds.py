"""The record kinds, once: each kind's model, table, label column, nouns, relations, link tables.

Code that needs "the model of a contact", "the tables that link tags to organisations" or
"which kinds have a list, a search, a merge" asks here instead of keeping its own tuple of
kind names or an ``if entity == "contact" … elif`` chain:

    kinds.info("contact").label_field        # "full_name"
    kinds.info(entity).tag_link              # (CON_TAG, "contact_id"), None for meetings
    for kind in kinds.RECORD_KINDS: ...      # organisation, contact, meeting, action

``Kind`` is a ``StrEnum``: ``Kind.CONTACT == "contact"``, so the plain strings used across the
app, the CLI and stored history (``Change.entity``) are the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Table

from db import models as m
from db.tables import ATTENDEE, CON_TAG, MEET_ORG, ORG_TAG, table_of


class Kind(StrEnum):
    ORGANISATION = "organisation"
    CONTACT = "contact"
    MEETING = "meeting"
    ACTION = "action"
    STAFF = "staff"
    LETTER = "letter"
    ATTACHMENT = "attachment"


@dataclass(frozen=True)
class KindInfo:
    kind: Kind
    model: type[m.Record]
    label_field: str  # the column that names a record ("Genetica", "Nguyễn Thị Hồng Nhung")
    noun: str  # English, for messages of the services and the CLI (the window translates its own)
    plural: str
    noun_vi: str
    relations: tuple[str, ...] = ()  # list-valued fields kept in other tables
    tag_link: tuple[Table, str] | None = None  # (link table, column naming the record)
    meeting_link: tuple[Table, str] | None = None  # how the record takes part in a meeting
    action_column: str | None = None  # the column of an action that points at the record
    owner_column: str | None = "owner_id"  # the staff member a list's "owner" filter means
    listed: bool = True  # a list view, the search box, the full-text index, import and export
    mergeable: bool = False  # duplicates are looked for and merged
    briefable: bool = False  # a PDF brief exists for one record

    @property
    def table(self) -> Table:
        return table_of(self.model)


KINDS: dict[str, KindInfo] = {
    k.kind: k
    for k in (
        KindInfo(
            Kind.ORGANISATION,
            m.Organisation,
            "name",
            "organisation",
            "organisations",
            "tổ chức",
            relations=("sectors", "tags"),
            tag_link=(ORG_TAG, "organisation_id"),
            meeting_link=(MEET_ORG, "organisation_id"),
            action_column="organisation_id",
            mergeable=True,
            briefable=True,
        ),
        KindInfo(
            Kind.CONTACT,
            m.Contact,
            "full_name",
            "contact",
            "contacts",
            "liên hệ",
            relations=("emails", "phones", "tags"),
            tag_link=(CON_TAG, "contact_id"),
            meeting_link=(ATTENDEE, "contact_id"),
            action_column="responsible_contact_id",
            mergeable=True,
            briefable=True,
        ),
        KindInfo(
            Kind.MEETING,
            m.Meeting,
            "title",
            "meeting",
            "meetings",
            "cuộc họp",
            relations=("attendees", "organisation_ids", "staff_ids"),
            action_column="meeting_id",
            briefable=True,
        ),
        KindInfo(
            Kind.ACTION,
            m.Action,
            "title",
            "action",
            "actions",
            "việc cần làm",
            owner_column="responsible_staff_id",
        ),
        KindInfo(
            Kind.STAFF,
            m.Staff,
            "name",
            "staff member",
            "staff",
            "cán bộ",
            action_column="responsible_staff_id",
            owner_column=None,
            listed=False,
        ),
        KindInfo(  # an official letter in the register (issue 15): history, trash, undo
            Kind.LETTER,
            m.Letter,
            "subject",
            "letter",
            "letters",
            "công văn",
            listed=False,
        ),
        KindInfo(  # a file on a record of another kind (issue 14): removed to the trash, undone
            Kind.ATTACHMENT,
            m.Attachment,
            "file_name",
            "attachment",
            "attachments",
            "tệp đính kèm",
            owner_column=None,
            listed=False,
        ),
    )
}

ALL_KINDS: tuple[str, ...] = tuple(KINDS)
RECORD_KINDS: tuple[str, ...] = tuple(k for k, i in KINDS.items() if i.listed)
"""The four kinds with a list, a search and an import sheet, in menu order."""
MERGEABLE: tuple[str, ...] = tuple(k for k, i in KINDS.items() if i.mergeable)
TAGGABLE: tuple[str, ...] = tuple(k for k, i in KINDS.items() if i.tag_link)
BRIEFABLE: tuple[str, ...] = tuple(k for k, i in KINDS.items() if i.briefable)
ATTACHABLE: tuple[str, ...] = tuple(k for k, i in KINDS.items() if i.listed or k == Kind.LETTER)
"""The kinds a file can be attached to (app.attachments): the listed ones, and a letter (its
signed scan, issue 15)."""


def info(kind: str) -> KindInfo:
    """The registry entry of ``kind``; ValueError naming the choices for anything else."""
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown record kind {kind!r}; one of {', '.join(ALL_KINDS)}") from None


def model(kind: str) -> type[m.Record]:
    return info(kind).model


def table(kind: str) -> Table:
    return info(kind).table
