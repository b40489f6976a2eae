"""How a drafted letter speaks to the organisation it is written to, and whether it may thank
it for past cooperation.

Reviewer h129 drafted an introduction letter to a company Ketnoi had never met: it called the
company "Quý cơ quan" (the form for a state body: a company is "Quý Công ty"), thanked it "vì
sự hợp tác … trong thời gian qua", and with no officer in charge said "đầu mối của NIC là cán
bộ phụ trách". Here:

* :func:`addressed_as` — "Quý Bộ", "Quý Sở", "Quý Công ty", "Quý Trường", "Quý Viện"… from the
  first words of the organisation's Vietnamese name ("Vụ Công nghệ cao" is "Quý Vụ" although
  recorded as a ministry), else from its kind (:data:`db.models.ORGANISATION_KINDS`), else
  the neutral "Quý đơn vị"; "Quý cơ quan" for an agency, and for a letter to no organisation
  (as before). In English, "you".
* :func:`worked_with` — whether we have a history with it: a meeting held (started by now) with
  the organisation, or attended by one of its people. Without one, a letter does not thank it
  for cooperation "so far".
* :data:`BLANK` — what stands for a person no record names (Vietnamese drafts leave a dotted
  blank for the officer to fill, "ông/bà …………"), never words that read as a name.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from sqlalchemy import exists, or_
from sqlmodel import Session, col, select

from db import models as m

# The first words of a Vietnamese name, and how a letter addresses such a body: the longest first
# ("Tổng công ty" before "Công ty", "Học viện" before "Viện", "Hiệp hội" before "Hội").
_BY_NAME: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "bộ": "Quý Bộ",
            "tổng cục": "Quý Tổng cục",
            "cục": "Quý Cục",
            "vụ": "Quý Vụ",
            "sở": "Quý Sở",
            "ủy ban": "Quý Ủy ban",
            "ban": "Quý Ban",
            "văn phòng": "Quý Văn phòng",
            "đại sứ quán": "Quý Đại sứ quán",
            "tổng công ty": "Quý Tổng công ty",
            "công ty": "Quý Công ty",
            "tập đoàn": "Quý Tập đoàn",
            "ngân hàng": "Quý Ngân hàng",
            "quỹ": "Quý Quỹ",
            "đại học": "Quý Đại học",
            "trường": "Quý Trường",
            "học viện": "Quý Học viện",
            "viện": "Quý Viện",
            "trung tâm": "Quý Trung tâm",
            "hiệp hội": "Quý Hiệp hội",
            "hội": "Quý Hội",
            "liên minh": "Quý Liên minh",
            "mạng lưới": "Quý Mạng lưới",
            "tổ chức": "Quý Tổ chức",
        }.items(),
        key=lambda pair: -len(pair[0]),
    )
)

_BY_KIND = {
    "ministry": "Quý Bộ",
    "agency": "Quý cơ quan",
    "enterprise": "Quý Công ty",
    "startup": "Quý Công ty",
    "university": "Quý Trường",
    "research_institute": "Quý Viện",
}
NEUTRAL = "Quý đơn vị"
NO_ORGANISATION = "Quý cơ quan"

BLANK = "……………………"
"""A blank a person fills in on the printed draft (Vietnamese drafts write dots)."""


def _lower(text: str) -> str:
    """Lower case, composed, one spelling of "uỷ"/"ủy" and single spaces: for comparing words."""
    text = unicodedata.normalize("NFC", text).lower().replace("uỷ", "ủy")
    return " ".join(text.split())


def addressed_as(name: str, kind: str | None, lang: str = "vi") -> str:
    """How the letter calls the organisation ``name`` of ``kind`` in its sentences: "Quý Công ty"."""
    if lang == "en":
        return "you"
    words = _lower(name)
    if not words and not kind:
        return NO_ORGANISATION
    for start, form in _BY_NAME:
        if words == start or words.startswith(start + " "):
            return form
    return _BY_KIND.get(kind or "", NEUTRAL)


def recipient_org(session: Session, letter: dict[str, Any]) -> m.Organisation | None:
    """The organisation a letter is written to: its own, else its contact's (as
    :func:`app.letters.office.addressee_of` names it)."""
    org_id = letter.get("organisation_id")
    if not org_id and letter.get("contact_id"):
        con = session.get(m.Contact, letter["contact_id"])
        org_id = con.organisation_id if con is not None else None
    org = session.get(m.Organisation, org_id) if org_id else None
    return org if org is not None and org.deleted_at is None else None


def worked_with(session: Session, organisation_id: int | None, now: dt.datetime) -> bool:
    """Whether a live meeting started by ``now`` (local wall-clock time, as meetings are kept)
    had the organisation among its organisations or one of its people among its attendees."""
    if not organisation_id:
        return False
    linked = exists().where(
        col(m.MeetingOrganisation.meeting_id) == m.Meeting.id,
        col(m.MeetingOrganisation.organisation_id) == organisation_id,
    )
    attended = exists().where(
        col(m.MeetingAttendee.meeting_id) == m.Meeting.id,
        col(m.MeetingAttendee.contact_id) == m.Contact.id,
        col(m.Contact.organisation_id) == organisation_id,
        col(m.Contact.deleted_at).is_(None),
    )
    found = session.exec(
        select(m.Meeting.id)
        .where(col(m.Meeting.deleted_at).is_(None), m.Meeting.starts_at <= now, or_(linked, attended))
        .limit(1)
    ).first()
    return found is not None
