"""The tables behind the SQLModel classes, typed, for Core queries (``select(CON.c.id)``).

SQLModel declares ``__table__`` at run time only, so reading it from a class needs a type
ignore; this module is the one place that does it.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from db import models as m


def table_of(model: type[object]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


ORG = table_of(m.Organisation)
ORG_SECTOR = table_of(m.OrganisationSector)
ORG_TAG = table_of(m.OrganisationTag)
CON = table_of(m.Contact)
CON_TAG = table_of(m.ContactTag)
METHOD = table_of(m.ContactMethod)
MEET = table_of(m.Meeting)
ATTENDEE = table_of(m.MeetingAttendee)
MEET_ORG = table_of(m.MeetingOrganisation)
MEET_STAFF = table_of(m.MeetingStaff)
ACT = table_of(m.Action)
STAFF = table_of(m.Staff)
TAG = table_of(m.Tag)
SECTOR = table_of(m.Sector)
CHANGE = table_of(m.Change)
LETTER = table_of(m.Letter)
LETTER_COUNTER = table_of(m.LetterCounter)
OFFICE_DAY = table_of(m.OfficeDay)
