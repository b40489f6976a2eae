"""A meeting's time in a letter, with its zone.

A meeting is kept in the office's time (Hanoi, :data:`app.zones.OFFICE`). An English letter
said "Time: 19:00, 16 December 2026." with no zone, and a partner in Tokyo read it as his own
time (reviewer h119). Now:

- an English letter always says the zone: "19:00 Hanoi time (UTC+7)" — English letters go
  abroad, or to people who plan in more than one zone;
- a Vietnamese letter says "(giờ Hà Nội)" only when the addressee is abroad: a letter to a
  ministry in Hanoi keeps "19 giờ 00", as the office writes it;
- when the addressee is abroad and their zone can be told — from their phone number (+81 3… is
  Tokyo's), else from their country when it has one zone (Japan, Germany; not the US) — their
  own time is given too: "19:00 Hanoi
  time (UTC+7; 21:00 in Tokyo)", "19 giờ 00 (giờ Hà Nội, tức 21 giờ 00 tại Tokyo)"; on another
  day there, the day as well.

The addressee is abroad when the letter's contact or organisation (or the contact's
organisation) is in another country, or the contact's first phone number is a foreign one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from phonenumbers import timezone as phone_zones
from sqlalchemy import select
from sqlmodel import Session

from app import zones
from db import models as m
from db.tables import METHOD

HOME = "VN"


@dataclass(frozen=True)
class Abroad:
    """Where the addressee is, as far as Ketnoi can tell."""

    abroad: bool = False
    zone: ZoneInfo | None = None  # their own zone, when one can be told

    @property
    def city(self) -> str:
        """ "Tokyo", "New York": the zone's city."""
        key = getattr(self.zone, "key", "") or ""
        return key.rsplit("/", 1)[-1].replace("_", " ")


def _first_phone(session: Session, contact_id: int) -> str:
    found = session.execute(
        select(METHOD.c.value)
        .where(METHOD.c.contact_id == contact_id, METHOD.c.kind == "phone")
        .order_by(METHOD.c.position)
        .limit(1)
    ).scalar_one_or_none()
    return str(found or "")


def _phone_zone(number: str) -> tuple[str | None, ZoneInfo | None]:
    """The number's country ("JP") and its zone where it has only one (a fixed line in Tokyo;
    a US number of one area)."""
    try:
        parsed = phonenumbers.parse(number, HOME)
    except phonenumbers.NumberParseException:
        return None, None
    region = phonenumbers.region_code_for_number(parsed)
    names = [n for n in phone_zones.time_zones_for_number(parsed) if "/" in n and not n.startswith("Etc/")]
    if len(names) != 1:
        return region, None
    try:
        return region, ZoneInfo(names[0])
    except ZoneInfoNotFoundError:
        return region, None


def _country_zone(country: str) -> ZoneInfo | None:
    """The country's zone when it has only one (Japan, Germany, Korea; not the US)."""
    from phonenumbers.tzdata import TIMEZONE_DATA

    code = phonenumbers.country_code_for_region(country)
    names = TIMEZONE_DATA.get(str(code), ()) if code else ()
    try:
        return ZoneInfo(names[0]) if len(names) == 1 else None
    except ZoneInfoNotFoundError:
        return None


def abroad_of(session: Session, letter: dict[str, Any]) -> Abroad:
    """Whether the letter's addressee is abroad, and their zone when it can be told."""
    con = session.get(m.Contact, letter["contact_id"]) if letter.get("contact_id") else None
    orgs = []
    if letter.get("organisation_id"):
        orgs.append(session.get(m.Organisation, letter["organisation_id"]))
    if con is not None and con.organisation_id:
        orgs.append(session.get(m.Organisation, con.organisation_id))
    countries = {(x.country or HOME).upper() for x in [con, *orgs] if x is not None}
    region, zone = _phone_zone(_first_phone(session, con.id)) if con is not None and con.id else (None, None)
    if region:
        countries.add(region.upper())
    abroad = bool(countries - {HOME})
    if zone is None and abroad:  # else the zone of the first foreign country that has only one
        for x in (con, *orgs):
            if x is not None and (x.country or HOME).upper() != HOME:
                zone = _country_zone(x.country.upper())
                break
    if zone is not None and (not abroad or zone.key == zones.OFFICE.key):
        zone = None
    return Abroad(abroad, zone)


def time_words(starts_at: dt.datetime, lang: str, where: Abroad, day_words: Any) -> str:
    """The meeting's time for ``${meeting_time}`` (see the module's note). ``day_words`` writes
    a day in ``lang`` (the letter's own way)."""
    if lang == "en":
        said = f"{starts_at:%H:%M} Hanoi time ({zones.office_offset_text()}"
    else:
        said = f"{starts_at:%H} giờ {starts_at:%M}"
        if not where.abroad:
            return said
        said += " (giờ Hà Nội"
    if where.zone is not None:
        there = starts_at.replace(tzinfo=zones.OFFICE).astimezone(where.zone).replace(tzinfo=None)
        other_day = there.date() != starts_at.date()
        if lang == "en":
            on = f" on {day_words(there.date())}" if other_day else ""
            said += f"; {there:%H:%M}{on} in {where.city}"
        else:
            on = f" ngày {day_words(there.date())}" if other_day else ""
            said += f", tức {there:%H} giờ {there:%M}{on} tại {where.city}"
    return said + ")"
